import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SesInbox } from '../../sandbox/src/engines/ses-inbox.ts';
import { ensureLocalAssembly } from '../../sandbox/src/sandbox/local-assembly.ts';
import { Sandbox } from '../../sandbox/src/sandbox/sandbox.ts';
import type { FiringResult } from '../../sandbox/src/scheduler/schedule-delivery.ts';

const root = resolve(import.meta.dirname, '../..');

/** The sandbox the journeys run against, with what they read from it. */
export interface JourneySandbox {
  readonly sandbox: Sandbox;
  readonly webAppUrl: string;
  readonly internalAppUrl: string;
  /** The SES inbox the sandbox prints as `inboxUrl` (its page), read through its JSON store. */
  readonly inbox: SesInbox;
  readonly inboxPageUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real synthesized `local` stage (as e2e/test/web-hosting.int.test.ts does) with its
 * state in a temporary folder; the web apps must have been built (`npm run build:web`).
 */
export async function startJourneySandbox(): Promise<JourneySandbox> {
  const stateDir = mkdtempSync(join(tmpdir(), 'stratum-journeys-'));
  const { outdir } = await ensureLocalAssembly({ root, outdir: join(root, '.stratum', 'test-cdk.out') });
  let sandbox: Sandbox;
  try {
    sandbox = await Sandbox.start({ assemblyDir: outdir, stateDir, awsPort: 0 });
  } catch (error) {
    rmSync(stateDir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    await sandbox.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  const { webAppUrl, internalAppUrl, inboxUrl } = sandbox.endpoints;
  if (!webAppUrl || !internalAppUrl || !inboxUrl) {
    await stop();
    throw new Error(
      `the sandbox did not report webAppUrl, internalAppUrl and inboxUrl: ${JSON.stringify(sandbox.endpoints)}`,
    );
  }
  return {
    sandbox,
    webAppUrl,
    internalAppUrl,
    inbox: new SesInbox(new URL(inboxUrl).origin),
    inboxPageUrl: inboxUrl,
    stop,
  };
}

/**
 * Fires, now, the EventBridge Scheduler schedule whose target is the function bundled from
 * `entry` — the same delivery (input, asynchronous invoke, retries, DLQ) its timer would make.
 */
export function runScheduleNow(sandbox: Sandbox, entry: string): Promise<FiringResult> {
  const fn = sandbox.inventory.functions.find((f) => f.bundling?.entry === entry);
  if (!fn) throw new Error(`no deployed function is bundled from ${entry}`);
  const scheduler = sandbox.eventSources?.scheduler;
  if (!scheduler) throw new Error('the sandbox runs no scheduler');
  const suffix = `:function:${fn.definition.functionName}`;
  const schedule = scheduler
    .list()
    .find((s) => s.definition.target.kind === 'lambda' && s.definition.target.arn.endsWith(suffix));
  if (!schedule) {
    throw new Error(`no schedule targets ${fn.definition.functionName} (entry ${entry})`);
  }
  return scheduler.triggerNow(schedule.name, schedule.groupName);
}
