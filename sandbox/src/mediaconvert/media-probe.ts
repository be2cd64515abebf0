import { type MediaTools, runTool } from './media-tools.ts';

/** What ffprobe tells about a media file that the job needs. */
export interface MediaInfo {
  readonly durationMs: number;
  readonly video?: { readonly width: number; readonly height: number; readonly codec: string };
  readonly hasAudio: boolean;
  /** The container's overall bitrate in bit/s, when ffprobe knows it. */
  readonly bitrate?: number;
}

/** Why a file could not be probed: ffprobe's own words. */
export class ProbeFailedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ProbeFailedError';
  }
}

interface ProbeOutput {
  readonly format?: { readonly duration?: string; readonly bit_rate?: string };
  readonly streams?: readonly {
    readonly codec_type?: string;
    readonly codec_name?: string;
    readonly width?: number;
    readonly height?: number;
  }[];
}

/** Probes a local file (or HLS playlist) with ffprobe; rejects with `ProbeFailedError` when ffprobe cannot read it. */
export async function probeMedia(tools: MediaTools, file: string, signal?: AbortSignal): Promise<MediaInfo> {
  const run = await runTool(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    signal,
  );
  if (run.exitCode !== 0) {
    throw new ProbeFailedError(run.stderr.split('\n').pop() || `ffprobe exited with ${run.exitCode}`);
  }
  const output = JSON.parse(run.stdout) as ProbeOutput;
  const video = output.streams?.find((stream) => stream.codec_type === 'video');
  const duration = Number(output.format?.duration);
  const bitrate = Number(output.format?.bit_rate);
  return {
    durationMs: Number.isFinite(duration) ? Math.round(duration * 1000) : 0,
    hasAudio: output.streams?.some((stream) => stream.codec_type === 'audio') ?? false,
    ...(video?.width &&
      video.height && {
        video: { width: video.width, height: video.height, codec: video.codec_name ?? 'unknown' },
      }),
    ...(Number.isFinite(bitrate) && bitrate > 0 && { bitrate }),
  };
}
