/**
 * `npm start`. Today: synthesizes the `local` stage through every gate and reports what
 * would run. The emulators that deploy those templates (ARCHITECTURE §3) are not built yet,
 * and this command says so rather than pretending.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const outdir = 'cdk.out';
const synth = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'infra/bin/app.ts', '--stage', 'local', '--out', outdir],
  {
    stdio: 'inherit',
  },
);
if (synth.status !== 0) {
  console.error('\nThe local stage did not synthesize; see the errors above.');
  process.exit(synth.status ?? 1);
}

interface Template {
  Resources?: Record<string, { Type: string }>;
}
const manifest = JSON.parse(readFileSync(join(outdir, 'assembly-local', 'manifest.json'), 'utf8')) as {
  artifacts: Record<string, { type: string; properties?: { templateFile?: string } }>;
};
const counts = new Map<string, number>();
for (const artifact of Object.values(manifest.artifacts)) {
  const file = artifact.properties?.templateFile;
  if (artifact.type !== 'aws:cloudformation:stack' || !file) continue;
  const template = JSON.parse(readFileSync(join(outdir, 'assembly-local', file), 'utf8')) as Template;
  for (const resource of Object.values(template.Resources ?? {})) {
    counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
  }
}

console.log('\nThe local stage is synthesized (cdk.out/assembly-local). Its resources:');
for (const [type, count] of [...counts].sort()) {
  console.log(`  ${String(count).padStart(3)}  ${type}`);
}
console.log(
  '\nNOT RUNNING YET: the offline sandbox (emulators, web apps, API, inbox, console) is not built in this\n' +
    'version, so nothing was deployed and no URL is served. Track it in the issue "The offline sandbox".',
);
