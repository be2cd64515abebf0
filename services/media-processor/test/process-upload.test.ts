import {
  CreateJobCommand,
  GetJobTemplateCommand,
  MediaConvertClient,
  MediaConvertServiceException,
} from '@aws-sdk/client-mediaconvert';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { createObservability } from '@stratum/runtime';
import { mockClient } from 'aws-sdk-client-mock';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createMediaBucket } from '../src/media-bucket.ts';
import { createUploadProcessor } from '../src/process-upload.ts';
import { createMediaConvertTranscoder } from '../src/transcoder.ts';
import { createUploadEventHandler } from '../src/upload-event-handler.ts';
import { createFakeBucket } from './support/fake-bucket.ts';
import { InMemoryMedia } from './support/in-memory-media.ts';
import { html, jpegImage, mp4Start, pngImage } from './support/samples.ts';

const BUCKET = 'media-bucket';
const scope = { tenantId: 'tenant-a', userId: 'user-a1' };
const TODO = '01JZ0000000000000000000TD1';
const { logger } = createObservability('media-processor-test');
logger.setLogLevel('SILENT');

const TEMPLATE_GROUPS = [
  {
    Name: 'HLS',
    OutputGroupSettings: { Type: 'HLS_GROUP_SETTINGS', HlsGroupSettings: { SegmentLength: 6 } },
  },
  { Name: 'MP4', OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS', FileGroupSettings: {} } },
  { Name: 'Poster', OutputGroupSettings: { Type: 'FILE_GROUP_SETTINGS', FileGroupSettings: {} } },
] as const;

function setUp() {
  const bucket = createFakeBucket(BUCKET);
  const media = new InMemoryMedia();
  const mediaConvert = new MediaConvertClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const mediaConvertMock = mockClient(mediaConvert);
  mediaConvertMock.on(GetJobTemplateCommand).resolves({
    JobTemplate: {
      Name: 'stratum-video',
      Settings: {
        Inputs: [{ TimecodeSource: 'ZEROBASED' }],
        OutputGroups: structuredClone(TEMPLATE_GROUPS) as never,
      },
    },
  });
  mediaConvertMock.on(CreateJobCommand).resolves({ Job: { Id: 'job-1', Role: 'r', Settings: {} } });
  const processUpload = createUploadProcessor({
    media,
    bucket: createMediaBucket(bucket.s3, BUCKET),
    logger,
    transcoder: createMediaConvertTranscoder({
      client: mediaConvert,
      bucket: BUCKET,
      jobTemplate: 'stratum-video',
      roleArn: 'arn:aws:iam::123456789012:role/mediaconvert',
    }),
  });
  /** A pending item and its uploaded original, as the presigned POST would have stored it. */
  async function upload(
    contentType: string,
    body: Uint8Array,
    stored: { contentType?: string; size?: number } = {},
  ) {
    const item = await media.create(scope, { todoId: TODO, contentType, size: body.length });
    bucket.put(item.originalKey, body, stored.contentType ?? contentType, stored.size ?? body.length);
    return item;
  }
  return { bucket, media, mediaConvertMock, processUpload, upload };
}

describe('images', () => {
  it('makes 256 and 1024 px WebP thumbnails under the renditions prefix, then READY', async () => {
    const { processUpload, upload, media, bucket } = setUp();
    const item = await upload('image/png', await pngImage(2000, 1000));

    expect(await processUpload(item.originalKey)).toBe('ready');

    const done = await media.get(scope, item.mediaId);
    const prefix = `tenants/tenant-a/media/${item.mediaId}/renditions/`;
    expect(done).toMatchObject({ status: 'ready', failureReason: null, size: item.declaredSize, version: 3 });
    expect(done.renditions).toEqual([
      {
        name: 'thumb-256',
        key: `${prefix}thumb-256.webp`,
        contentType: 'image/webp',
        width: 256,
        height: 128,
      },
      {
        name: 'thumb-1024',
        key: `${prefix}thumb-1024.webp`,
        contentType: 'image/webp',
        width: 1024,
        height: 512,
      },
    ]);
    for (const rendition of done.renditions) {
      const stored = bucket.objects.get(rendition.key);
      expect(stored?.contentType).toBe('image/webp');
      const metadata = await sharp(stored?.body).metadata();
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        'webp',
        rendition.width,
        rendition.height,
      ]);
    }
  });

  it('never enlarges a small image', async () => {
    const { processUpload, upload, media } = setUp();
    const item = await upload('image/jpeg', await jpegImage(300, 200));
    expect(await processUpload(item.originalKey)).toBe('ready');
    const { renditions } = await media.get(scope, item.mediaId);
    expect(renditions.map((r) => [r.name, r.width, r.height])).toEqual([
      ['thumb-256', 256, 171],
      ['thumb-1024', 300, 200],
    ]);
  });

  it('fails an image whose bytes are of another type, with the reason, and writes nothing', async () => {
    const { processUpload, upload, media, bucket } = setUp();
    const item = await upload('image/png', await jpegImage(64, 64));
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect(await media.get(scope, item.mediaId)).toMatchObject({
      status: 'failed',
      failureReason: 'the content is image/jpeg, not the declared image/png',
      renditions: [],
    });
    expect([...bucket.objects.keys()]).toEqual([item.originalKey]);
  });

  it('fails HTML declared as an image', async () => {
    const { processUpload, upload, media } = setUp();
    const item = await upload('image/png', html);
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect((await media.get(scope, item.mediaId)).failureReason).toBe(
      'the content is not a recognized image or video (declared image/png)',
    );
  });

  it('fails a file over the limit of its type, whatever its content', async () => {
    const { processUpload, upload, media, bucket } = setUp();
    const item = await upload('image/png', await pngImage(10, 10), { size: 20 * 1024 * 1024 + 1 });
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect(await media.get(scope, item.mediaId)).toMatchObject({
      status: 'failed',
      size: 20 * 1024 * 1024 + 1,
      failureReason: 'the file is 20971521 bytes, over the 20971520-byte limit for image/png',
    });
    expect(bucket.mock.commandCalls(GetJobTemplateCommand)).toHaveLength(0);
  });

  it('fails an object stored with another content type than declared', async () => {
    const { processUpload, upload, media } = setUp();
    const item = await upload('image/png', await pngImage(10, 10), { contentType: 'text/html' });
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect((await media.get(scope, item.mediaId)).failureReason).toBe(
      'the file was stored as text/html, not the declared image/png',
    );
  });

  it('fails an image with a valid signature that does not decode', async () => {
    const { processUpload, upload, media } = setUp();
    const png = await pngImage(100, 100);
    const truncated = Buffer.concat([png.subarray(0, 64), Buffer.alloc(200, 7)]);
    const item = await upload('image/png', truncated);
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect((await media.get(scope, item.mediaId)).failureReason).toMatch(/^the image could not be decoded: /);
  });
});

