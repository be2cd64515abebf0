import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits `ms`, or less when `signal` aborts; never rejects, so a poller that is being stopped simply
 * finds `signal.aborted` true afterwards.
 */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted || ms <= 0) return;
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller checks the signal.
  }
}
