import { describe, expect, it } from 'vitest';
import type { JobPlan } from '../../src/mediaconvert/job-plan.ts';
import { JobTemplateRegistry } from '../../src/mediaconvert/job-template-registry.ts';
import {
  MediaConvertBadRequestError,
  MediaConvertNotFoundError,
} from '../../src/mediaconvert/mediaconvert-errors.ts';
import type { MediaConvertJob } from '../../src/mediaconvert/mediaconvert-job.ts';
import { MediaConvertService } from '../../src/mediaconvert/mediaconvert-service.ts';
import { fromWire, toWire } from '../../src/mediaconvert/wire-case.ts';

const location = { account: '123456789012', region: 'eu-west-1' };
const ROLE = 'arn:aws:iam::123456789012:role/transcode';

const TEMPLATE_SETTINGS = {
  Inputs: [{ AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } } }],
  OutputGroups: [
    {
      Name: 'MP4',
      OutputGroupSettings: {
        Type: 'FILE_GROUP_SETTINGS',
        FileGroupSettings: { Destination: 's3://placeholder/' },
      },
      Outputs: [
        { NameModifier: '-720p', VideoDescription: { Height: 720, CodecSettings: { Codec: 'H_264' } } },
      ],
    },
  ],
};

function serviceWithTemplate() {
  const templates = new JobTemplateRegistry();
  templates.put({
    name: 'stack-video',
    arn: 'arn:aws:mediaconvert:eu-west-1:123456789012:jobTemplates/stack-video',
    settings: TEMPLATE_SETTINGS,
    createdAt: new Date(),
  });
  const submitted: { job: MediaConvertJob; plan: JobPlan }[] = [];
  const service = new MediaConvertService(location, templates, {
    submit: (job, plan) => submitted.push({ job, plan }),
  });
  return { service, submitted };
}

/** A CreateJob body as the SDK puts it on the wire. */
const createJob = (overrides: Record<string, unknown> = {}) => ({
  role: ROLE,
  jobTemplate: 'stack-video',
  userMetadata: { tenantId: 't1', mediaId: 'm1' },
  settings: toWire({
    Inputs: [{ FileInput: 's3://media-bucket/tenants/t1/original' }],
    OutputGroups: [
      {
        OutputGroupSettings: {
          FileGroupSettings: { Destination: 's3://media-bucket/tenants/t1/renditions/mp4/' },
        },
      },
    ],
  }),
  ...overrides,
});

const rejection = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
};

