/**
 * `npm run bench [-- name ... [--option value ...]]`: runs every benchmark (or the named ones)
 * one after another, so that they do not compete for the two cores. Options after the names
 * (e.g. `--runs 11`) are passed to each benchmark.
 */
import { spawnSync } from 'node:child_process';

const ALL = ['cold-init', 'ddb-library', 'sandbox'];
const args = process.argv.slice(2).filter((arg) => arg !== '--');
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const wanted = firstOption === -1 ? args : args.slice(0, firstOption);
const options = firstOption === -1 ? [] : args.slice(firstOption);
const unknown = wanted.filter((name) => !ALL.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${ALL.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : ALL) {
  console.log(`\n=== bench: ${name}`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', new URL(`./${name}.ts`, import.meta.url).pathname, ...options],
    {
      stdio: 'inherit',
    },
  );
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