describe('idempotency', () => {
  it('ignores a redelivered event: no second thumbnail, no version change', async () => {
    const { processUpload, upload, media, bucket } = setUp();
    const item = await upload('image/png', await pngImage(400, 400));
    expect(await processUpload(item.originalKey)).toBe('ready');
    const puts = bucket.mock.calls().length;
    const after = await media.get(scope, item.mediaId);
    expect(await processUpload(item.originalKey)).toBe('duplicate');
    expect(await media.get(scope, item.mediaId)).toEqual(after);
    // The redelivery only read the head: no GET of the body, no PUT.
    expect(bucket.mock.calls().length - puts).toBe(1);
  });

  it('lets one of two concurrent deliveries do the work', async () => {
    const { processUpload, upload, media } = setUp();
    const item = await upload('image/png', await pngImage(400, 400));
    const outcomes = await Promise.all([processUpload(item.originalKey), processUpload(item.originalKey)]);
    expect(outcomes.sort()).toEqual(['duplicate', 'ready']);
    expect((await media.get(scope, item.mediaId)).status).toBe('ready');
  });

  it('processes a replaced original again (new ETag), so a checked file cannot be swapped', async () => {
    const { processUpload, upload, media, bucket } = setUp();
    const item = await upload('image/png', await pngImage(400, 400));
    expect(await processUpload(item.originalKey)).toBe('ready');
    bucket.put(item.originalKey, html, 'image/png');
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect(await media.get(scope, item.mediaId)).toMatchObject({ status: 'failed', renditions: [] });
  });

  it('retries after a crash between the claim and the result', async () => {
    const { processUpload, upload, media } = setUp();
    const item = await upload('image/png', await pngImage(400, 400));
    await media.update(scope, item.mediaId, 1, { status: 'processing', originalETag: '"whatever"' });
    expect(await processUpload(item.originalKey)).toBe('ready');
  });
});

