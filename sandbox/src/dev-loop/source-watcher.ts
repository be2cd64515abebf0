import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';

const IGNORED = /(^|[\\/])(node_modules|\.git|\.stratum|cdk\.out)([\\/]|$)/;

/**
 * Watches folders recursively (`fs.watch`, recursive on Linux since Node 20) and reports the changed
 * files in batches, once `debounceMs` passed without another change: an editor's save is often
 * several events (write, rename, chmod).
 */
export class SourceWatcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    roots: readonly string[],
    private readonly onChange: (paths: ReadonlySet<string>) => void,
    private readonly debounceMs = 80,
  ) {
    for (const root of roots.filter((dir) => existsSync(dir))) {
      const watcher = watch(root, { recursive: true }, (_event, filename) => {
        if (filename && !IGNORED.test(filename)) this.record(join(root, filename.toString()));
      });
      watcher.on('error', () => undefined); // a watched folder removed: nothing left to watch there
      this.watchers.push(watcher);
    }
  }

  close(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
  }

  private record(path: string): void {
    this.changed.add(path);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const batch = new Set(this.changed);
      this.changed.clear();
      this.onChange(batch);
    }, this.debounceMs);
  }
}
