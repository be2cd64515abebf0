import { join } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LambdaFunctionDefinition } from '../lambda/function-definition.ts';
import { BundleBuilder, type BundleSource } from './bundle-builder.ts';
import { SourceWatcher } from './source-watcher.ts';

/** A deployed function the loop keeps up to date. */
export interface WatchedFunction {
  readonly functionName: string;
  /** The definition it was deployed with; a rebuild swaps in the same one with a new `codeDir`. */
  readonly definition: LambdaFunctionDefinition;
  readonly source: BundleSource;
}

/** What a rebuild did, for the log and for tests. */
export type RebuildReport =
  | { readonly ok: true; readonly functionNames: readonly string[]; readonly durationMs: number }
  | { readonly ok: false; readonly functionNames: readonly string[]; readonly error: string };

export interface DevLoopOptions {
  /** The project root: esbuild runs from there. */
  readonly root: string;
  /** Where rebuilt bundles go (`.stratum/dev-loop`). */
  readonly outDir: string;
  readonly functions: readonly WatchedFunction[];
  readonly runner: { swap(functionName: string, definition: LambdaFunctionDefinition): void };
  /** @default `services/` and `packages/` under `root` */
  readonly watchRoots?: readonly string[];
  /** @default `FUNCTION_BUNDLING` of infra/src/app/stratum-function.ts */
  readonly bundling?: Readonly<BundlingOptions>;
  readonly log?: (line: string) => void;
  readonly onRebuild?: (report: RebuildReport) => void;
}

/** Functions built from the same entry with the same externals share one bundle. */
interface BundleGroup {
  readonly key: string;
  readonly source: BundleSource;
  readonly functions: WatchedFunction[];
  inputs: ReadonlySet<string>;
}

/**
 * `npm start`'s fast loop: watches the sources, and when a file changes rebuilds only the bundles
 * whose entry imports it (the files esbuild read for the last build, node_modules included), with
 * the synth's own bundling options, then swaps them into the runner — the next invocation runs the
 * new code, no restart. A build error is printed and the old code keeps running.
 *
 * @example
 * ```ts
 * const loop = await DevLoop.start({ root, outDir: '.stratum/dev-loop', functions, runner, log: console.log });
 * // edit services/todo/src/... → "rebuilt stratum-local-todo in 412 ms"
 * loop.close();
 * ```
 */
export class DevLoop {
  private readonly groups: BundleGroup[];
  private readonly pending = new Set<string>();
  private draining: Promise<void> | undefined;
  private watcher: SourceWatcher | undefined;
  private closed = false;

  private constructor(
    private readonly options: DevLoopOptions,
    private readonly builder: BundleBuilder,
  ) {
    const groups = new Map<string, BundleGroup>();
    for (const watched of options.functions) {
      const key = `${watched.source.entry}|${[...watched.source.externalModules].sort().join(',')}`;
      const group = groups.get(key) ?? { key, source: watched.source, functions: [], inputs: new Set() };
      group.functions.push(watched);
      groups.set(key, group);
    }
    this.groups = [...groups.values()];
  }

  /**
   * Starts watching at once, and learns which files each bundle is built from (one esbuild pass per
   * bundle, in the background); `ready` resolves when that is done. Changes seen meanwhile wait for it.
   */
  static async start(options: DevLoopOptions): Promise<DevLoop> {
    const bundling =
      options.bundling ?? (await import('../../../infra/src/app/stratum-function.ts')).FUNCTION_BUNDLING;
    const loop = new DevLoop(
      options,
      new BundleBuilder({ root: options.root, outDir: options.outDir, bundling }),
    );
    const roots = options.watchRoots ?? [join(options.root, 'services'), join(options.root, 'packages')];
    loop.watcher = new SourceWatcher(roots, (paths) => loop.changed(paths));
    loop.ready = loop.analyse();
    return loop;
  }

  /** Resolves once every bundle's inputs are known. */
  ready: Promise<void> = Promise.resolve();

  /** Stops watching; a rebuild in progress still finishes. */
  close(): void {
    this.closed = true;
    this.watcher?.close();
  }

  private async analyse(): Promise<void> {
    for (const group of this.groups) {
      try {
        group.inputs = await this.builder.inputsOf(group.source);
      } catch (error) {
        // It does not build now: only its entry is known; fixing it rebuilds it.
        group.inputs = new Set([group.source.entry]);
        this.log(`fast loop: ${this.namesOf(group)} does not build from its sources: ${messageOf(error)}`);
      }
    }
  }

  private changed(paths: ReadonlySet<string>): void {
    if (this.closed) return;
    for (const path of paths) this.pending.add(path);
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
  }

  private async drain(): Promise<void> {
    await this.ready;
    while (this.pending.size > 0 && !this.closed) {
      const batch = new Set(this.pending);
      this.pending.clear();
      const affected = this.groups.filter((group) => [...batch].some((path) => group.inputs.has(path)));
      await Promise.all(affected.map((group) => this.rebuild(group)));
    }
  }

  private async rebuild(group: BundleGroup): Promise<void> {
    const functionNames = group.functions.map((watched) => watched.functionName);
    const name = functionNames[0] ?? 'bundle';
    try {
      const bundle = await this.builder.build(name, group.source);
      group.inputs = bundle.inputs;
      for (const watched of group.functions) {
        this.options.runner.swap(watched.functionName, { ...watched.definition, codeDir: bundle.codeDir });
      }
      for (const functionName of functionNames) {
        this.log(`rebuilt ${functionName} in ${bundle.durationMs.toFixed(0)} ms`);
      }
      this.options.onRebuild?.({ ok: true, functionNames, durationMs: bundle.durationMs });
    } catch (error) {
      const message = messageOf(error);
      this.log(`build of ${functionNames.join(', ')} failed; it keeps its previous code:\n${message}`);
      this.options.onRebuild?.({ ok: false, functionNames, error: message });
    }
  }

  private namesOf(group: BundleGroup): string {
    return group.functions.map((watched) => watched.functionName).join(', ');
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
