import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { InvalidFunctionDefinitionError } from './lambda-errors.ts';
import { RESERVED_VARIABLES } from './runtime-environment.ts';

/**
 * A deployed function as the runner needs it. The deployer resolves it from the template's
 * `AWS::Lambda::Function` (`FunctionName`, `Handler`, the unzipped `Code` asset, `Runtime`,
 * `MemorySize`, `Timeout`, `Environment.Variables`).
 */
export interface LambdaFunctionDefinition {
  readonly functionName: string;
  /** CloudFormation `Handler`: `file.export`, optionally under a folder (`dist/index.handler`). */
  readonly handler: string;
  /** The unzipped code asset: becomes `LAMBDA_TASK_ROOT` and the process's working directory. */
  readonly codeDir: string;
  /** `nodejs18.x` … `nodejs24.x`; the code runs on this machine's Node whatever the minor. */
  readonly runtime: string;
  /** @default 128 (Lambda's default) */
  readonly memoryMb?: number;
  /** @default 3 (Lambda's default) */
  readonly timeoutSeconds?: number;
  /** `Environment.Variables`; Lambda's reserved names are refused, as Lambda does. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * `ReservedConcurrentExecutions`: the most execution environments the function may run at once
   * (0 throttles every invocation, as on Lambda). The runner's own per-function cap still applies.
   * @default undefined (the runner's cap)
   */
  readonly reservedConcurrency?: number;
}

/** A definition with its defaults applied, checked against Lambda's own limits. */
export interface ResolvedFunctionDefinition extends LambdaFunctionDefinition {
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly environment: Readonly<Record<string, string>>;
}

const NAME = /^[a-zA-Z0-9-_]{1,64}$/;

/**
 * Applies Lambda's defaults and reports, in one error, everything Lambda would refuse.
 *
 * @throws InvalidFunctionDefinitionError
 */
export function resolveDefinition(definition: LambdaFunctionDefinition): ResolvedFunctionDefinition {
  const resolved = {
    ...definition,
    memoryMb: definition.memoryMb ?? 128,
    timeoutSeconds: definition.timeoutSeconds ?? 3,
    environment: definition.environment ?? {},
  };
  const problems: string[] = [];
  if (!NAME.test(resolved.functionName)) {
    problems.push('the name must be 1-64 letters, digits, hyphens or underscores');
  }
  if (!/^nodejs\d+\.x$/.test(resolved.runtime)) {
    problems.push(`runtime ${resolved.runtime} is not a Node.js runtime (nodejs22.x, ...)`);
  }
  if (!/^([^/]+\/)*[^/.]+\..+$/.test(resolved.handler)) {
    problems.push(`handler "${resolved.handler}" is not of the form file.export`);
  }
  if (
    !isAbsolute(resolved.codeDir) ||
    !existsSync(resolved.codeDir) ||
    !statSync(resolved.codeDir).isDirectory()
  ) {
    problems.push(`codeDir ${resolved.codeDir} is not an absolute path to a folder`);
  }
  if (!Number.isInteger(resolved.memoryMb) || resolved.memoryMb < 128 || resolved.memoryMb > 10_240) {
    problems.push(`memory ${resolved.memoryMb} MB is outside Lambda's 128-10240 MB`);
  }
  if (
    !Number.isInteger(resolved.timeoutSeconds) ||
    resolved.timeoutSeconds < 1 ||
    resolved.timeoutSeconds > 900
  ) {
    problems.push(`timeout ${resolved.timeoutSeconds} s is outside Lambda's 1-900 s`);
  }
  const concurrency = resolved.reservedConcurrency;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 0)) {
    problems.push(`reserved concurrency ${concurrency} is not a whole number of at least 0`);
  }
  const reserved = Object.keys(resolved.environment).filter((key) => RESERVED_VARIABLES.has(key));
  if (reserved.length > 0) {
    problems.push(`environment variables use keys reserved by Lambda: ${reserved.join(', ')}`);
  }
  if (problems.length > 0) throw new InvalidFunctionDefinitionError(definition.functionName, problems);
  return resolved;
}
