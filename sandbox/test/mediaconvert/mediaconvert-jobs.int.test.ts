import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CancelJobCommand,
  CreateJobCommand,
  DescribeEndpointsCommand,
  GetJobCommand,
  ListJobsCommand,
  MediaConvertClient,
} from '@aws-sdk/client-mediaconvert';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { Media } from '@stratum/data';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renditionsOfJob } from '../../../services/media-processor/src/job-outputs.ts';
import { parseJobStateEvent } from '../../../services/media-processor/src/job-state-event.ts';
import { createMediaConvertTranscoder } from '../../../services/media-processor/src/transcoder.ts';
import { type AwsEndpoint, createAwsEndpoint } from '../../src/endpoint/index.ts';
import type { EventEnvelope } from '../../src/events/bus/event-envelope.ts';
import { MediaConvertEmulator, s3JobObjects } from '../../src/mediaconvert/index.ts';
import { deployStack, ExportRegistry, planStack } from '../../src/template/index.ts';
import { stackOf } from '../template/inline-stack.ts';
import { ffprobe, makeTestVideo } from './media-fixtures.ts';
import { STRATUM_VIDEO_TEMPLATE } from './video-template-fixture.ts';

const region = 'eu-west-1';
const credentials = { accessKeyId: 'STRATUMLOCAL', secretAccessKey: 'stratumlocalsecret' };
const BUCKET = 'media-bucket';
const ROLE = 'arn:aws:iam::123456789012:role/transcode';
const template = STRATUM_VIDEO_TEMPLATE;

let fauxqs: FauxqsServer;
let endpoint: AwsEndpoint;
let emulator: MediaConvertEmulator;
let s3: S3Client;
let mediaConvert: MediaConvertClient;
let workDir: string;
const events: EventEnvelope[] = [];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'mediaconvert-test-'));
  fauxqs = await startFauxqs({ port: 0, host: '127.0.0.1', logger: false });
  endpoint = await createAwsEndpoint({
    port: 0,
    routes: { s3: { upstream: `http://127.0.0.1:${fauxqs.port}` } },
  });
  s3 = new S3Client({ endpoint: endpoint.url, region, credentials, forcePathStyle: true });
  emulator = await MediaConvertEmulator.start({
    location: { account: '123456789012', region },
    objects: s3JobObjects(s3),
    emit: (event) => events.push(event),
    endpointUrl: endpoint.url,
    maxConcurrentJobs: 2,
    workRoot: workDir,
  });
  endpoint.setRoute('mediaconvert', emulator);
  mediaConvert = new MediaConvertClient({ endpoint: endpoint.url, region, credentials });
  const providers = emulator.providers;
  await deployStack(
    planStack(
      stackOf({
        Resources: {
          Video: {
            Type: 'AWS::MediaConvert::JobTemplate',
            Properties: { Name: template.name, SettingsJson: template.settings },
          },
        } as never,
      }),
      providers,
    ),
    { providers, exports: new ExportRegistry() },
  );
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const video = join(workDir, 'upload.mp4');
  await makeTestVideo(video);
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: 'tenants/t1/media/VIDEO/original',
      Body: await readFile(video),
    }),
  );
  await s3.send(
    new PutObjectCommand({
      Bucket: BUCKET,
      Key: 'tenants/t1/media/BROKEN/original',
      Body: 'not a video at all',
    }),
  );
}, 60_000);

