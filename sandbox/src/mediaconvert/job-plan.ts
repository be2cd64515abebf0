import type { JobSettings, OutputGroupSettings, OutputSettings } from './job-settings.ts';
import { MediaConvertBadRequestError } from './mediaconvert-errors.ts';
import { parseS3Uri, type S3Location } from './s3-uri.ts';

/** How an output's picture is sized: MediaConvert's `Width`/`Height` and `ScalingBehavior`. */
export interface PictureSize {
  readonly width?: number;
  readonly height?: number;
  /** `STRETCH_TO_OUTPUT` ignores the aspect ratio; the others fit the picture inside the box. */
  readonly stretch: boolean;
}

export interface H264Encoding {
  readonly size: PictureSize;
  readonly rateControl: 'QVBR' | 'CBR' | 'VBR';
  readonly qualityLevel: number;
  readonly bitrate?: number;
  readonly maxBitrate?: number;
  readonly profile?: string;
  readonly framerate?: { readonly numerator: number; readonly denominator: number };
}

export interface AacEncoding {
  readonly bitrate: number;
  readonly sampleRate: number;
  readonly channels: number;
}

interface EncodedOutput {
  readonly video: H264Encoding;
  /** Undefined: the output has no audio track. */
  readonly audio?: AacEncoding;
}

/** One file of a file group (`<name><modifier>.mp4`). */
export interface Mp4Output extends EncodedOutput {
  readonly kind: 'mp4';
  readonly fileName: string;
}

/** One rendition of an HLS group: its media playlist and its numbered `.ts` segments. */
export interface HlsVariantOutput extends EncodedOutput {
  readonly kind: 'hls-variant';
  readonly playlistName: string;
  /** ffmpeg's pattern for the segment names: `<name><modifier>_%05d.ts`, numbered from 1. */
  readonly segmentPattern: string;
  readonly segmentSeconds: number;
}

/** Still frames (`<name><modifier>.0000000.jpg`, ...): `frameRate` captures a second, at most `maxCaptures`. */
export interface FrameCaptureOutput {
  readonly kind: 'frame-capture';
  /** ffmpeg's pattern, numbered from 0 as MediaConvert numbers its captures. */
  readonly filePattern: string;
  readonly size: PictureSize;
  readonly frameRate: { readonly numerator: number; readonly denominator: number };
  readonly maxCaptures: number;
  /** MediaConvert's JPEG quality, 1–100. */
  readonly quality: number;
}

export type PlannedOutput = Mp4Output | HlsVariantOutput | FrameCaptureOutput;

export interface PlannedGroup {
  /** The type the COMPLETE event reports (`FILE_GROUP`, `HLS_GROUP`). */
  readonly type: 'FILE_GROUP' | 'HLS_GROUP';
  /** Where the group's files go: a bucket and a key prefix ending in `/` (or empty). */
  readonly folder: S3Location;
  readonly outputs: readonly PlannedOutput[];
  /** The multivariant playlist of an HLS group, `<name>.m3u8`. */
  readonly masterPlaylist?: string;
}

export interface JobPlan {
  readonly input: S3Location;
  readonly groups: readonly PlannedGroup[];
}

const DEFAULT_QVBR_LEVEL = 7;
const CHANNELS: Readonly<Record<string, number>> = {
  CODING_MODE_1_0: 1,
  CODING_MODE_1_1: 2,
  CODING_MODE_2_0: 2,
  CODING_MODE_5_1: 6,
  AD_RECEIVER_MIX: 2,
};

/**
 * What a job will write, and how: the files MediaConvert would name for each output of each group,
 * with the encoding each one asks for. Everything the emulation cannot honour is reported at once
 * as a `BadRequestException`, before the job is accepted, rather than failing later in ffmpeg.
 */
