import type { MediaRendition } from '@stratum/data';
import type { JobStateDetail } from './job-state-event.ts';

/** What each kind of output file is called among a video's renditions. */
const KINDS: readonly { extension: RegExp; name: string; contentType: string }[] = [
  { extension: /\.m3u8$/i, name: 'hls', contentType: 'application/vnd.apple.mpegurl' },
  { extension: /\.mp4$/i, name: 'mp4', contentType: 'video/mp4' },
  { extension: /\.jpe?g$/i, name: 'poster', contentType: 'image/jpeg' },
  { extension: /\.png$/i, name: 'poster', contentType: 'image/png' },
];

interface Output {
  readonly path: string;
  readonly width: number | null;
  readonly height: number | null;
}

/** Every file a completed job reports: HLS groups by their master playlist, others by each file. */
function outputsOf(detail: JobStateDetail): Output[] {
  return (detail.outputGroupDetails ?? []).flatMap((group) => {
    const details = group.outputDetails ?? [];
    if (group.playlistFilePaths?.length) {
      // The largest variant's size is the stream's size.
      const widest = details.reduce<Output['width']>(
        (max, d) => Math.max(max ?? 0, d.videoDetails?.widthInPx ?? 0),
        null,
      );
      const tallest = details.reduce<Output['height']>(
        (max, d) => Math.max(max ?? 0, d.videoDetails?.heightInPx ?? 0),
        null,
      );
      return group.playlistFilePaths.map((path) => ({
        path,
        width: widest || null,
        height: tallest || null,
      }));
    }
    return details.flatMap((d) =>
      (d.outputFilePaths ?? []).map((path) => ({
        path,
        width: d.videoDetails?.widthInPx ?? null,
        height: d.videoDetails?.heightInPx ?? null,
      })),
    );
  });
}

/**
 * The renditions of a completed job, named `hls`, `mp4`, `poster` (then `mp4-2`, ... when a
 * template makes several of a kind). Only files in this bucket under `renditionsPrefix` are
 * accepted: a path elsewhere would be a template error, and must not become a signed URL.
 */
export function renditionsOfJob(
  detail: JobStateDetail,
  bucket: string,
  renditionsPrefix: string,
): MediaRendition[] {
  const seen = new Map<string, number>();
  const renditions: MediaRendition[] = [];
  for (const output of outputsOf(detail)) {
    const kind = KINDS.find((k) => k.extension.test(output.path));
    const bucketUri = `s3://${bucket}/`;
    if (!kind || !output.path.startsWith(bucketUri)) continue;
    const key = output.path.slice(bucketUri.length);
    if (!key.startsWith(renditionsPrefix) || key.includes('..')) continue;
    const count = (seen.get(kind.name) ?? 0) + 1;
    seen.set(kind.name, count);
    renditions.push({
      name: count === 1 ? kind.name : `${kind.name}-${count}`,
      key,
      contentType: kind.contentType,
      width: output.width,
      height: output.height,
    });
  }
  return renditions;
}
