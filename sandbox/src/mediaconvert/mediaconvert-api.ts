import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobTemplateRecord } from './job-template-registry.ts';
import {
  MediaConvertBadRequestError,
  MediaConvertError,
  MediaConvertNotFoundError,
} from './mediaconvert-errors.ts';
import { jobResource, type MediaConvertJob } from './mediaconvert-job.ts';
import type { MediaConvertService } from './mediaconvert-service.ts';
import { toWire } from './wire-case.ts';

const API_VERSION = '/2017-08-29';
/** A job's settings with many outputs stay far below this. */
const BODY_LIMIT = 1024 * 1024;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const jobOf = (job: MediaConvertJob) => jobResource(job, toWire(job.settings));

const templateOf = (template: JobTemplateRecord) => ({
  arn: template.arn,
  name: template.name,
  type: 'CUSTOM',
  settings: toWire(template.settings),
  createdAt: seconds(template.createdAt),
  lastUpdated: seconds(template.createdAt),
  priority: template.priority ?? 0,
  statusUpdateInterval: 'SECONDS_60',
  ...(template.description && { description: template.description }),
  ...(template.category && { category: template.category }),
  ...(template.queue && { queue: template.queue }),
});

/**
 * MediaConvert's REST-JSON API on the sandbox endpoint (`/2017-08-29/...`): `CreateJob`, `GetJob`,
 * `ListJobs`, `GetJobTemplate`, `ListJobTemplates` and `DescribeEndpoints`. Errors carry
 * `x-amzn-errortype` and `{ message }`, which SDK v3 turns into `BadRequestException`,
 * `NotFoundException`, ...
 */
export function createMediaConvertApiHandler(service: MediaConvertService, endpointUrl: () => string) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.startsWith(API_VERSION) ? url.pathname.slice(API_VERSION.length) : '';
      const [, collection, name, extra] = path.split('/').map(decodeURIComponent);
      const method = req.method ?? 'GET';
      if (extra === undefined) {
        if (collection === 'jobs' && name === undefined && method === 'POST') {
          send(res, 201, { job: jobOf(service.createJob(await readJson(req))) });
          return;
        }
        if (collection === 'jobs' && name !== undefined && method === 'GET') {
          send(res, 200, { job: jobOf(service.getJob(name)) });
          return;
        }
        if (collection === 'jobs' && name === undefined && method === 'GET') {
          const query = url.searchParams;
          const maxResults = query.get('maxResults');
          const page = service.listJobs({
            ...optional('status', query.get('status')),
            ...optional('order', query.get('order')),
            ...optional('nextToken', query.get('nextToken')),
            ...(maxResults !== null && { maxResults: Number(maxResults) }),
          });
          send(res, 200, { jobs: page.jobs.map(jobOf), ...optional('nextToken', page.nextToken) });
          return;
        }
        if (collection === 'jobTemplates' && name !== undefined && method === 'GET') {
          send(res, 200, { jobTemplate: templateOf(service.getJobTemplate(name)) });
          return;
        }
        if (collection === 'jobTemplates' && name === undefined && method === 'GET') {
          send(res, 200, { jobTemplates: service.listJobTemplates().map(templateOf) });
          return;
        }
        if (collection === 'endpoints' && name === undefined && method === 'POST') {
          send(res, 200, { endpoints: [{ url: endpointUrl() }] });
          return;
        }
      }
      throw new MediaConvertNotFoundError(
        `The sandbox's MediaConvert does not emulate ${method} ${url.pathname} (it answers CreateJob, GetJob, ` +
          'ListJobs, GetJobTemplate, ListJobTemplates and DescribeEndpoints)',
      );
    } catch (error) {
      const known =
        error instanceof MediaConvertError
          ? error
          : new MediaConvertError(
              error instanceof Error ? error.message : String(error),
              'InternalServerErrorException',
              500,
            );
      sendError(res, known);
    }
  };
}

const optional = <K extends string>(key: K, value: string | null | undefined) =>
  (value === null || value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT)
      throw new MediaConvertBadRequestError([`the request body exceeds ${BODY_LIMIT} bytes`]);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw new MediaConvertBadRequestError(['the request body is not JSON']);
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: MediaConvertError): void {
  const text = JSON.stringify({ message: error.message });
  res.writeHead(error.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    'x-amzn-errortype': error.code,
  });
  res.end(text);
}
