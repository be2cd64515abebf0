import { readdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { EventEnvelope } from '../events/bus/event-envelope.ts';
import type { ProviderRegistry } from '../template/resource-provider.ts';
import type { JobObjectStore } from './job-objects.ts';
import { JobRunner } from './job-runner.ts';
import { JobTemplateRegistry } from './job-template-registry.ts';
import { mediaConvertResourceProviders } from './job-template-resource-provider.ts';
import { type MediaTools, mediaToolsVersion, SYSTEM_MEDIA_TOOLS } from './media-tools.ts';
import { createMediaConvertApiHandler } from './mediaconvert-api.ts';
import type { MediaConvertLocation } from './mediaconvert-arns.ts';
import { MediaConvertService } from './mediaconvert-service.ts';

export interface MediaConvertEmulatorOptions {
  readonly location: MediaConvertLocation;
  /** Where inputs are read and outputs written (in the sandbox: S3 through the AWS endpoint). */
  readonly objects: JobObjectStore;
  /** Job state change events, for `EventBusEmulator.putServiceEvent`. */
  readonly emit: (event: EventEnvelope) => void;
  /** What `DescribeEndpoints` answers: the sandbox's AWS endpoint. */
  readonly endpointUrl: string;
  /** The job templates the stacks deploy. @default a new registry */
  readonly templates?: JobTemplateRegistry;
  /** @default `ffmpeg` and `ffprobe` from PATH */
  readonly tools?: MediaTools;
  readonly maxConcurrentJobs?: number;
  readonly jobTimeoutMs?: number;
  readonly workRoot?: string;
  /** Notices (ffmpeg missing) and job failures. */
  readonly log?: (line: string) => void;
}

/** Told when ffmpeg is missing: at start, and in every job's ERROR. */
export const FFMPEG_MISSING =
  'ffmpeg and ffprobe are not installed on this machine, so the sandbox cannot run MediaConvert jobs: ' +
  'run scripts/setup-system.sh (it installs Debian’s ffmpeg) and restart the sandbox';

/**
 * MediaConvert on this machine: `AWS::MediaConvert::JobTemplate` resources, the job API on the
 * AWS endpoint, and jobs run by ffmpeg that write MP4, HLS and frame captures to S3 and report
 * their state changes on the default event bus, as MediaConvert does.
 *
 * @example
 * ```ts
 * const mediaConvert = await MediaConvertEmulator.start({ location, objects: s3JobObjects(s3), emit, endpointUrl });
 * endpoint.setRoute('mediaconvert', mediaConvert);
 * // providers: { ...mediaConvert.providers }
 * await mediaConvert.close();
 * ```
 */
export class MediaConvertEmulator {
  readonly templates: JobTemplateRegistry;
  readonly providers: ProviderRegistry;
  /** The `ffmpeg -version` line, undefined when ffmpeg is missing. */
  readonly ffmpegVersion: string | undefined;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  readonly #runner: JobRunner;
  readonly service: MediaConvertService;

  private constructor(options: MediaConvertEmulatorOptions, ffmpegVersion: string | undefined) {
    this.ffmpegVersion = ffmpegVersion;
    this.templates = options.templates ?? new JobTemplateRegistry();
    this.providers = mediaConvertResourceProviders(this.templates);
    this.#runner = new JobRunner({
      location: options.location,
      tools: options.tools ?? SYSTEM_MEDIA_TOOLS,
      objects: options.objects,
      emit: options.emit,
      unavailable: async () => (this.ffmpegVersion ? undefined : FFMPEG_MISSING),
      ...(options.maxConcurrentJobs !== undefined && { maxConcurrentJobs: options.maxConcurrentJobs }),
      ...(options.jobTimeoutMs !== undefined && { jobTimeoutMs: options.jobTimeoutMs }),
      ...(options.workRoot !== undefined && { workRoot: options.workRoot }),
      ...(options.log && { log: options.log }),
    });
    this.service = new MediaConvertService(options.location, this.templates, this.#runner);
    this.handle = createMediaConvertApiHandler(this.service, () => options.endpointUrl);
  }

  /** Checks for ffmpeg (a notice, not a failure, when it is missing) and returns the emulator. */
  static async start(options: MediaConvertEmulatorOptions): Promise<MediaConvertEmulator> {
    if (options.workRoot) await removeStaleWorkDirs(options.workRoot);
    const version = await mediaToolsVersion(options.tools ?? SYSTEM_MEDIA_TOOLS);
    if (!version) options.log?.(`notice: ${FFMPEG_MISSING}; videos will end as ERROR`);
    return new MediaConvertEmulator(options, version);
  }

  /** Resolves when every submitted job has finished. */
  idle(): Promise<void> {
    return this.#runner.idle();
  }

  /** Kills running jobs and drops queued ones. */
  close(): Promise<void> {
    return this.#runner.close();
  }
}

/** Job folders a previous run left behind when it was killed (`mediaconvert-<job id>-*`). */
async function removeStaleWorkDirs(workRoot: string): Promise<void> {
  const entries = await readdir(workRoot).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith('mediaconvert-'))
      .map((name) => rm(join(workRoot, name), { recursive: true, force: true })),
  );
}
