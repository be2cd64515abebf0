/**
 * `npm run bench [-- name ...]`: runs every benchmark (or the named ones) one after another, so
 * that they do not compete for the two cores.
 */
import { spawnSync } from 'node:child_process';

const ALL = ['cold-init', 'ddb-library'];
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
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
    ['--import', 'tsx', new URL(`./${name}.ts`, import.meta.url).pathname],
    {
      stdio: 'inherit',
    },
  );
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
