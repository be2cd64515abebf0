import { createHash } from 'node:crypto';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';

interface StoredObject {
  body: Uint8Array;
  contentType: string | undefined;
  eTag: string;
  /** Reported size; defaults to the body's (lets a test claim a huge object without allocating it). */
  size: number;
}

const s3Error = (name: string, status: number) =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: name });

/**
 * An S3 bucket in memory behind aws-sdk-client-mock: the real S3Client with its commands
 * answered from a map (Head, ranged and If-Match Get, Put, List, DeleteObjects). No network.
 */
export function createFakeBucket(bucket: string) {
  const objects = new Map<string, StoredObject>();
  const s3 = new S3Client({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
  });
  const mock = mockClient(s3);

  const find = (input: { Bucket?: string; Key?: string }) =>
    input.Bucket === bucket && input.Key ? objects.get(input.Key) : undefined;

  mock.on(HeadObjectCommand).callsFake((input) => {
    const object = find(input);
    if (!object) throw s3Error('NotFound', 404);
    return { ETag: object.eTag, ContentType: object.contentType, ContentLength: object.size };
  });
  mock.on(GetObjectCommand).callsFake((input) => {
    const object = find(input);
    if (!object) throw s3Error('NoSuchKey', 404);
    if (input.IfMatch && input.IfMatch !== object.eTag) throw s3Error('PreconditionFailed', 412);
    const range = /^bytes=(\d+)-(\d+)$/.exec(input.Range ?? '');
    const body = range ? object.body.slice(Number(range[1]), Number(range[2]) + 1) : object.body;
    return { Body: { transformToByteArray: async () => body } as unknown as GetObjectCommandOutput['Body'] };
  });
  mock.on(PutObjectCommand).callsFake((input) => {
    if (input.Bucket !== bucket || !input.Key) throw s3Error('NoSuchBucket', 404);
    put(input.Key, input.Body as Uint8Array, input.ContentType);
    return {};
  });
  mock.on(ListObjectsV2Command).callsFake((input) => ({
    Contents: [...objects.keys()].filter((key) => key.startsWith(input.Prefix ?? '')).map((Key) => ({ Key })),
    IsTruncated: false,
  }));
  mock.on(DeleteObjectsCommand).callsFake((input) => {
    for (const { Key } of input.Delete?.Objects ?? []) if (Key) objects.delete(Key);
    return {};
  });

  function put(key: string, body: Uint8Array, contentType: string | undefined, size = body.length) {
    const eTag = `"${createHash('md5').update(body).digest('hex')}"`;
    objects.set(key, { body, contentType, eTag, size });
    return eTag;
  }

  return { s3, mock, objects, put };
}
