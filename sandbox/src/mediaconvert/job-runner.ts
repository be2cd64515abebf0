import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '../events/bus/event-envelope.ts';
import type { JobObjectStore } from './job-objects.ts';
import type { JobPlan } from './job-plan.ts';
import { jobStateChangeEvent } from './job-state-events.ts';
import type { MediaTools } from './media-tools.ts';
import type { MediaConvertLocation } from './mediaconvert-arns.ts';
import { JobFailedError } from './mediaconvert-errors.ts';
import type { MediaConvertJob } from './mediaconvert-job.ts';
import { transcodeJob } from './transcode-job.ts';

export interface JobRunnerOptions {
  readonly location: MediaConvertLocation;
  readonly tools: MediaTools;
  readonly objects: JobObjectStore;
  /** Where the job state change events go (the default bus, as `aws.mediaconvert`). */
  readonly emit: (event: EventEnvelope) => void;
  /**
   * Why jobs cannot run at all (ffmpeg missing), checked before each job; undefined when they can.
   */
  readonly unavailable: () => Promise<string | undefined>;
  /** @default 1 on a machine with two cores or fewer, else 2 */
  readonly maxConcurrentJobs?: number;
  /** A job still running after this long is killed and ends as ERROR. @default 600_000 (10 minutes) */
  readonly jobTimeoutMs?: number;
  /** @default the system's temporary directory */
  readonly workRoot?: string;
  readonly log?: (line: string) => void;
}

/** Error code of failures that are the emulation's, not the input's: MediaConvert's "unknown error". */
const UNKNOWN_ERROR = 1999;

/**
 * Runs submitted jobs a few at a time, each in its own temporary directory, and reports every
 * state change as MediaConvert does: PROGRESSING when a job starts, then COMPLETE or ERROR. A job
 * is killed (its ffmpeg with it) when it passes the timeout or the runner closes.
 */
export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #queue: { job: MediaConvertJob; plan: JobPlan }[] = [];
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  readonly #maxConcurrent: number;
  #closed = false;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
    this.#maxConcurrent = options.maxConcurrentJobs ?? (availableParallelism() <= 2 ? 1 : 2);
  }

  /** Queues a job; it starts when a slot is free. */
  submit(job: MediaConvertJob, plan: JobPlan): void {
    if (this.#closed) throw new Error('the MediaConvert job runner is closed');
    this.#queue.push({ job, plan });
    this.#pump();
  }

  /** Resolves when no job is queued or running (for tests and a graceful stop). */
  async idle(): Promise<void> {
    while (this.#running.size > 0 || this.#queue.length > 0) {
      await Promise.all([...this.#running.values()].map((run) => run.done));
    }
  }

  /** Kills the running jobs, drops the queued ones, and waits for their processes to end. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const { job } of this.#queue.splice(0)) this.#finish(job, 'CANCELED');
    for (const run of this.#running.values()) run.controller.abort(new Error('the sandbox is stopping'));
    await Promise.all([...this.#running.values()].map((run) => run.done));
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.#maxConcurrent) {
      const next = this.#queue.shift();
      if (!next) return;
      const controller = new AbortController();
      const done = this.#run(next.job, next.plan, controller).finally(() => {
        this.#running.delete(next.job.id);
        this.#pump();
      });
      this.#running.set(next.job.id, { controller, done });
    }
  }

  async #run(job: MediaConvertJob, plan: JobPlan, controller: AbortController): Promise<void> {
    const timeoutMs = this.#options.jobTimeoutMs ?? 600_000;
    const timer = setTimeout(
      () =>
        controller.abort(
          new JobFailedError(
            `The job did not finish within ${timeoutMs / 1000} s and was stopped`,
            UNKNOWN_ERROR,
          ),
        ),
      timeoutMs,
    );
    let workDir: string | undefined;
    try {
      workDir = await mkdtemp(join(this.#options.workRoot ?? tmpdir(), `mediaconvert-${job.id}-`));
      job.status = 'PROGRESSING';
      job.startedAt = new Date();
      job.percentComplete = 0;
      this.#emit(job);
      const reason = await this.#options.unavailable();
      if (reason) throw new JobFailedError(reason, UNKNOWN_ERROR);
      job.outputGroupDetails = await transcodeJob(
        plan,
        workDir,
        {
          tools: this.#options.tools,
          objects: this.#options.objects,
          onProgress: (percent) => {
            job.percentComplete = percent;
          },
        },
        controller.signal,
      );
      this.#finish(job, 'COMPLETE');
    } catch (error) {
      if (this.#closed) {
        this.#finish(job, 'CANCELED');
        return;
      }
      const cause = controller.signal.aborted ? controller.signal.reason : error;
      const failure =
        cause instanceof JobFailedError
          ? cause
          : new JobFailedError(
              `The sandbox could not run the job: ${cause instanceof Error ? cause.message : String(cause)}`,
              UNKNOWN_ERROR,
            );
      job.errorCode = failure.errorCode;
      job.errorMessage = failure.message;
      this.#options.log?.(`MediaConvert job ${job.id} failed (${failure.errorCode}): ${failure.message}`);
      this.#finish(job, 'ERROR');
    } finally {
      clearTimeout(timer);
      if (workDir) await rm(workDir, { recursive: true, force: true });
    }
  }

  #finish(job: MediaConvertJob, status: 'COMPLETE' | 'ERROR' | 'CANCELED'): void {
    job.status = status;
    job.finishedAt = new Date();
    // A stopping sandbox has no bus to tell: canceled jobs are only recorded.
    if (status !== 'CANCELED') this.#emit(job);
  }

  #emit(job: MediaConvertJob): void {
    try {
      this.#options.emit(jobStateChangeEvent(job, this.#options.location));
    } catch (error) {
      this.#options.log?.(
        `MediaConvert job ${job.id}: the ${job.status} event could not be sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
