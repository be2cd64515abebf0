import { chmod, copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../src/events/bus/event-envelope.ts';
import {
  FFMPEG_MISSING,
  type JobObjectStore,
  JobTemplateRegistry,
  MediaConvertEmulator,
  type MediaTools,
} from '../../src/mediaconvert/index.ts';
import { makeTestVideo } from './media-fixtures.ts';
import { STRATUM_VIDEO_TEMPLATE } from './video-template-fixture.ts';

const location = { account: '123456789012', region: 'eu-west-1' };
let dir: string;
let video: string;
let sleepingFfmpeg: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mediaconvert-runner-'));
  video = join(dir, 'input.mp4');
  await makeTestVideo(video);
  // Stands in for an ffmpeg that hangs on a pathological input.
  sleepingFfmpeg = join(dir, 'sleeping-ffmpeg');
  await writeFile(
    sleepingFfmpeg,
    '#!/bin/sh\n[ "$1" = -version ] && echo "ffmpeg version 0-sleeping" && exit 0\nexec sleep 30\n',
  );
  await chmod(sleepingFfmpeg, 0o755);
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every input is the test video; uploads are only recorded. */
const localObjects = (uploads: string[]): JobObjectStore => ({
  download: (_location, file) => copyFile(video, file),
  upload: async (location) => {
    uploads.push(location.key);
  },
});

async function emulatorWith(tools: MediaTools, jobTimeoutMs?: number) {
  const events: EventEnvelope[] = [];
  const log: string[] = [];
  const uploads: string[] = [];
  const templates = new JobTemplateRegistry();
  templates.put({
    name: STRATUM_VIDEO_TEMPLATE.name,
    arn: `arn:aws:mediaconvert:eu-west-1:123456789012:jobTemplates/${STRATUM_VIDEO_TEMPLATE.name}`,
    settings: STRATUM_VIDEO_TEMPLATE.settings,
    createdAt: new Date(),
  });
  const emulator = await MediaConvertEmulator.start({
    location,
    templates,
    objects: localObjects(uploads),
    emit: (event) => events.push(event),
    endpointUrl: 'http://127.0.0.1:4566',
    tools,
    workRoot: dir,
    ...(jobTimeoutMs !== undefined && { jobTimeoutMs }),
    log: (line) => log.push(line),
  });
  const job = () =>
    emulator.service.createJob({
      role: 'arn:aws:iam::123456789012:role/transcode',
      jobTemplate: STRATUM_VIDEO_TEMPLATE.name,
      userMetadata: { mediaId: 'm1' },
      settings: {
        inputs: [{ fileInput: 's3://media-bucket/in/original' }],
        outputGroups: ['mp4', 'hls', 'poster'].map((folder) => ({
          outputGroupSettings: {
            [folder === 'hls' ? 'hlsGroupSettings' : 'fileGroupSettings']: {
              destination: `s3://media-bucket/out/${folder}/`,
            },
          },
        })),
      },
    });
  return { emulator, events, log, uploads, job };
}

const statuses = (events: EventEnvelope[]) => events.map((event) => event.detail.status);

describe('the job runner', () => {
  it('prints a notice at start and ends every job as ERROR when ffmpeg is missing', async () => {
    const { emulator, events, log, uploads, job } = await emulatorWith({
      ffmpeg: join(dir, 'no-ffmpeg'),
      ffprobe: join(dir, 'no-ffprobe'),
    });
    expect(emulator.ffmpegVersion).toBeUndefined();
    expect(log[0]).toContain('notice: ffmpeg and ffprobe are not installed');
    const created = job();
    await emulator.idle();
    expect(statuses(events)).toEqual(['PROGRESSING', 'ERROR']);
    expect(events[1]?.detail).toMatchObject({ errorCode: 1999, errorMessage: FFMPEG_MISSING });
    expect(emulator.service.getJob(created.id).status).toBe('ERROR');
    expect(uploads).toEqual([]);
    await emulator.close();
  });

  it('kills a job that passes its timeout and reports it as ERROR', async () => {
    const { emulator, events, job } = await emulatorWith({ ffmpeg: sleepingFfmpeg, ffprobe: 'ffprobe' }, 500);
    const started = Date.now();
    job();
    await emulator.idle();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(statuses(events)).toEqual(['PROGRESSING', 'ERROR']);
    expect(events[1]?.detail).toMatchObject({
      errorCode: 1999,
      errorMessage: 'The job did not finish within 0.5 s and was stopped',
    });
    await emulator.close();
  });

  it('kills running jobs and cancels queued ones on close, without events for them', async () => {
    const { emulator, events, job } = await emulatorWith({ ffmpeg: sleepingFfmpeg, ffprobe: 'ffprobe' });
    const running = job();
    const queued = job();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(running.status).toBe('PROGRESSING');
    expect(queued.status).toBe('SUBMITTED');
    const closing = Date.now();
    await emulator.close();
    expect(Date.now() - closing).toBeLessThan(2_000);
    expect([running.status, queued.status]).toEqual(['CANCELED', 'CANCELED']);
    expect(statuses(events)).toEqual(['PROGRESSING']);
    expect(() => job()).toThrow(/closed/);
  });
});
