import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildAppOptions } from 'fauxqs';
import { packageDirectory } from './package-location.ts';

type Stores = NonNullable<BuildAppOptions['stores']>;
export type SqsStore = Stores['sqsStore'];
export type SnsStore = Stores['snsStore'];
export type S3Store = Stores['s3Store'];
export type PersistenceManager = NonNullable<SqsStore['persistence']>;

/** The fauxqs classes `startFauxqs` wires together, which its `exports` map does not expose. */
export interface FauxqsInternals {
  readonly SqsStore: new () => SqsStore;
  readonly SnsStore: new () => SnsStore;
  readonly S3Store: new () => S3Store;
  readonly PersistenceManager: new (dataDir: string) => PersistenceManager;
}

let loaded: Promise<FauxqsInternals> | null = null;

/**
 * Loads the store and persistence classes from fauxqs's `dist` by file URL. We need them because
 * `startFauxqs` always binds 0.0.0.0; building the app ourselves lets us bind 127.0.0.1 and keep
 * its SQLite persistence. The file layout is that of fauxqs 2.4.1 (pinned in package.json).
 */
export function loadFauxqsInternals(): Promise<FauxqsInternals> {
  loaded ??= (async () => {
    const dist = join(packageDirectory('fauxqs'), 'dist');
    const load = (file: string) => import(pathToFileURL(join(dist, file)).href);
    const [sqs, sns, s3, persistence] = await Promise.all([
      load('sqs/sqsStore.js'),
      load('sns/snsStore.js'),
      load('s3/s3Store.js'),
      load('persistence.js'),
    ]);
    return {
      SqsStore: sqs.SqsStore,
      SnsStore: sns.SnsStore,
      S3Store: s3.S3Store,
      PersistenceManager: persistence.PersistenceManager,
    } as FauxqsInternals;
  })();
  return loaded;
}
