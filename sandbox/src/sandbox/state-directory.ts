import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Everything the sandbox keeps between starts lives under one folder (`.stratum/`, gitignored): the
 * engines' data, the synthesized local assembly and `outputs.json`. `--fresh` deletes it.
 */
export class StateDirectory {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Deletes everything kept from previous starts. */
  wipe(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  /** A sub-folder for one engine or purpose, created on first use. */
  dir(name: string): string {
    const path = join(this.root, name);
    mkdirSync(path, { recursive: true });
    return path;
  }

  /** A file path under the root (its folder exists). */
  file(name: string): string {
    mkdirSync(this.root, { recursive: true });
    return join(this.root, name);
  }
}
