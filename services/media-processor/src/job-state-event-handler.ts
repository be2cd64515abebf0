import type { Observability } from '@stratum/runtime';
import type { CompletionOutcome, createTranscodeCompletion } from './complete-transcode.ts';
import { InvalidEventError } from './errors.ts';
import { parseJobStateEvent } from './job-state-event.ts';

export interface JobStateEventHandlerDependencies {
  readonly completeTranscode: ReturnType<typeof createTranscodeCompletion>;
  readonly logger: Observability['logger'];
}

/**
 * The EventBridge target for "MediaConvert Job State Change" (rule: source aws.mediaconvert,
 * status COMPLETE or ERROR, userMetadata.mediaId exists). Unreadable events are logged and
 * dropped; transient errors throw, and EventBridge retries, then the rule's DLQ keeps the event.
 */
export function createJobStateEventHandler(deps: JobStateEventHandlerDependencies) {
  const { completeTranscode, logger } = deps;
  return async (event: unknown): Promise<CompletionOutcome | 'invalid-event'> => {
    try {
      return await completeTranscode(parseJobStateEvent(event).detail);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      logger.error('Unreadable job state event dropped', { issues: error.issues });
      return 'invalid-event';
    }
  };
}
