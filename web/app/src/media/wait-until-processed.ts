import type { Media } from './media-api.ts';

export interface WaitOptions {
  /** First delay between reads; doubles up to `maxDelayMs`. @default 1000 */
  readonly initialDelayMs?: number;
  /** @default 5000 */
  readonly maxDelayMs?: number;
  /** Gives up after this long (videos may take minutes to transcode). @default 300_000 */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now?: () => number;
}

const isSettled = (media: Media): boolean => media.status === 'READY' || media.status === 'FAILED';

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Reads the media item until processing settles (READY or FAILED), with exponential back-off;
 * `onUpdate` sees every intermediate state (PENDING → PROCESSING → READY). Returns the last read
 * item, settled or not when the time-out passes.
 */
export async function waitUntilProcessed(
  read: () => Promise<Media>,
  onUpdate: (media: Media) => void,
  options: WaitOptions = {},
): Promise<Media> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const maxDelay = options.maxDelayMs ?? 5000;
  const deadline = now() + (options.timeoutMs ?? 300_000);
  let delay = options.initialDelayMs ?? 1000;
  for (;;) {
    await sleep(delay, options.signal);
    const media = await read();
    onUpdate(media);
    if (isSettled(media) || now() >= deadline) return media;
    delay = Math.min(delay * 2, maxDelay);
  }
}