describe('CreateJob', () => {
  it('merges the job over its template, plans it and queues it as SUBMITTED', () => {
    const { service, submitted } = serviceWithTemplate();
    const job = service.createJob(createJob());
    expect(job.id).toMatch(/^\d{13}-[0-9a-z]{6}$/);
    expect(job.arn).toBe(`arn:aws:mediaconvert:eu-west-1:123456789012:jobs/${job.id}`);
    expect(job.queue).toBe('arn:aws:mediaconvert:eu-west-1:123456789012:queues/Default');
    expect(job).toMatchObject({ status: 'SUBMITTED', jobTemplate: 'stack-video', role: ROLE });
    expect(job.userMetadata).toEqual({ tenantId: 't1', mediaId: 'm1' });
    expect(job.settings.Inputs[0]).toMatchObject({
      FileInput: 's3://media-bucket/tenants/t1/original',
      AudioSelectors: { 'Audio Selector 1': { DefaultSelection: 'DEFAULT' } },
    });
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.plan.groups[0]?.folder).toEqual({
      bucket: 'media-bucket',
      key: 'tenants/t1/renditions/mp4/',
    });
    expect(submitted[0]?.plan.groups[0]?.outputs[0]).toMatchObject({ fileName: 'original-720p.mp4' });
  });

  it('returns the same job for the same client request token, and runs it once', () => {
    const { service, submitted } = serviceWithTemplate();
    const first = service.createJob(createJob({ clientRequestToken: 'token-1' }));
    const again = service.createJob(createJob({ clientRequestToken: 'token-1' }));
    expect(again).toBe(first);
    expect(service.createJob(createJob({ clientRequestToken: 'token-2' })).id).not.toBe(first.id);
    expect(submitted).toHaveLength(2);
  });

  it('answers NotFoundException for a template or queue that does not exist', () => {
    const { service, submitted } = serviceWithTemplate();
    const missing = rejection(() => service.createJob(createJob({ jobTemplate: 'nope' })));
    expect(missing).toBeInstanceOf(MediaConvertNotFoundError);
    expect(missing).toMatchObject({ code: 'NotFoundException', status: 404 });
    expect(missing.message).toMatch(/Job template nope does not exist/);
    expect(rejection(() => service.createJob(createJob({ queue: 'Fast' })))).toBeInstanceOf(
      MediaConvertNotFoundError,
    );
    expect(
      service.createJob(createJob({ queue: 'arn:aws:mediaconvert:eu-west-1:123456789012:queues/Default' }))
        .status,
    ).toBe('SUBMITTED');
    expect(submitted).toHaveLength(1);
  });

  it('answers BadRequestException naming every missing or malformed field', () => {
    const { service, submitted } = serviceWithTemplate();
    const error = rejection(() =>
      service.createJob({ jobTemplate: 'stack-video', userMetadata: { n: 1 }, settings: undefined }),
    );
    expect(error).toBeInstanceOf(MediaConvertBadRequestError);
    expect(error).toMatchObject({ code: 'BadRequestException', status: 400 });
    expect(error.message).toMatch(/\/role: role is required/);
    expect(error.message).toMatch(/\/settings: settings is required/);
    expect(error.message).toMatch(/\/userMetadata\/n/);
    expect(rejection(() => service.createJob(createJob({ role: 'transcode' }))).message).toMatch(
      /IAM role ARN/,
    );
    const noInput = rejection(() =>
      service.createJob(createJob({ settings: { outputGroups: [] }, jobTemplate: undefined })),
    );
    expect(noInput.message).toMatch(/\/settings\/inputs/);
    expect(submitted).toHaveLength(0);
  });
});

describe('GetJob and ListJobs', () => {
  it('finds jobs by id, lists them newest first, filters and pages', () => {
    const { service } = serviceWithTemplate();
    const jobs = [1, 2, 3].map(() => service.createJob(createJob()));
    expect(service.getJob(jobs[1]?.id ?? '')).toBe(jobs[1]);
    expect(rejection(() => service.getJob('1-abcdef'))).toBeInstanceOf(MediaConvertNotFoundError);

    const first = service.listJobs({ maxResults: 2 });
    expect(first.jobs.map((job) => job.id)).toEqual([jobs[2]?.id, jobs[1]?.id]);
    expect(first.nextToken).toBeDefined();
    const rest = service.listJobs({ maxResults: 2, ...(first.nextToken && { nextToken: first.nextToken }) });
    expect(rest.jobs.map((job) => job.id)).toEqual([jobs[0]?.id]);
    expect(rest.nextToken).toBeUndefined();
    expect(service.listJobs({ order: 'ASCENDING' }).jobs[0]).toBe(jobs[0]);
    expect(service.listJobs({ status: 'COMPLETE' }).jobs).toEqual([]);
    expect(rejection(() => service.listJobs({ maxResults: 50, status: 'DONE' })).message).toMatch(
      /status must be one of.*maxResults must be an integer from 1 to 20/,
    );
  });
});

describe('wire case', () => {
  it('lower-cases member names on the wire and keeps the names users gave map entries', () => {
    const wire = toWire(TEMPLATE_SETTINGS) as { inputs: { audioSelectors: Record<string, unknown> }[] };
    expect(wire.inputs[0]?.audioSelectors).toEqual({ 'Audio Selector 1': { defaultSelection: 'DEFAULT' } });
    expect(fromWire(wire)).toEqual(TEMPLATE_SETTINGS);
  });
});