describe('videos', () => {
  it('creates one MediaConvert job from the template, destinations under the tenant prefix', async () => {
    const { processUpload, upload, media, mediaConvertMock } = setUp();
    const item = await upload('video/mp4', mp4Start());
    expect(await processUpload(item.originalKey)).toBe('transcoding');
    expect(await media.get(scope, item.mediaId)).toMatchObject({ status: 'processing', jobId: 'job-1' });

    const calls = mediaConvertMock.commandCalls(CreateJobCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    const renditions = `s3://${BUCKET}/tenants/tenant-a/media/${item.mediaId}/renditions/`;
    expect(input).toMatchObject({
      JobTemplate: 'stratum-video',
      Role: 'arn:aws:iam::123456789012:role/mediaconvert',
      UserMetadata: { tenantId: 'tenant-a', mediaId: item.mediaId },
      Settings: {
        Inputs: [{ TimecodeSource: 'ZEROBASED', FileInput: `s3://${BUCKET}/${item.originalKey}` }],
      },
    });
    expect(input?.ClientRequestToken).toMatch(/^[0-9a-f]{64}$/);
    const destinations = input?.Settings?.OutputGroups?.map((g) => [
      g.OutputGroupSettings?.HlsGroupSettings?.Destination ??
        g.OutputGroupSettings?.FileGroupSettings?.Destination,
    ]);
    expect(destinations).toEqual([[`${renditions}hls/`], [`${renditions}mp4/`], [`${renditions}poster/`]]);
    expect(input?.Settings?.OutputGroups?.[0]?.OutputGroupSettings?.HlsGroupSettings?.SegmentLength).toBe(6);

    expect(await processUpload(item.originalKey)).toBe('duplicate');
    expect(mediaConvertMock.commandCalls(CreateJobCommand)).toHaveLength(1);
    expect(mediaConvertMock.commandCalls(GetJobTemplateCommand)).toHaveLength(1);
  });

  it('fails a video MediaConvert refuses, and throws (for a retry) when it is unavailable', async () => {
    const { processUpload, upload, media, mediaConvertMock } = setUp();
    const refuse = (name: string, fault: 'client' | 'server', status: number) =>
      new MediaConvertServiceException({
        name,
        $fault: fault,
        $metadata: { httpStatusCode: status },
        message: name,
      });

    const refused = await upload('video/mp4', mp4Start());
    mediaConvertMock.on(CreateJobCommand).rejects(refuse('BadRequestException', 'client', 400));
    expect(await processUpload(refused.originalKey)).toBe('failed');
    expect((await media.get(scope, refused.mediaId)).failureReason).toBe(
      'the video could not be submitted for transcoding: BadRequestException',
    );

    const throttled = await upload('video/mp4', mp4Start());
    mediaConvertMock.on(CreateJobCommand).rejects(refuse('TooManyRequestsException', 'client', 429));
    await expect(processUpload(throttled.originalKey)).rejects.toThrow('TooManyRequestsException');
    expect(await media.get(scope, throttled.mediaId)).toMatchObject({ status: 'processing', jobId: null });
    mediaConvertMock.on(CreateJobCommand).resolves({ Job: { Id: 'job-2', Role: 'r', Settings: {} } });
    expect(await processUpload(throttled.originalKey)).toBe('transcoding');
  });

  it('fails a WebM declared as MP4', async () => {
    const { processUpload, upload, media } = setUp();
    const webm = Buffer.from([
      0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d,
    ]);
    const item = await upload('video/mp4', Buffer.concat([webm, Buffer.alloc(64)]));
    expect(await processUpload(item.originalKey)).toBe('failed');
    expect((await media.get(scope, item.mediaId)).failureReason).toBe(
      'the content is video/webm, not the declared video/mp4',
    );
  });
});

describe('the S3 event', () => {
  it('decodes keys, skips foreign keys and buckets, removes uploads without an item', async () => {
    const { processUpload, bucket } = setUp();
    const handle = createUploadEventHandler({ processUpload, bucketName: BUCKET, logger });
    const orphanKey = 'tenants/tenant-a/media/01JZ0000000000000000000RPH/original';
    bucket.put(orphanKey, html, 'image/png');
    const record = (key: string, name = BUCKET) => ({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Post',
      s3: { bucket: { name }, object: { key, size: 1 } },
    });
    const outcomes = await handle({
      Records: [
        record(orphanKey),
        record('tenants/tenant-a/media/01JZ0000000000000000000RPH/renditions/thumb-256.webp'),
        record('tenants/tenant+a/media/x/original'),
        record(orphanKey, 'another-bucket'),
      ],
    });
    expect(outcomes).toEqual(['orphan-removed', 'ignored-key', 'ignored-key']);
    expect(bucket.objects.has(orphanKey)).toBe(false);
    expect(await handle({ Event: 's3:TestEvent' })).toEqual([]);
    expect(await handle({ Records: [{ nonsense: true }] })).toEqual([]);
  });

  it('does nothing for an object deleted since, and throws on an S3 error so Lambda retries', async () => {
    const { processUpload, bucket } = setUp();
    expect(await processUpload('tenants/tenant-a/media/01JZ0000000000000000000GNE/original')).toBe(
      'object-gone',
    );
    bucket.mock.rejects(
      new S3ServiceException({
        name: 'InternalError',
        $fault: 'server',
        $metadata: { httpStatusCode: 500 },
        message: 'boom',
      }),
    );
    await expect(processUpload('tenants/tenant-a/media/01JZ0000000000000000000GNE/original')).rejects.toThrow(
      'boom',
    );
  });
});
