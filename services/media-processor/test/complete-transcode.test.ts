import { createObservability } from '@stratum/runtime';
import { describe, expect, it } from 'vitest';
import { createTranscodeCompletion } from '../src/complete-transcode.ts';
import { createJobStateEventHandler } from '../src/job-state-event-handler.ts';
import { createMediaBucket } from '../src/media-bucket.ts';
import { createFakeBucket } from './support/fake-bucket.ts';
import { InMemoryMedia } from './support/in-memory-media.ts';

const BUCKET = 'media-bucket';
const scope = { tenantId: 'tenant-a', userId: 'user-a1' };
const { logger } = createObservability('media-processor-test');
logger.setLogLevel('SILENT');

async function setUp() {
  const bucket = createFakeBucket(BUCKET);
  const media = new InMemoryMedia();
  const item = await media.create(scope, {
    todoId: '01JZ0000000000000000000TD1',
    contentType: 'video/mp4',
    size: 10,
  });
  const transcoding = await media.update(scope, item.mediaId, 1, {
    status: 'processing',
    originalETag: '"e1"',
    jobId: 'job-1',
  });
  const handle = createJobStateEventHandler({
    logger,
    completeTranscode: createTranscodeCompletion({
      media,
      bucket: createMediaBucket(bucket.s3, BUCKET),
      logger,
    }),
  });
  const uri = (path: string) => `s3://${BUCKET}/tenants/tenant-a/media/${item.mediaId}/renditions/${path}`;
  const event = (detail: Record<string, unknown>) => ({
    source: 'aws.mediaconvert',
    'detail-type': 'MediaConvert Job State Change',
    detail: { jobId: 'job-1', userMetadata: { tenantId: 'tenant-a', mediaId: item.mediaId }, ...detail },
  });
  return { bucket, media, item: transcoding, handle, uri, event };
}

describe('MediaConvert job completion', () => {
  it('records the renditions of a completed job and sets READY', async () => {
    const { media, item, handle, uri, event } = await setUp();
    const complete = event({
      status: 'COMPLETE',
      outputGroupDetails: [
        {
          type: 'HLS_GROUP',
          playlistFilePaths: [uri('hls/original.m3u8')],
          outputDetails: [
            {
              outputFilePaths: [uri('hls/original_720p.m3u8')],
              videoDetails: { widthInPx: 1280, heightInPx: 720 },
            },
            {
              outputFilePaths: [uri('hls/original_360p.m3u8')],
              videoDetails: { widthInPx: 640, heightInPx: 360 },
            },
          ],
        },
        {
          type: 'FILE_GROUP',
          outputDetails: [
            {
              outputFilePaths: [uri('mp4/original.mp4')],
              videoDetails: { widthInPx: 1280, heightInPx: 720 },
            },
          ],
        },
        {
          type: 'FILE_GROUP',
          outputDetails: [
            {
              outputFilePaths: [uri('poster/original.0000000.jpg')],
              videoDetails: { widthInPx: 640, heightInPx: 360 },
            },
            // Outside this media's prefix: a template error, never a signed URL.
            { outputFilePaths: [`s3://${BUCKET}/tenants/tenant-b/media/x/renditions/steal.jpg`] },
          ],
        },
      ],
    });
    expect(await handle(complete)).toBe('ready');
    const key = (path: string) => uri(path).slice(`s3://${BUCKET}/`.length);
    expect(await media.get(scope, item.mediaId)).toMatchObject({
      status: 'ready',
      renditions: [
        {
          name: 'hls',
          key: key('hls/original.m3u8'),
          contentType: 'application/vnd.apple.mpegurl',
          width: 1280,
          height: 720,
        },
        { name: 'mp4', key: key('mp4/original.mp4'), contentType: 'video/mp4', width: 1280, height: 720 },
        {
          name: 'poster',
          key: key('poster/original.0000000.jpg'),
          contentType: 'image/jpeg',
          width: 640,
          height: 360,
        },
      ],
    });
    // Redelivery: nothing changes.
    const version = (await media.get(scope, item.mediaId)).version;
    expect(await handle(complete)).toBe('duplicate');
    expect((await media.get(scope, item.mediaId)).version).toBe(version);
  });

  it("sets FAILED with MediaConvert's reason on ERROR", async () => {
    const { media, item, handle, event } = await setUp();
    expect(await handle(event({ status: 'ERROR', errorCode: 1010, errorMessage: 'Unsupported codec' }))).toBe(
      'failed',
    );
    expect(await media.get(scope, item.mediaId)).toMatchObject({
      status: 'failed',
      failureReason: 'transcoding failed: Unsupported codec (MediaConvert error 1010)',
    });
  });

  it('ignores other states, jobs that are not the current one, and unreadable events', async () => {
    const { media, item, handle, event } = await setUp();
    expect(await handle(event({ status: 'PROGRESSING' }))).toBe('ignored-status');
    expect(
      await handle({
        ...event({ status: 'COMPLETE' }),
        detail: { ...event({}).detail, status: 'COMPLETE', jobId: 'job-0' },
      }),
    ).toBe('stale-job');
    expect(await handle({ source: 'aws.mediaconvert', detail: {} })).toBe('invalid-event');
    expect(await media.get(scope, item.mediaId)).toEqual(item);
  });

  it('removes the outputs of a job whose media item was deleted meanwhile', async () => {
    const { media, item, handle, event, bucket } = await setUp();
    const outputKey = `tenants/tenant-a/media/${item.mediaId}/renditions/mp4/original.mp4`;
    bucket.put(outputKey, Buffer.from('video'), 'video/mp4');
    await media.delete(scope, item.mediaId);
    expect(await handle(event({ status: 'COMPLETE', outputGroupDetails: [] }))).toBe('orphan-removed');
    expect(bucket.objects.size).toBe(0);
  });
});
