import { randomBytes } from 'node:crypto';
import { parseCreateJobRequest } from './create-job-request.ts';
import { planJob } from './job-plan.ts';
import type { JobRunner } from './job-runner.ts';
import { mergeSettings, parseJobSettings } from './job-settings.ts';
import type { JobTemplateRecord, JobTemplateRegistry } from './job-template-registry.ts';
import { jobArn, type MediaConvertLocation, queueArn } from './mediaconvert-arns.ts';
import { MediaConvertBadRequestError, MediaConvertNotFoundError } from './mediaconvert-errors.ts';
import type { JobStatus, MediaConvertJob } from './mediaconvert-job.ts';
import { fromWire } from './wire-case.ts';

export interface ListJobsQuery {
  readonly status?: string;
  readonly order?: string;
  readonly maxResults?: number;
  readonly nextToken?: string;
}

const STATUSES: readonly JobStatus[] = ['SUBMITTED', 'PROGRESSING', 'COMPLETE', 'ERROR', 'CANCELED'];
const DEFAULT_QUEUE = 'Default';

/**
 * The MediaConvert operations the sandbox answers, on its job templates and jobs: requests are
 * validated as MediaConvert validates them, and a job the emulation cannot run (another codec,
 * a DASH group) is refused when it is created, not left to fail.
 */
export class MediaConvertService {
  readonly #jobs = new Map<string, MediaConvertJob>();
  readonly #byToken = new Map<string, MediaConvertJob>();

  constructor(
    private readonly location: MediaConvertLocation,
    private readonly templates: JobTemplateRegistry,
    private readonly runner: Pick<JobRunner, 'submit'>,
  ) {}

  /** `CreateJob`: the job's settings over its template's, planned, queued; the same token gives the same job. */
  createJob(body: unknown): MediaConvertJob {
    const request = parseCreateJobRequest(body);
    const token = request.clientRequestToken;
    const existing = token === undefined ? undefined : this.#byToken.get(token);
    if (existing) return existing;

    let template: JobTemplateRecord | undefined;
    if (request.jobTemplate !== undefined) {
      template = this.templates.find(request.jobTemplate);
      if (!template)
        throw new MediaConvertNotFoundError(`Job template ${request.jobTemplate} does not exist`);
    }
    const queue = request.queue ?? template?.queue ?? DEFAULT_QUEUE;
    const queueName = queue.split('/').pop();
    if (queueName !== DEFAULT_QUEUE) {
      throw new MediaConvertNotFoundError(
        `Queue ${queue} does not exist (the sandbox has the Default queue)`,
      );
    }
    const settings = parseJobSettings(mergeSettings(template?.settings, fromWire(request.settings)));
    const plan = planJob(settings);

    const id = newJobId();
    const job: MediaConvertJob = {
      id,
      arn: jobArn(this.location, id),
      createdAt: new Date(),
      role: request.role,
      queue: queueArn(this.location, DEFAULT_QUEUE),
      ...(template && { jobTemplate: template.name }),
      settings,
      userMetadata: request.userMetadata ?? {},
      ...(token !== undefined && { clientRequestToken: token }),
      status: 'SUBMITTED',
    };
    this.#jobs.set(id, job);
    if (token !== undefined) this.#byToken.set(token, job);
    this.runner.submit(job, plan);
    return job;
  }

  getJob(id: string): MediaConvertJob {
    const job = this.#jobs.get(id);
    if (!job) throw new MediaConvertNotFoundError(`Job ${id} does not exist`);
    return job;
  }

  /** `ListJobs`: newest first unless `order` is ASCENDING, at most 20 a page. */
  listJobs(query: ListJobsQuery): { jobs: MediaConvertJob[]; nextToken?: string } {
    const problems: string[] = [];
    if (query.status !== undefined && !STATUSES.includes(query.status as JobStatus)) {
      problems.push(`status must be one of ${STATUSES.join(', ')}`);
    }
    if (query.order !== undefined && query.order !== 'ASCENDING' && query.order !== 'DESCENDING') {
      problems.push('order must be ASCENDING or DESCENDING');
    }
    const maxResults = query.maxResults ?? 20;
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 20) {
      problems.push('maxResults must be an integer from 1 to 20');
    }
    const start = query.nextToken === undefined ? 0 : Number(query.nextToken);
    if (!Number.isInteger(start) || start < 0) problems.push('nextToken is not one this API returned');
    if (problems.length > 0) throw new MediaConvertBadRequestError(problems);

    const jobs = [...this.#jobs.values()].filter(
      (job) => query.status === undefined || job.status === query.status,
    );
    if (query.order !== 'ASCENDING') jobs.reverse();
    const page = jobs.slice(start, start + maxResults);
    const next = start + maxResults;
    return next < jobs.length ? { jobs: page, nextToken: String(next) } : { jobs: page };
  }

  getJobTemplate(name: string): JobTemplateRecord {
    const template = this.templates.find(name);
    if (!template) throw new MediaConvertNotFoundError(`Job template ${name} does not exist`);
    return template;
  }

  listJobTemplates(): JobTemplateRecord[] {
    return this.templates.list().sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** MediaConvert's job id shape: milliseconds since the epoch, a dash, six base-36 characters. */
function newJobId(): string {
  const suffix = [...randomBytes(6)].map((byte) => (byte % 36).toString(36)).join('');
  return `${Date.now()}-${suffix}`;
}
