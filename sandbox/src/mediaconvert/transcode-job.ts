import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ffmpegArguments } from './ffmpeg-arguments.ts';
import { InputNotFoundError, type JobObjectStore } from './job-objects.ts';
import type { HlsVariantOutput, JobPlan, PlannedGroup, PlannedOutput } from './job-plan.ts';
import { type MediaInfo, ProbeFailedError, probeMedia } from './media-probe.ts';
import { type MediaTools, runTool } from './media-tools.ts';
import { JobFailedError } from './mediaconvert-errors.ts';
import type { OutputDetail, OutputGroupDetail } from './mediaconvert-job.ts';
import { s3UriOf } from './s3-uri.ts';

export interface TranscodeDependencies {
  readonly tools: MediaTools;
  readonly objects: JobObjectStore;
  /** Called after each output is written, with the share of outputs done (0–100). */
  readonly onProgress?: (percent: number) => void;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  mp4: 'video/mp4',
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/MP2T',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

const contentTypeOf = (file: string) =>
  CONTENT_TYPES[file.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

/**
 * Runs a planned job in `workDir`: copies the input from S3, probes it, runs ffmpeg once per
 * output, writes each group's files (and an HLS group's multivariant playlist) to its destination,
 * and returns what the COMPLETE event reports. Failures are `JobFailedError`s with MediaConvert's
 * error codes: 1404 the input does not exist, 1010 it cannot be opened, 1020 it has no video,
 * 1040 ffmpeg refused the settings for this input.
 */
export async function transcodeJob(
  plan: JobPlan,
  workDir: string,
  deps: TranscodeDependencies,
  signal: AbortSignal,
): Promise<OutputGroupDetail[]> {
  const inputUri = s3UriOf(plan.input);
  const inputFile = join(workDir, 'input');
  try {
    await deps.objects.download(plan.input, inputFile, signal);
  } catch (error) {
    if (error instanceof InputNotFoundError) {
      throw new JobFailedError(`Unable to open input file [${inputUri}]: [${error.message}]`, 1404, {
        cause: error,
      });
    }
    throw error;
  }
  const input = await probeInput(deps.tools, inputFile, inputUri, signal);

  const total = plan.groups.reduce((sum, group) => sum + group.outputs.length, 0);
  let done = 0;
  const details: OutputGroupDetail[] = [];
  for (const [index, group] of plan.groups.entries()) {
    const groupDir = join(workDir, `group-${index + 1}`);
    await mkdir(groupDir, { recursive: true });
    const outputDetails: OutputDetail[] = [];
    for (const output of group.outputs) {
      await encode(deps.tools, output, inputFile, groupDir, signal);
      outputDetails.push(await describeOutput(deps.tools, output, group, groupDir, input, signal));
      done += 1;
      deps.onProgress?.(Math.round((done / total) * 100));
    }
    if (group.masterPlaylist) {
      await writeFile(
        join(groupDir, group.masterPlaylist),
        await masterPlaylist(deps.tools, group, groupDir, signal),
      );
    }
    for (const file of (await readdir(groupDir)).sort()) {
      const location = { bucket: group.folder.bucket, key: `${group.folder.key}${file}` };
      await deps.objects.upload(location, join(groupDir, file), contentTypeOf(file), signal);
    }
    details.push({
      type: group.type,
      outputDetails,
      ...(group.masterPlaylist && { playlistFilePaths: [uriIn(group, group.masterPlaylist)] }),
    });
  }
  return details;
}

async function probeInput(
  tools: MediaTools,
  file: string,
  uri: string,
  signal: AbortSignal,
): Promise<MediaInfo> {
  let info: MediaInfo;
  try {
    info = await probeMedia(tools, file, signal);
  } catch (error) {
    if (!(error instanceof ProbeFailedError)) throw error;
    throw new JobFailedError(
      `Unable to open input file [${uri}]: [Failed probe/open: [${error.reason}]]`,
      1010,
      {
        cause: error,
      },
    );
  }
  if (!info.video) {
    throw new JobFailedError(`Unable to find a video stream in input file [${uri}]`, 1020);
  }
  return info;
}

async function encode(
  tools: MediaTools,
  output: PlannedOutput,
  inputFile: string,
  groupDir: string,
  signal: AbortSignal,
): Promise<void> {
  const run = await runTool(tools.ffmpeg, ffmpegArguments(output, inputFile, groupDir), signal);
  if (run.exitCode !== 0) {
    const reason =
      run.stderr.split('\n').slice(-3).join(' ') || `ffmpeg exited with ${run.exitCode ?? run.signal}`;
    throw new JobFailedError(`Unable to write output [${outputName(output)}]: [${reason}]`, 1040);
  }
}

const outputName = (output: PlannedOutput) =>
  output.kind === 'mp4'
    ? output.fileName
    : output.kind === 'hls-variant'
      ? output.playlistName
      : output.filePattern;

const uriIn = (group: PlannedGroup, file: string) =>
  s3UriOf({ bucket: group.folder.bucket, key: `${group.folder.key}${file}` });

async function describeOutput(
  tools: MediaTools,
  output: PlannedOutput,
  group: PlannedGroup,
  groupDir: string,
  input: MediaInfo,
  signal: AbortSignal,
): Promise<OutputDetail> {
  let file: string;
  if (output.kind === 'frame-capture') {
    // MediaConvert reports the last capture of a frame-capture output.
    const prefix = output.filePattern.slice(0, output.filePattern.indexOf('%'));
    const captures = (await readdir(groupDir)).filter((name) => name.startsWith(prefix)).sort();
    const last = captures.at(-1);
    if (!last)
      throw new JobFailedError(`Unable to write output [${output.filePattern}]: [no frame captured]`, 1040);
    file = last;
  } else {
    file = output.kind === 'mp4' ? output.fileName : output.playlistName;
  }
  const info = await probeMedia(tools, join(groupDir, file), signal);
  return {
    outputFilePaths: [uriIn(group, file)],
    durationInMs: output.kind === 'frame-capture' ? input.durationMs : info.durationMs,
    ...(info.video && {
      videoDetails: {
        widthInPx: info.video.width,
        heightInPx: info.video.height,
        ...(info.bitrate !== undefined &&
          output.kind !== 'frame-capture' && { averageBitrate: info.bitrate }),
      },
    }),
  };
}

/** The multivariant playlist of an HLS group: one `EXT-X-STREAM-INF` per variant, highest bandwidth first. */
async function masterPlaylist(
  tools: MediaTools,
  group: PlannedGroup,
  groupDir: string,
  signal: AbortSignal,
): Promise<string> {
  const variants = group.outputs.filter(
    (output): output is HlsVariantOutput => output.kind === 'hls-variant',
  );
  const entries = await Promise.all(
    variants.map(async (variant) => {
      const info = await probeMedia(tools, join(groupDir, variant.playlistName), signal);
      const bandwidth = await peakBandwidth(join(groupDir, variant.playlistName));
      return { variant, info, bandwidth };
    }),
  );
  entries.sort((a, b) => b.bandwidth - a.bandwidth);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const { variant, info, bandwidth } of entries) {
    const resolution = info.video ? `,RESOLUTION=${info.video.width}x${info.video.height}` : '';
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth}${resolution}`, variant.playlistName);
  }
  return `${lines.join('\n')}\n`;
}

/** The highest bitrate of any segment of a media playlist (the `BANDWIDTH` the HLS spec asks for). */
async function peakBandwidth(playlistFile: string): Promise<number> {
  const dir = dirname(playlistFile);
  const lines = (await readFile(playlistFile, 'utf8')).split('\n');
  let peak = 0;
  for (const [index, line] of lines.entries()) {
    const duration = /^#EXTINF:([\d.]+)/.exec(line)?.[1];
    const segment = lines[index + 1]?.trim();
    if (!duration || !segment) continue;
    const { size } = await stat(join(dir, segment));
    peak = Math.max(peak, Math.ceil((size * 8) / Math.max(Number(duration), 0.001)));
  }
  return peak;
}
