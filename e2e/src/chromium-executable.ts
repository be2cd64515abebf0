import { accessSync, constants } from 'node:fs';

/** Where Debian's `chromium` package (installed by `scripts/setup-system.sh`) puts the browser. */
const DEBIAN_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** No Chromium where the journeys look for one. */
export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError';

  constructor(readonly tried: readonly string[]) {
    super(
      `No Chromium executable found (tried ${tried.join(', ')}). Run scripts/setup-system.sh, which installs ` +
        "Debian's chromium package, or point CHROMIUM_PATH at a Chromium or Chrome binary.",
    );
  }
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium the journeys drive: `CHROMIUM_PATH` (or `STRATUM_CHROMIUM`, which
 * `scripts/setup-system.sh` also honours) when set — and then it must exist, a typo is not
 * silently replaced by another browser — else Debian's.
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CHROMIUM_PATH || env.STRATUM_CHROMIUM;
  const candidates = chosen ? [chosen] : DEBIAN_CHROMIUM;
  const found = candidates.find(isExecutable);
  if (!found) throw new ChromiumNotFoundError(candidates);
  return found;
}
