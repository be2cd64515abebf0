import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU time one process (or several under one label) used in a window. */
export interface ProcessCpu {
  readonly label: string;
  readonly cpuMs: number;
}

export type CpuSnapshot = ReadonlyMap<number, { readonly label: string; readonly ticks: number }>;

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Whether this machine has a Linux `/proc` to read (elsewhere the CPU split is left out). */
export const canMeasureProcessCpu = existsSync('/proc/self/stat');

/**
 * User + system CPU ticks of this process and every descendant (the sandbox's Lambda execution
 * environments, DynamoDB Local, the other engines), read from `/proc`, each labelled by what it
 * runs. Other work on the machine is not counted.
 */
export function cpuSnapshot(): CpuSnapshot {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended between listing and reading.
    }
  }
  const ours = (pid: number): boolean => {
    for (let current = pid, hops = 0; current > 1 && hops < 64; hops++) {
      if (current === process.pid) return true;
      const parent = stats.get(current)?.ppid;
      if (parent === undefined) return false;
      current = parent;
    }
    return false;
  };
  const snapshot = new Map<number, { label: string; ticks: number }>();
  for (const [pid, { ticks }] of stats) {
    if (ours(pid)) snapshot.set(pid, { label: labelOf(pid), ticks });
  }
  return snapshot;
}

/** CPU used between two snapshots, summed per label, largest first. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): ProcessCpu[] {
  const byLabel = new Map<string, number>();
  for (const [pid, { label, ticks }] of after) {
    const used = ticks - (before.get(pid)?.ticks ?? 0);
    if (used > 0) byLabel.set(label, (byLabel.get(label) ?? 0) + used);
  }
  return [...byLabel]
    .map(([label, ticks]) => ({ label, cpuMs: (ticks * 1000) / TICKS_PER_SECOND }))
    .sort((a, b) => b.cpuMs - a.cpuMs);
}

function labelOf(pid: number): string {
  if (pid === process.pid) return 'bench process (sandbox + load generator)';
  const command = readText(`/proc/${pid}/cmdline`).split('\0');
  if (command.some((part) => part.endsWith('bootstrap.mjs'))) {
    const variable = readText(`/proc/${pid}/environ`)
      .split('\0')
      .find((entry) => entry.startsWith('AWS_LAMBDA_FUNCTION_NAME='));
    const name = variable?.slice('AWS_LAMBDA_FUNCTION_NAME='.length) ?? 'unknown';
    // stratum-local-api-TodoSubgraphFunctionBED3308F-520D1CE1FE8E → λ TodoSubgraphFunction
    const logical = name.replace(/-[0-9A-Z]{12}$/, '').replace(/[0-9A-F]{8}$/, '');
    return `λ ${logical.split('-').at(-1)}`;
  }
  if (command[0]?.endsWith('java') && command.some((part) => part.includes('DynamoDBLocal'))) {
    return 'DynamoDB Local (JVM)';
  }
  // The last argument that is a path names what runs (after `node -e <loader> <script>` too).
  const script = command.findLast((part) => part.includes('/')) ?? command[0] ?? '?';
  return `engine: ${script.split('/').slice(-2).join('/')}`;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
