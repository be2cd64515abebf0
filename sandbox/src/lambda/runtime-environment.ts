import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { ResolvedFunctionDefinition } from './function-definition.ts';

/** Names Lambda sets itself and refuses in a function's `Environment.Variables`. */
export const RESERVED_VARIABLES: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_DEFAULT_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_LAMBDA_RUNTIME_API',
  'AWS_REGION',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'LAMBDA_RUNTIME_DIR',
  'LAMBDA_TASK_ROOT',
]);

/** What the sandbox gives every function: where AWS is and who it is. */
export interface SandboxAwsSettings {
  readonly region: string;
  readonly accountId: string;
  /** The sandbox's single AWS endpoint, as `AWS_ENDPOINT_URL` (read by every AWS SDK v3 client). */
  readonly endpointUrl?: string;
  /** The function's (fake) role credentials. */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

/** The names Lambda gives one execution environment's logs. */
export interface LogNames {
  readonly logGroupName: string;
  readonly logStreamName: string;
}

/** `/aws/lambda/<name>` and `YYYY/MM/DD/[$LATEST]<32 hex>`: one stream per execution environment. */
export function logNamesFor(functionName: string, now = new Date()): LogNames {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
  };
}

/**
 * The complete environment of a function's process: the function's own variables plus those
 * Lambda reserves, and nothing of the sandbox's process (so a handler cannot pass locally by
 * reading a variable that does not exist on Lambda). `PATH` holds only the Node binary's folder
 * and the system folders.
 */
export function runtimeEnvironment(
  definition: ResolvedFunctionDefinition,
  aws: SandboxAwsSettings,
  logs: LogNames,
  runtimeDir: string,
): Record<string, string> {
  const environment: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    AWS_XRAY_CONTEXT_MISSING: 'LOG_ERROR',
    ...(aws.endpointUrl ? { AWS_ENDPOINT_URL: aws.endpointUrl } : {}),
    ...definition.environment,
    AWS_REGION: aws.region,
    AWS_DEFAULT_REGION: aws.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${definition.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: definition.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memoryMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: logs.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: logs.logStreamName,
    LAMBDA_TASK_ROOT: definition.codeDir,
    LAMBDA_RUNTIME_DIR: runtimeDir,
    _HANDLER: definition.handler,
  };
  if (aws.credentials) {
    environment.AWS_ACCESS_KEY_ID = aws.credentials.accessKeyId;
    environment.AWS_SECRET_ACCESS_KEY = aws.credentials.secretAccessKey;
    if (aws.credentials.sessionToken) environment.AWS_SESSION_TOKEN = aws.credentials.sessionToken;
  }
  return environment;
}

/**
 * V8 heap limits derived from the function's memory as Lambda's Node.js bootstrap derives them
 * (a tenth for the young generation, the rest for the old space), so a function that needs
 * more memory than it is given fails here as it would there.
 */
export function memoryFlags(memoryMb: number): string[] {
  const newSpace = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(newSpace / 2)}`, `--max-old-space-size=${memoryMb - newSpace}`];
}
