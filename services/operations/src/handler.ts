import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createOperationsHandler } from './operations-handler.ts';
import { DeadLetterOperations } from './queues/dead-letter-operations.ts';
import { DeadLetterQueueList, deadLetterQueueListSchema } from './queues/dead-letter-queue-list.ts';

const environment = readEnvironment(
  z.object({
    /** The allow-list of the stage's dead-letter queues, as JSON (written by OperationsStack). */
    DEAD_LETTER_QUEUES: deadLetterQueueListSchema,
  }),
);
const observability = createObservability('operations');
const { logger, tracer } = observability;
const deadLetters = new DeadLetterOperations({
  queues: new DeadLetterQueueList(environment.DEAD_LETTER_QUEUES),
  sqs: tracer.captureAWSv3Client(new SQSClient({})),
  lambda: tracer.captureAWSv3Client(new LambdaClient({})),
  logger,
});

/** Responses carry message bodies (customer data): they stay out of the trace. */
export const handler = instrumentHandler(observability, createOperationsHandler({ deadLetters, logger }), {
  captureResponse: false,
});
