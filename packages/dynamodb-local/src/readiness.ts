import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/** Credentials DynamoDB Local accepts; it checks that they are present, not what they are. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;
export const LOCAL_REGION = 'us-east-1';

/** A client for the engine at `endpoint`, for tests and set-up code. */
export function createLocalClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/**
 * Resolves once ListTables answers at `endpoint`, polling with a short per-request time-out.
 * Rejects when `deadline` (epoch ms) passes or `aborted()` turns true (the engine exited).
 */
export async function waitUntilAnswering(
  endpoint: string,
  deadline: number,
  aborted: () => Error | null,
): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    // A probe that outlives its time-out is abandoned and retried (smithy only warns unless told to throw).
    requestHandler: { connectionTimeout: 500, requestTimeout: 1_000, throwOnRequestTimeout: true },
  });
  let lastError: unknown = null;
  try {
    while (Date.now() < deadline) {
      const failure = aborted();
      if (failure) throw failure;
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new Error(`no answer to ListTables at ${endpoint}`, { cause: lastError });
  } finally {
    client.destroy();
  }
}
