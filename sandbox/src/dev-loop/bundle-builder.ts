import { mkdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { esbuildOptionsOf, outputFileOf } from './esbuild-options.ts';

/** Where a function's bundle comes from: what `StratumFunction` records in the template. */
export interface BundleSource {
  /** Absolute path of the handler's entry file. */
  readonly entry: string;
  readonly externalModules: readonly string[];
}

/** A bundle written for the runner, and the source files it was built from. */
export interface BuiltBundle {
  readonly codeDir: string;
  /** Absolute paths of every file esbuild read (node_modules included). */
  readonly inputs: ReadonlySet<string>;
  readonly durationMs: number;
}

export interface BundleBuilderOptions {
  /** The project root: esbuild runs from there, as CDK runs it. */
  readonly root: string;
  /** Bundles are written to `<outDir>/<name>/<build number>/`. */
  readonly outDir: string;
  /** `FUNCTION_BUNDLING` of infra/src/app/stratum-function.ts. */
  readonly bundling: Readonly<BundlingOptions>;
}

/** Builds function bundles with the synth's bundling options, outside the cloud assembly. */
export class BundleBuilder {
  private readonly builds = new Map<string, number>();

  constructor(private readonly options: BundleBuilderOptions) {}

  /** The files a bundle is built from, without writing it (no minification: it changes no input). */
  async inputsOf(source: BundleSource): Promise<Set<string>> {
    const result = await build({
      ...this.esbuildOptions(source),
      minify: false,
      sourcemap: false,
      write: false,
      outfile: join(this.options.outDir, 'analysis.mjs'),
    });
    return this.absoluteInputs(result.metafile);
  }

  /**
   * Writes a new bundle under `name` and removes the one before the previous (an invocation still
   * running on the previous bundle keeps its files).
   *
   * @throws esbuild's `BuildFailure` when the sources do not build
   */
  async build(name: string, source: BundleSource): Promise<BuiltBundle> {
    const started = performance.now();
    const number = (this.builds.get(name) ?? 0) + 1;
    const codeDir = join(this.options.outDir, name, String(number));
    mkdirSync(codeDir, { recursive: true });
    const options = this.esbuildOptions(source);
    try {
      const result = await build({ ...options, outfile: join(codeDir, outputFileOf(options)) });
      this.builds.set(name, number);
      rmSync(join(this.options.outDir, name, String(number - 2)), { recursive: true, force: true });
      return {
        codeDir,
        inputs: this.absoluteInputs(result.metafile),
        durationMs: performance.now() - started,
      };
    } catch (error) {
      rmSync(codeDir, { recursive: true, force: true });
      throw error;
    }
  }

  private esbuildOptions(source: BundleSource): BuildOptions & { metafile: true } {
    return {
      ...esbuildOptionsOf(this.options.bundling, source.externalModules),
      entryPoints: [source.entry],
      absWorkingDir: this.options.root,
      metafile: true,
    };
  }

  private absoluteInputs(metafile: Metafile): Set<string> {
    return new Set(
      Object.keys(metafile.inputs)
        .filter((input) => !input.includes(':'))
        .map((input) => (isAbsolute(input) ? input : resolve(this.options.root, input))),
    );
  }
}
