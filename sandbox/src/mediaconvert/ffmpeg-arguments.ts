import { join } from 'node:path';
import type { AacEncoding, H264Encoding, PictureSize, PlannedOutput } from './job-plan.ts';

/** x264's profile names for MediaConvert's `CodecProfile` (10-bit and 4:2:2 need their own pixel formats). */
const PROFILES: Readonly<Record<string, string>> = {
  BASELINE: 'baseline',
  MAIN: 'main',
  HIGH: 'high',
  HIGH_10BIT: 'high10',
  HIGH_422: 'high422',
  HIGH_422_10BIT: 'high422',
};

const PIXEL_FORMATS: Readonly<Record<string, string>> = {
  HIGH_10BIT: 'yuv420p10le',
  HIGH_422: 'yuv422p',
  HIGH_422_10BIT: 'yuv422p10le',
};

/**
 * The constant rate factor for a QVBR quality level (1–10): level 7, MediaConvert's default for
 * web delivery, is x264's own default of 23; each level is worth about 2.5 CRF steps.
 */
export function crfOfQualityLevel(level: number): number {
  return Math.round(23 + (7 - level) * 2.5);
}

/** MediaConvert's JPEG quality (1–100, higher is better) as ffmpeg's `-q:v` (2–31, lower is better). */
export function jpegQscale(quality: number): number {
  return Math.round(31 - ((Math.min(100, Math.max(1, quality)) - 1) * 29) / 99);
}

/**
 * The `scale` filter for a picture size, keeping dimensions even (H.264 4:2:0 needs them): a height
 * alone follows the aspect ratio, as does a width alone; both, with the default scaling behaviour,
 * fit the picture inside the box and pad it (MediaConvert letterboxes); `STRETCH_TO_OUTPUT` stretches.
 */
export function scaleFilter(size: PictureSize): string {
  const { width, height } = size;
  if (width !== undefined && height !== undefined) {
    return size.stretch
      ? `scale=${even(width)}:${even(height)}`
      : `scale=${even(width)}:${even(height)}:force_original_aspect_ratio=decrease:force_divisible_by=2,` +
          `pad=${even(width)}:${even(height)}:(ow-iw)/2:(oh-ih)/2`;
  }
  if (height !== undefined) return `scale=-2:${even(height)}`;
  if (width !== undefined) return `scale=${even(width)}:-2`;
  return 'scale=trunc(iw/2)*2:trunc(ih/2)*2';
}

const even = (value: number) => value - (value % 2);

function videoArguments(video: H264Encoding): string[] {
  const args = ['-map', '0:v:0', '-vf', scaleFilter(video.size), '-c:v', 'libx264', '-preset', 'veryfast'];
  args.push('-pix_fmt', (video.profile && PIXEL_FORMATS[video.profile]) ?? 'yuv420p');
  const profile = video.profile && PROFILES[video.profile];
  if (profile) args.push('-profile:v', profile);
  if (video.rateControl === 'QVBR') {
    args.push('-crf', String(crfOfQualityLevel(video.qualityLevel)));
  } else if (video.bitrate !== undefined) {
    args.push('-b:v', String(video.bitrate));
    if (video.rateControl === 'CBR') args.push('-minrate', String(video.bitrate));
  }
  const cap = video.rateControl === 'CBR' ? video.bitrate : video.maxBitrate;
  if (cap !== undefined) args.push('-maxrate', String(cap), '-bufsize', String(cap * 2));
  if (video.framerate) args.push('-r', `${video.framerate.numerator}/${video.framerate.denominator}`);
  return args;
}

function audioArguments(audio: AacEncoding | undefined): string[] {
  // `?`: an input without sound gives an output without sound, not a failed job.
  if (!audio) return ['-an'];
  return [
    '-map',
    '0:a:0?',
    '-c:a',
    'aac',
    '-b:a',
    String(audio.bitrate),
    '-ar',
    String(audio.sampleRate),
    '-ac',
    String(audio.channels),
  ];
}

/**
 * The ffmpeg command line (after `ffmpeg`) that writes one planned output into `outputDir` from
 * the local copy of the input. Each output is one ffmpeg run: simpler to bound and to report on
 * than one run with many outputs, at the price of decoding the input once per output.
 */
export function ffmpegArguments(output: PlannedOutput, inputPath: string, outputDir: string): string[] {
  const common = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', inputPath];
  switch (output.kind) {
    case 'mp4':
      return [
        ...common,
        ...videoArguments(output.video),
        ...audioArguments(output.audio),
        '-movflags',
        '+faststart',
        '-f',
        'mp4',
        join(outputDir, output.fileName),
      ];
    case 'hls-variant':
      return [
        ...common,
        ...videoArguments(output.video),
        ...audioArguments(output.audio),
        // Segments can only start on a key frame: force one at every segment boundary.
        '-force_key_frames',
        `expr:gte(t,n_forced*${output.segmentSeconds})`,
        '-f',
        'hls',
        '-hls_time',
        String(output.segmentSeconds),
        '-hls_playlist_type',
        'vod',
        '-hls_segment_type',
        'mpegts',
        '-start_number',
        '1',
        '-hls_segment_filename',
        join(outputDir, output.segmentPattern),
        join(outputDir, output.playlistName),
      ];
    case 'frame-capture':
      return [
        ...common,
        '-map',
        '0:v:0',
        '-vf',
        `fps=${output.frameRate.numerator}/${output.frameRate.denominator},${scaleFilter(output.size)}`,
        '-frames:v',
        String(output.maxCaptures),
        '-q:v',
        String(jpegQscale(output.quality)),
        '-start_number',
        '0',
        '-f',
        'image2',
        join(outputDir, output.filePattern),
      ];
  }
}