export function planJob(settings: JobSettings): JobPlan {
  const problems: string[] = [];
  if (settings.Inputs.length > 1) {
    problems.push('/settings/inputs: the sandbox emulates jobs with one input (no input stitching)');
  }
  const fileInput = settings.Inputs[0]?.FileInput ?? '';
  const input = parseS3Uri(fileInput);
  if (!input || input.key === '' || input.key.endsWith('/')) {
    problems.push(`/settings/inputs/0/fileInput: expected s3://bucket/key, got "${fileInput}"`);
  }
  const inputName = baseNameOf(input?.key ?? '');
  const groups = settings.OutputGroups.map((group, index) =>
    planGroup(group, `/settings/outputGroups/${index}`, inputName, problems),
  );
  if (problems.length > 0 || !input) throw new MediaConvertBadRequestError(problems);
  return { input, groups: groups.filter((group): group is PlannedGroup => group !== undefined) };
}

/** `movies/clip.mov` → `clip`: MediaConvert names outputs after the input file, without its extension. */
export function baseNameOf(key: string): string {
  const file = key.split('/').pop() ?? '';
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

function planGroup(
  group: OutputGroupSettings,
  path: string,
  inputName: string,
  problems: string[],
): PlannedGroup | undefined {
  const { Type } = group.OutputGroupSettings;
  const groupSettings =
    Type === 'FILE_GROUP_SETTINGS'
      ? group.OutputGroupSettings.FileGroupSettings
      : Type === 'HLS_GROUP_SETTINGS'
        ? group.OutputGroupSettings.HlsGroupSettings
        : undefined;
  if (Type !== 'FILE_GROUP_SETTINGS' && Type !== 'HLS_GROUP_SETTINGS') {
    problems.push(
      `${path}/outputGroupSettings/type: the sandbox emulates FILE_GROUP_SETTINGS and HLS_GROUP_SETTINGS, not ${Type}`,
    );
    return undefined;
  }
  const destination = groupSettings?.Destination;
  const location = destination ? parseS3Uri(destination) : undefined;
  if (!location) {
    problems.push(
      `${path}/outputGroupSettings: a Destination s3://bucket/prefix/ is required, got "${destination ?? ''}"`,
    );
    return undefined;
  }
  // `s3://b/dir/` names files after the input; `s3://b/dir/name` names them `name…`.
  const slash = location.key.lastIndexOf('/');
  const folder = { bucket: location.bucket, key: location.key.slice(0, slash + 1) };
  const name = location.key.slice(slash + 1) || inputName;

  const modifiers = group.Outputs.map((output) => output.NameModifier ?? '');
  if (group.Outputs.length > 1 && new Set(modifiers).size !== modifiers.length) {
    problems.push(`${path}/outputs: each output of a group with several outputs needs its own nameModifier`);
  }
  const outputs = group.Outputs.map((output, index) =>
    Type === 'HLS_GROUP_SETTINGS'
      ? planHlsVariant(output, `${path}/outputs/${index}`, name, group, problems)
      : planFileOutput(output, `${path}/outputs/${index}`, name, problems),
  ).filter((output): output is PlannedOutput => output !== undefined);
  return Type === 'HLS_GROUP_SETTINGS'
    ? { type: 'HLS_GROUP', folder, outputs, masterPlaylist: `${name}.m3u8` }
    : { type: 'FILE_GROUP', folder, outputs };
}

function planFileOutput(
  output: OutputSettings,
  path: string,
  name: string,
  problems: string[],
): PlannedOutput | undefined {
  const container = output.ContainerSettings?.Container ?? 'MP4';
  const codec = output.VideoDescription?.CodecSettings.Codec;
  const base = `${name}${output.NameModifier ?? ''}`;
  if (container === 'RAW' && codec === 'FRAME_CAPTURE') {
    const capture = output.VideoDescription?.CodecSettings.FrameCaptureSettings ?? {};
    return {
      kind: 'frame-capture',
      filePattern: `${base}.%07d.${output.Extension ?? 'jpg'}`,
      size: sizeOf(output),
      frameRate: {
        numerator: capture.FramerateNumerator ?? 1,
        denominator: capture.FramerateDenominator ?? 1,
      },
      maxCaptures: capture.MaxCaptures ?? 10_000_000,
      quality: capture.Quality ?? 80,
    };
  }
  if (container !== 'MP4') {
    problems.push(
      `${path}/containerSettings/container: the sandbox writes MP4 files and frame captures (RAW), not ${container}`,
    );
    return undefined;
  }
  const encoded = encodingOf(output, path, problems);
  return encoded && { kind: 'mp4', fileName: `${base}.${output.Extension ?? 'mp4'}`, ...encoded };
}

function planHlsVariant(
  output: OutputSettings,
  path: string,
  name: string,
  group: OutputGroupSettings,
  problems: string[],
): PlannedOutput | undefined {
  const container = output.ContainerSettings?.Container ?? 'M3U8';
  if (container !== 'M3U8') {
    problems.push(`${path}/containerSettings/container: an HLS output is M3U8, not ${container}`);
    return undefined;
  }
  if (!output.NameModifier) {
    problems.push(
      `${path}/nameModifier: an HLS output needs a nameModifier (its playlist is <name><modifier>.m3u8)`,
    );
  }
  const encoded = encodingOf(output, path, problems);
  const base = `${name}${output.NameModifier ?? ''}`;
  return (
    encoded && {
      kind: 'hls-variant',
      playlistName: `${base}.m3u8`,
      segmentPattern: `${base}_%05d.ts`,
      segmentSeconds: group.OutputGroupSettings.HlsGroupSettings?.SegmentLength ?? 10,
      ...encoded,
    }
  );
}

function encodingOf(output: OutputSettings, path: string, problems: string[]): EncodedOutput | undefined {
  const video = output.VideoDescription;
  if (!video) {
    problems.push(
      `${path}/videoDescription: the sandbox needs a video description (audio-only outputs are not emulated)`,
    );
    return undefined;
  }
  if (video.CodecSettings.Codec !== 'H_264') {
    problems.push(
      `${path}/videoDescription/codecSettings/codec: the sandbox encodes H_264, not ${video.CodecSettings.Codec}`,
    );
    return undefined;
  }
  const h264 = video.CodecSettings.H264Settings ?? {};
  const rateControl = h264.RateControlMode ?? 'QVBR';
  if (rateControl !== 'QVBR' && h264.Bitrate === undefined) {
    problems.push(
      `${path}/videoDescription/codecSettings/h264Settings/bitrate: required with ${rateControl}`,
    );
  }
  const framerate =
    h264.FramerateControl === 'SPECIFIED' && h264.FramerateNumerator && h264.FramerateDenominator
      ? { numerator: h264.FramerateNumerator, denominator: h264.FramerateDenominator }
      : undefined;
  const audio = output.AudioDescriptions?.[0];
  if ((output.AudioDescriptions?.length ?? 0) > 1) {
    problems.push(`${path}/audioDescriptions: the sandbox writes one audio track per output`);
  }
  if (audio && audio.CodecSettings.Codec !== 'AAC') {
    problems.push(
      `${path}/audioDescriptions/0/codecSettings/codec: the sandbox encodes AAC, not ${audio.CodecSettings.Codec}`,
    );
  }
  const aac = audio?.CodecSettings.AacSettings ?? {};
  return {
    video: {
      size: sizeOf(output),
      rateControl,
      qualityLevel: h264.QvbrSettings?.QvbrQualityLevel ?? DEFAULT_QVBR_LEVEL,
      ...(h264.Bitrate !== undefined && { bitrate: h264.Bitrate }),
      ...(h264.MaxBitrate !== undefined && { maxBitrate: h264.MaxBitrate }),
      ...(h264.CodecProfile && { profile: h264.CodecProfile }),
      ...(framerate && { framerate }),
    },
    ...(audio && {
      audio: {
        bitrate: aac.Bitrate ?? 96_000,
        sampleRate: aac.SampleRate ?? 48_000,
        channels: CHANNELS[aac.CodingMode ?? 'CODING_MODE_2_0'] ?? 2,
      },
    }),
  };
}

function sizeOf(output: OutputSettings): PictureSize {
  const video = output.VideoDescription;
  return {
    ...(video?.Width !== undefined && { width: video.Width }),
    ...(video?.Height !== undefined && { height: video.Height }),
    stretch: video?.ScalingBehavior === 'STRETCH_TO_OUTPUT',
  };
}
