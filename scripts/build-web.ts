/**
 * Builds the web apps (`web/app`, `web/internal`) unless their sources are unchanged since the
 * last build: `npm test`, `npm run synth` and `npm start` run it first, because the stacks deploy
 * `web/<app>/dist` and synthesis refuses to run without it.
 *
 *   npm run build:web              build what changed
 *   npm run build:web -- --force   build both
 *
 * The stamp (a SHA-256 over the app's and web/shared's sources, configs and the lockfile) is kept
 * under .stratum/web-build/, outside dist/, so it is never deployed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const APPS = ['app', 'internal'] as const;
const SKIPPED = new Set(['node_modules', 'dist', 'test', 'coverage']);
const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });

function digest(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) if (!SKIPPED.has(entry)) visit(join(path, entry));
      return;
    }
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of inputs) visit(join(root, input));
  return hash.digest('hex');
}

const stampDir = join(root, '.stratum', 'web-build');
mkdirSync(stampDir, { recursive: true });
for (const app of APPS) {
  if (!existsSync(join(root, 'web', app, 'package.json'))) {
    console.error(`build-web: web/${app}/package.json is missing`);
    process.exit(1);
  }
  const stampFile = join(stampDir, `${app}.sha256`);
  const current = digest([`web/${app}`, 'web/shared', 'web/tsconfig.json', 'package-lock.json']);
  const built = existsSync(join(root, 'web', app, 'dist', 'index.html'));
  if (!values.force && built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) {
    console.log(`build-web: web/${app} unchanged since its last build`);
    continue;
  }
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent', '-w', `web/${app}`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`build-web: building web/${app} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  writeFileSync(stampFile, current);
  console.log(`build-web: web/${app} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
