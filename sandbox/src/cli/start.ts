/**
 * `npm start`: the whole local stage on this machine, from its own synthesized templates.
 *
 *   npm start                 synthesize `local` if its sources changed, start, deploy, print the URLs
 *   npm start -- --fresh      forget everything kept in .stratum/ first (tables, users, queues, mail)
 *   npm start -- --port 4600  the AWS endpoint's port (default 4566, the next free one when taken)
 *   npm start -- --no-watch   no fast loop (by default a source change rebuilds and swaps the functions it affects)
 *   npm start -- --environments 8   execution environments per function (default 4)
 *
 * Ctrl-C stops everything; data in .stratum/ survives to the next start.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLocalAssembly } from '../sandbox/local-assembly.ts';
import { Sandbox } from '../sandbox/sandbox.ts';
import { StateDirectory } from '../sandbox/state-directory.ts';
import { printReady } from './ready-banner.ts';

const { values } = parseArgs({
  options: {
    fresh: { type: 'boolean', default: false },
    port: { type: 'string' },
    'state-dir': { type: 'string', default: '.stratum' },
    'no-watch': { type: 'boolean', default: false },
    environments: { type: 'string', default: '4' },
  },
});
const environments = Number(values.environments);
if (!Number.isInteger(environments) || environments < 1) {
  console.error(`--environments expects a whole number of at least 1, got "${values.environments}"`);
  process.exit(2);
}
const port = values.port === undefined ? undefined : Number(values.port);
if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
  console.error(`--port expects a port number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

const root = resolve(new URL('../../../', import.meta.url).pathname);
const state = new StateDirectory(resolve(root, values['state-dir']));
if (values.fresh) {
  state.wipe();
  console.log(`--fresh: deleted ${state.root}`);
}
const started = performance.now();
const log = (line: string) => console.log(`[sandbox] ${line}`);

try {
  const assembly = await ensureLocalAssembly({ root, outdir: join(state.root, 'cdk.out'), log });
  if (!assembly.synthesized) log('the local stage is unchanged since the last start: reusing its assembly');
  const sandbox = await Sandbox.start({
    assemblyDir: assembly.outdir,
    stateDir: state.root,
    awsPort: port,
    lambdaConcurrency: { maxEnvironmentsPerFunction: environments },
    log,
  });
  printReady(sandbox, performance.now() - started);
  if (!values['no-watch']) {
    const loop = await sandbox.watchSources(root);
    void loop.ready.then(() =>
      log(
        'fast loop: watching services/ and packages/ (a change rebuilds only the functions that import it)',
      ),
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    await sandbox.stop();
    log('stopped; data is kept in .stratum/ (npm start -- --fresh to start empty)');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(`\nThe sandbox did not start: ${describeError(error)}`);
  process.exit(1);
}

/** The message of an error and of every cause under it, one per line. */
function describeError(error: unknown): string {
  const lines: string[] = [];
  for (let current: unknown = error; current !== undefined && lines.length < 5; ) {
    lines.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n  caused by: ');
}
