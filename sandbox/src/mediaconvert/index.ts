export { type JobObjectStore, s3JobObjects } from './job-objects.ts';
export { type JobTemplateRecord, JobTemplateRegistry } from './job-template-registry.ts';
export { mediaConvertResourceProviders } from './job-template-resource-provider.ts';
export type { MediaTools } from './media-tools.ts';
export {
  FFMPEG_MISSING,
  MediaConvertEmulator,
  type MediaConvertEmulatorOptions,
} from './mediaconvert-emulator.ts';
export {
  JobFailedError,
  MediaConvertBadRequestError,
  MediaConvertError,
  MediaConvertNotFoundError,
} from './mediaconvert-errors.ts';
export type { MediaConvertJob, OutputDetail, OutputGroupDetail } from './mediaconvert-job.ts';
