import { existsSync } from 'node:fs';
import { REPOSITORY_ROOT } from './service-entry.ts';

/** The two single-page apps, by folder under `web/`. */
export type WebAppName = 'app' | 'internal';

/** Raised at synth time when an app has not been built: nothing would be deployed. */
export class WebAssetsMissingError extends Error {
  override readonly name = 'WebAssetsMissingError';
  constructor(readonly directory: string) {
    super(
      `${directory}/index.html does not exist: the web app is not built. Run \`npm run build:web\` ` +
        '(npm test, npm run synth and npm start build it for you), then synthesize again.',
    );
  }
}

/**
 * The built assets of `web/<name>` (`npm run build -w web/<name>` → `web/<name>/dist`), checked to
 * hold an `index.html`, so that synthesis stops with a clear message rather than deploying an
 * empty site. `root` overrides where the folder is looked for (tests).
 */
export function webAppDist(name: WebAppName, root: string = REPOSITORY_ROOT): string {
  const directory = `${root.replace(/\/$/, '')}/web/${name}/dist`;
  if (!existsSync(`${directory}/index.html`)) throw new WebAssetsMissingError(directory);
  return directory;
}
