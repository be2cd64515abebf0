import { S3Refusal } from './errors.ts';
import type { S3RequestTarget } from './request-target.ts';

/**
 * Sub-resources the S3 engine (fauxqs 2.4) does not implement. Forwarded, fauxqs would read
 * `PUT /bucket?cors` as CreateBucket and `PUT /bucket/key?tagging` as PutObject (overwriting the
 * object), so the front answers S3's `NotImplemented` instead. Bucket CORS, notifications and
 * policies come from the templates.
 */
const BUCKET_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'logging',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'tagging',
  'versioning',
  'versions',
  'website',
];
const OBJECT_SUBRESOURCES = ['acl', 'legal-hold', 'restore', 'retention', 'select', 'tagging', 'torrent'];

/** Throws S3's `NotImplemented` for a sub-resource the engine lacks; `location` is answered. */
export function assertEngineSupports(method: string, target: S3RequestTarget): void {
  if (target.bucket === undefined) return;
  const names = target.key === undefined ? BUCKET_SUBRESOURCES : OBJECT_SUBRESOURCES;
  const missing = names.find((name) => target.query.has(name));
  if (missing === undefined) return;
  throw new S3Refusal(
    'NotImplemented',
    `A header you provided implies functionality that is not implemented (the sandbox's S3 has no ${method} ?${missing}).`,
    501,
  );
}

/** GetBucketLocation's answer: empty for us-east-1, as S3 answers. */
export function locationDocument(region: string): string {
  const constraint = region === 'us-east-1' ? '' : region;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${constraint}</LocationConstraint>`
  );
}
