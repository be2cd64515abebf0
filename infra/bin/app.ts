/**
 * Entry point of the CDK app. Run directly (`npm run synth`) or by the CDK CLI
 * (`npx cdk deploy`, see cdk.json). Offline: no credentials, no context look-ups.
 *
 *   npm run synth                         every stage, plus preview-0 as the preview template
 *   npm run synth -- --stage local        only the local stage
 *   npm run synth -- --preview 42         also preview-42
 *   npx cdk deploy -c stages=dev 'dev/*'  through the CDK CLI
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import config from '../../stratum.config.ts';
import { createStratumApp } from '../src/stratum-app.ts';

const started = performance.now();
const { values } = parseArgs({
  options: {
    stage: { type: 'string', multiple: true },
    preview: { type: 'string', multiple: true },
    out: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

/** Values from flags, else from CDK context given as `-c stages=a,b` (CDK CLI), else from env. */
function listOption(flag: string[] | undefined, contextKey: string, envKey: string): string[] {
  const context = process.env.CDK_CONTEXT_JSON
    ? JSON.parse(process.env.CDK_CONTEXT_JSON)[contextKey]
    : undefined;
  const raw = flag?.join(',') ?? context ?? process.env[envKey] ?? '';
  return String(raw)
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

const previews = listOption(values.preview, 'previews', 'STRATUM_PREVIEWS');
const previewNumbers = (previews.length > 0 ? previews : ['0']).map((value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`--preview expects a pull-request number, got "${value}"`);
  }
  return n;
});

const { app, stages } = createStratumApp({
  config,
  previewNumbers,
  onlyStages: listOption(values.stage, 'stages', 'STRATUM_STAGES'),
  appProps: { outdir: values.out ?? process.env.CDK_OUTDIR ?? 'cdk.out' },
});
const assembly = app.synth();

if (!values.quiet && !process.env.CDK_OUTDIR) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Synthesized ${stages.length} stages into ${assembly.directory} in ${seconds}s:`);
  for (const stage of stages) {
    const stacks = stage.node.children.filter((child) => 'templateFile' in child).length;
    console.log(`  ${stage.stageName.padEnd(14)} ${stacks} stacks  (${stage.account}/${stage.region})`);
  }
}
