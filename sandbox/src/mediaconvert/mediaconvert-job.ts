import type { JobSettings } from './job-settings.ts';

export type JobStatus = 'SUBMITTED' | 'PROGRESSING' | 'COMPLETE' | 'ERROR' | 'CANCELED';

/** One output's files and properties, as the COMPLETE event reports them (wire case). */
export interface OutputDetail {
  readonly outputFilePaths: string[];
  readonly durationInMs: number;
  readonly videoDetails?: {
    readonly widthInPx: number;
    readonly heightInPx: number;
    readonly averageBitrate?: number;
  };
}

/** One output group's outcome, as the COMPLETE event reports it (wire case). */
export interface OutputGroupDetail {
  readonly type: 'FILE_GROUP' | 'HLS_GROUP';
  readonly outputDetails: OutputDetail[];
  readonly playlistFilePaths?: string[];
}

/** A job as the emulation keeps it; `GetJob` and the events are rendered from it. */
export interface MediaConvertJob {
  readonly id: string;
  readonly arn: string;
  readonly createdAt: Date;
  readonly role: string;
  /** The queue's ARN (`…:queues/Default`). */
  readonly queue: string;
  readonly jobTemplate?: string;
  /** The job's settings merged over its template's, in member-name case. */
  readonly settings: JobSettings;
  readonly userMetadata: Readonly<Record<string, string>>;
  readonly clientRequestToken?: string;
  status: JobStatus;
  startedAt?: Date;
  finishedAt?: Date;
  percentComplete?: number;
  outputGroupDetails?: OutputGroupDetail[];
  errorCode?: number;
  errorMessage?: string;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * The job in `GetJob`'s wire shape (REST-JSON, lower-camel names, timestamps in epoch seconds).
 * `settings` must already be in wire case.
 */
export function jobResource(job: MediaConvertJob, wireSettings: unknown): Record<string, unknown> {
  return {
    arn: job.arn,
    id: job.id,
    createdAt: seconds(job.createdAt),
    role: job.role,
    queue: job.queue,
    ...(job.jobTemplate && { jobTemplate: job.jobTemplate }),
    settings: wireSettings,
    userMetadata: job.userMetadata,
    ...(job.clientRequestToken && { clientRequestToken: job.clientRequestToken }),
    status: job.status,
    priority: 0,
    statusUpdateInterval: 'SECONDS_60',
    timing: {
      submitTime: seconds(job.createdAt),
      ...(job.startedAt && { startTime: seconds(job.startedAt) }),
      ...(job.finishedAt && { finishTime: seconds(job.finishedAt) }),
    },
    ...(job.percentComplete !== undefined &&
      job.status === 'PROGRESSING' && {
        jobPercentComplete: job.percentComplete,
      }),
    // GetJob reports durations and sizes per output, not file paths (those are in the COMPLETE event).
    ...(job.outputGroupDetails && {
      outputGroupDetails: job.outputGroupDetails.map((group) => ({
        outputDetails: group.outputDetails.map(({ durationInMs, videoDetails }) => ({
          durationInMs,
          ...(videoDetails && {
            videoDetails: { widthInPx: videoDetails.widthInPx, heightInPx: videoDetails.heightInPx },
          }),
        })),
      })),
    }),
    ...(job.errorCode !== undefined && { errorCode: job.errorCode }),
    ...(job.errorMessage !== undefined && { errorMessage: job.errorMessage }),
  };
}
