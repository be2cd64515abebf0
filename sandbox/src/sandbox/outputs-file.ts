import { renameSync, writeFileSync } from 'node:fs';
import type { DeployedStack } from '../template/index.ts';

/** Where the running sandbox can be reached; every URL is on 127.0.0.1. */
export interface SandboxEndpoints {
  /** The single AWS endpoint: `aws --endpoint-url <awsEndpoint> …`, `AWS_ENDPOINT_URL` for SDKs. */
  readonly awsEndpoint: string;
  readonly region: string;
  readonly accountId: string;
  /** `POST` GraphQL, straight to the HTTP API (the `ApiUrl` output of the Api stack). */
  readonly apiUrl?: string;
  readonly webAppUrl?: string;
  readonly internalAppUrl?: string;
  readonly inboxUrl?: string;
  readonly consoleUrl?: string;
}

/**
 * `.stratum/outputs.json`: every stack's outputs keyed by stack name, as `cdk deploy --outputs-file`
 * writes them, plus a `sandbox` entry with the endpoints. Written atomically (temp file + rename), so a
 * reader never sees half a file; its presence means the sandbox is ready.
 */
export function writeOutputsFile(
  path: string,
  endpoints: SandboxEndpoints,
  stacks: readonly DeployedStack[],
): void {
  const content: Record<string, unknown> = { sandbox: endpoints };
  for (const stack of stacks) content[stack.stackName] = stack.outputs;
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(temporary, path);
}
