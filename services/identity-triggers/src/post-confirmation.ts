import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createDataStore } from '@stratum/data';
import { createObservability, readEnvironment } from '@stratum/runtime';
import * as z from 'zod';
import { createPostConfirmationHandler } from './post-confirmation-handler.ts';
import { CognitoTenantAttributeWriter } from './tenant-attributes.ts';

const env = readEnvironment(z.object({ TABLE_NAME: z.string().min(1) }));
const { logger } = createObservability('identity-triggers');

/**
 * Post-confirmation trigger of the customer pool: puts every newly confirmed user in a
 * tenant (an invitation's, or a new one they own) and writes the tenant claims.
 */
export const handler = createPostConfirmationHandler({
  store: createDataStore({ tableName: env.TABLE_NAME }),
  attributes: new CognitoTenantAttributeWriter(new CognitoIdentityProviderClient({})),
  logger,
});
