// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CDK asset placeholders are written with ${...}
import { TemplateError } from './errors.ts';

/** A file asset of the cloud assembly, on local disk. */
export interface LocalAsset {
  /** The asset's hash, as CDK names it. */
  readonly id: string;
  /** Absolute path: a directory for `zip` packaging of a folder (CDK stages it unzipped), else a file. */
  readonly path: string;
  readonly packaging: 'file' | 'zip';
  readonly displayName?: string;
}

/**
 * Where the S3 objects a template points at (`S3Bucket` + `S3Key`, e.g. a Lambda's `Code`)
 * are on disk: CDK would upload them from the assembly; the sandbox reads them in place.
 *
 * @example
 * ```ts
 * const asset = assets.resolve(code.S3Bucket, code.S3Key); // { path: '.../asset.3d85…', packaging: 'zip' }
 * ```
 */
export class AssetIndex {
  readonly #byUrl: ReadonlyMap<string, LocalAsset>;

  constructor(entries: Iterable<readonly [url: string, asset: LocalAsset]> = []) {
    this.#byUrl = new Map(entries);
  }

  /** Every `s3://bucket/key` the assembly publishes. */
  get urls(): string[] {
    return [...this.#byUrl.keys()];
  }

  resolveUrl(url: string): LocalAsset | undefined {
    return this.#byUrl.get(url);
  }

  resolve(bucket: unknown, key: unknown): LocalAsset | undefined {
    if (typeof bucket !== 'string' || typeof key !== 'string') return undefined;
    return this.#byUrl.get(`s3://${bucket}/${key}`);
  }

  /** Like {@link resolve}, but a missing asset is an error that says who asked for it. */
  require(bucket: unknown, key: unknown, requester: string): LocalAsset {
    const asset = this.resolve(bucket, key);
    if (asset) return asset;
    throw new TemplateError(
      `${requester} points at s3://${String(bucket)}/${String(key)}, which is not an asset of the cloud assembly ` +
        `(${this.#byUrl.size} assets are published)`,
    );
  }
}

/** Replaces the placeholders CDK leaves in asset destinations. */
export function substituteAssetPlaceholders(
  text: string,
  environment: { readonly accountId: string; readonly region: string; readonly partition: string },
): string {
  return text
    .replaceAll('${AWS::AccountId}', environment.accountId)
    .replaceAll('${AWS::Region}', environment.region)
    .replaceAll('${AWS::Partition}', environment.partition);
}
