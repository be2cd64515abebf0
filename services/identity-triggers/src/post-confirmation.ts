import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDataStore } from '@stratum/data';
import { createObservability, instrumentHandler, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { meteredIdentityStore } from './metered-identity-store.ts';
import { createPostConfirmationHandler } from './post-confirmation-handler.ts';
import { CognitoTenantAttributeWriter } from './tenant-attributes.ts';

const env = readEnvironment(z.object({ TABLE_NAME: z.string().min(1) }));
const observability = createObservability('identity-triggers');
const { logger, tracer, metrics } = observability;

/** SDK calls become X-Ray subsegments (a no-op when tracing is off). */
const dynamodb = tracer.captureAWSv3Client(new DynamoDBClient({}));
const cognito = tracer.captureAWSv3Client(new CognitoIdentityProviderClient({}));

/**
 * Post-confirmation trigger of the customer pool: puts every newly confirmed user in a
 * tenant (an invitation's, or a new one they own) and writes the tenant claims.
 * The response is the event itself (it holds the user's e-mail): it stays out of the trace.
 */
export const handler = instrumentHandler(
  observability,
  createPostConfirmationHandler({
    store: meteredIdentityStore(createDataStore({ tableName: env.TABLE_NAME, client: dynamodb }), metrics),
    attributes: new CognitoTenantAttributeWriter(cognito),
    logger,
  }),
  { captureResponse: false },
);