afterAll(async () => {
  await emulator?.close();
  await endpoint?.close();
  await fauxqs?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const media = (mediaId: string): Media => ({
  tenantId: 't1',
  mediaId,
  todoId: 'todo-1',
  contentType: 'video/mp4',
  kind: 'video',
  declaredSize: 1000,
  size: 1000,
  status: 'processing',
  failureReason: null,
  originalKey: `tenants/t1/media/${mediaId}/original`,
  renditions: [],
  originalETag: null,
  jobId: null,
  createdBy: 'user-1',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  version: 1,
});

const transcoder = () =>
  createMediaConvertTranscoder({
    client: mediaConvert,
    bucket: BUCKET,
    jobTemplate: template.name,
    roleArn: ROLE,
  });

const eventsOf = (jobId: string) =>
  events.filter((event) => (event.detail as { jobId?: string }).jobId === jobId);

async function objectBytes(key: string): Promise<Buffer> {
  const object = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
  return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
}

describe('a video job from Stratum’s template, created by the media processor’s own transcoder', () => {
  let jobId: string;

  beforeAll(async () => {
    jobId = await transcoder().start(media('VIDEO'), 'etag-1');
    await emulator.idle();
  }, 60_000);

  it('emits PROGRESSING then COMPLETE, shaped as MediaConvert’s events', () => {
    const [progressing, complete, ...more] = eventsOf(jobId);
    expect(more).toEqual([]);
    for (const event of [progressing, complete]) {
      expect(event).toMatchObject({
        version: '0',
        'detail-type': 'MediaConvert Job State Change',
        source: 'aws.mediaconvert',
        account: '123456789012',
        region,
        resources: [`arn:aws:mediaconvert:${region}:123456789012:jobs/${jobId}`],
      });
      expect(event?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(event?.detail).toMatchObject({
        accountId: '123456789012',
        queue: `arn:aws:mediaconvert:${region}:123456789012:queues/Default`,
        jobId,
        userMetadata: { tenantId: 't1', mediaId: 'VIDEO', eTag: 'etag-1' },
      });
    }
    expect(progressing?.detail.status).toBe('PROGRESSING');
    expect(complete?.detail.status).toBe('COMPLETE');
    expect(typeof complete?.detail.timestamp).toBe('number');
  });

  it('reports every output, which the job-state handler turns into the hls, mp4 and poster renditions', () => {
    const complete = eventsOf(jobId).at(-1);
    const detail = parseJobStateEvent(complete).detail;
    const prefix = 'tenants/t1/media/VIDEO/renditions/';
    expect(detail.outputGroupDetails).toEqual([
      {
        type: 'FILE_GROUP',
        outputDetails: [
          expect.objectContaining({
            outputFilePaths: [`s3://${BUCKET}/${prefix}mp4/original-720p.mp4`],
            videoDetails: { widthInPx: 960, heightInPx: 720 },
          }),
        ],
      },
      {
        type: 'HLS_GROUP',
        outputDetails: [
          expect.objectContaining({ outputFilePaths: [`s3://${BUCKET}/${prefix}hls/original-360p.m3u8`] }),
          expect.objectContaining({ outputFilePaths: [`s3://${BUCKET}/${prefix}hls/original-720p.m3u8`] }),
        ],
        playlistFilePaths: [`s3://${BUCKET}/${prefix}hls/original.m3u8`],
      },
      {
        type: 'FILE_GROUP',
        outputDetails: [
          expect.objectContaining({
            outputFilePaths: [`s3://${BUCKET}/${prefix}poster/original-poster.0000000.jpg`],
          }),
        ],
      },
    ]);
    const groups = (complete?.detail.outputGroupDetails ?? []) as {
      outputDetails: { durationInMs: number }[];
    }[];
    const mp4Detail = groups[0];
    expect(mp4Detail?.outputDetails[0]?.durationInMs).toBeGreaterThan(900);
    expect(mp4Detail?.outputDetails[0]?.durationInMs).toBeLessThan(1200);
    const renditions = renditionsOfJob(detail, BUCKET, prefix);
    expect(renditions.map((r) => [r.name, r.key, r.contentType])).toEqual([
      ['mp4', `${prefix}mp4/original-720p.mp4`, 'video/mp4'],
      ['hls', `${prefix}hls/original.m3u8`, 'application/vnd.apple.mpegurl'],
      ['poster', `${prefix}poster/original-poster.0000000.jpg`, 'image/jpeg'],
    ]);
  });

  it('writes an H.264/AAC MP4 of the input’s length at 720p', async () => {
    const file = join(workDir, 'out.mp4');
    await writeFile(file, await objectBytes('tenants/t1/media/VIDEO/renditions/mp4/original-720p.mp4'));
    const probe = await ffprobe(file);
    expect(probe.format.format_name).toContain('mp4');
    expect(Number(probe.format.duration)).toBeCloseTo(1, 0);
    expect(probe.streams.map((s) => [s.codec_type, s.codec_name])).toEqual([
      ['video', 'h264'],
      ['audio', 'aac'],
    ]);
    expect(probe.streams[0]).toMatchObject({ width: 960, height: 720 });
  });

  it('writes an HLS ladder: a multivariant playlist, media playlists and their segments', async () => {
    const folder = 'tenants/t1/media/VIDEO/renditions/hls/';
    const master = (await objectBytes(`${folder}original.m3u8`)).toString('utf8');
    const variants = [
      ...master.matchAll(/#EXT-X-STREAM-INF:BANDWIDTH=(\d+),RESOLUTION=(\d+)x(\d+)\n(.+)/g),
    ].map(([, bandwidth, width, height, uri]) => ({
      bandwidth: Number(bandwidth),
      width: Number(width),
      height: Number(height),
      uri: uri ?? '',
    }));
    expect(master.startsWith('#EXTM3U\n')).toBe(true);
    expect(variants.map(({ uri, height }) => [uri, height])).toEqual([
      ['original-720p.m3u8', 720],
      ['original-360p.m3u8', 360],
    ]);
    expect(variants[0]?.bandwidth).toBeGreaterThan(variants[1]?.bandwidth ?? Number.POSITIVE_INFINITY);
    for (const variant of variants) {
      const playlist = (await objectBytes(`${folder}${variant.uri}`)).toString('utf8');
      expect(playlist).toContain('#EXT-X-TARGETDURATION:');
      expect(playlist).toContain('#EXT-X-ENDLIST');
      const segments = playlist.split('\n').filter((line) => line.endsWith('.ts'));
      expect(segments).toEqual([variant.uri.replace('.m3u8', '_00001.ts')]);
      const segment = await objectBytes(`${folder}${segments[0]}`);
      expect(segment[0]).toBe(0x47); // MPEG-TS sync byte
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: folder }));
    expect(listed.Contents?.map((o) => o.Key?.slice(folder.length)).sort()).toEqual([
      'original-360p.m3u8',
      'original-360p_00001.ts',
      'original-720p.m3u8',
      'original-720p_00001.ts',
      'original.m3u8',
    ]);
  });

  it('writes one poster JPEG', async () => {
    const jpeg = await objectBytes('tenants/t1/media/VIDEO/renditions/poster/original-poster.0000000.jpg');
    expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
  });

  it('answers GetJob, ListJobs and DescribeEndpoints through the SDK', async () => {
    const { Job } = await mediaConvert.send(new GetJobCommand({ Id: jobId }));
    expect(Job).toMatchObject({ Id: jobId, Status: 'COMPLETE', JobTemplate: template.name, Role: ROLE });
    expect(Job?.Settings?.OutputGroups?.[0]?.OutputGroupSettings?.FileGroupSettings?.Destination).toBe(
      `s3://${BUCKET}/tenants/t1/media/VIDEO/renditions/mp4/`,
    );
    expect(Job?.Timing?.FinishTime).toBeInstanceOf(Date);
    expect(Job?.OutputGroupDetails?.[0]?.OutputDetails?.[0]?.VideoDetails).toEqual({
      WidthInPx: 960,
      HeightInPx: 720,
    });
    const { Jobs } = await mediaConvert.send(new ListJobsCommand({ Status: 'COMPLETE' }));
    expect(Jobs?.map((job) => job.Id)).toContain(jobId);
    const { Endpoints } = await mediaConvert.send(new DescribeEndpointsCommand({}));
    expect(Endpoints).toEqual([{ Url: endpoint.url }]);
  });

  it('gives the same job for a redelivered upload event (same client request token)', async () => {
    expect(await transcoder().start(media('VIDEO'), 'etag-1')).toBe(jobId);
  });
});

describe('failures', () => {
  it('ends a job whose input ffmpeg cannot decode as ERROR 1010 with ffprobe’s reason', async () => {
    const jobId = await transcoder().start(media('BROKEN'), 'etag-2');
    await emulator.idle();
    const [progressing, error] = eventsOf(jobId);
    expect(progressing?.detail.status).toBe('PROGRESSING');
    expect(error?.detail).toMatchObject({ status: 'ERROR', errorCode: 1010, jobId });
    expect(error?.detail.errorMessage).toMatch(
      /^Unable to open input file \[s3:\/\/media-bucket\/tenants\/t1\/media\/BROKEN\/original\]: \[Failed probe\/open: \[.+\]\]$/,
    );
    expect(parseJobStateEvent(error).detail).toMatchObject({ errorCode: 1010 });
    const { Job } = await mediaConvert.send(new GetJobCommand({ Id: jobId }));
    expect(Job).toMatchObject({ Status: 'ERROR', ErrorCode: 1010 });
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'tenants/t1/media/BROKEN/renditions/' }),
    );
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it('ends a job whose input does not exist as ERROR 1404', async () => {
    const jobId = await transcoder().start(media('MISSING'), 'etag-3');
    await emulator.idle();
    expect(eventsOf(jobId).at(-1)?.detail).toMatchObject({ status: 'ERROR', errorCode: 1404 });
  });

  it('refuses a missing template with NotFoundException and a missing role with BadRequestException', async () => {
    const settings = { Inputs: [{ FileInput: `s3://${BUCKET}/tenants/t1/media/VIDEO/original` }] };
    await expect(
      mediaConvert.send(
        new CreateJobCommand({ JobTemplate: 'no-such-template', Role: ROLE, Settings: settings }),
      ),
    ).rejects.toMatchObject({ name: 'NotFoundException', $metadata: { httpStatusCode: 404 } });
    await expect(
      mediaConvert.send(new CreateJobCommand({ JobTemplate: template.name, Role: '', Settings: settings })),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: expect.stringMatching(/role/) });
    await expect(mediaConvert.send(new GetJobCommand({ Id: '1-nosuch' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
    await expect(mediaConvert.send(new CancelJobCommand({ Id: '1-nosuch' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: expect.stringMatching(/does not emulate DELETE \/2017-08-29\/jobs\/1-nosuch/),
    });
  });
});
