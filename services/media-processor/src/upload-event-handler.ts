import type { Observability } from '@stratum/runtime';
import { InvalidEventError } from './errors.ts';
import type { UploadOutcome, UploadProcessor } from './process-upload.ts';
import { createdObjectsOf } from './s3-event.ts';

export interface UploadEventHandlerDependencies {
  readonly processUpload: UploadProcessor;
  readonly bucketName: string;
  readonly logger: Observability['logger'];
}

/**
 * The S3 ObjectCreated handler (S3 event notification, invoked asynchronously by S3). An event
 * it cannot read is logged and dropped; a transient error fails the invocation, which Lambda
 * retries twice before the function's on-failure destination (DLQ) takes the event.
 */
export function createUploadEventHandler(deps: UploadEventHandlerDependencies) {
  const { processUpload, bucketName, logger } = deps;
  return async (event: unknown): Promise<UploadOutcome[]> => {
    let objects: ReturnType<typeof createdObjectsOf>;
    try {
      objects = createdObjectsOf(event);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      logger.error('Unreadable S3 event dropped', { issues: error.issues });
      return [];
    }
    const outcomes: UploadOutcome[] = [];
    for (const object of objects) {
      if (object.bucket !== bucketName) {
        logger.error('Event from an unexpected bucket ignored', { bucket: object.bucket });
        continue;
      }
      outcomes.push(await processUpload(object.key));
    }
    return outcomes;
  };
}
