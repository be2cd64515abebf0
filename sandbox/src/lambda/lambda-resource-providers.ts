import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { physicalNameOf } from '../template/physical-names.ts';
import type {
  ProviderRegistry,
  ProvisionContext,
  ProvisionedResource,
} from '../template/resource-provider.ts';
import type { LambdaFunctionDefinition } from './function-definition.ts';
import type { LambdaRunner } from './lambda-runner.ts';

export interface LambdaProviderOptions {
  /** Where inline (`Code.ZipFile`) functions are written out, one folder per function. */
  readonly inlineCodeDir: string;
  /**
   * Variables the sandbox adds to every function's environment (after the template's own).
   * `STRATUM_SANDBOX=true` tells `@stratum/runtime` there is no X-Ray daemon to send traces to.
   */
  readonly extraEnvironment?: Readonly<Record<string, string>>;
  /** Called with every function deployed, for the console and the fast loop. */
  readonly onFunction?: (deployed: DeployedLambda) => void;
}

/** A function the sandbox deployed, with where its code came from. */
export interface DeployedLambda {
  readonly logicalId: string;
  readonly stackName: string;
  readonly definition: LambdaFunctionDefinition;
  /** The CDK asset's id when the code is an asset (what the fast loop rebuilds). */
  readonly assetId?: string;
  /** Where the bundle comes from, when the template records it (`StratumFunction` does). */
  readonly bundling?: RecordedBundling;
}

/** The `stratum:bundling` metadata `StratumFunction` puts on each function it bundles. */
export interface RecordedBundling {
  /** The entry file, relative to the repository root. */
  readonly entry: string;
  readonly externalModules: readonly string[];
}

const recordedBundling = z.object({ entry: z.string().min(1), externalModules: z.array(z.string()) });

type Properties = Readonly<Record<string, unknown>>;

/**
 * `AWS::Lambda::Function` in the sandbox's {@link LambdaRunner}: the code asset is run in place
 * from the cloud assembly (CDK stages zip assets unzipped), inline `ZipFile` code is written out as
 * `index.js` as Lambda does. The `Arn` attribute has the runner's account and region.
 */
export function lambdaResourceProviders(
  runner: LambdaRunner,
  options: LambdaProviderOptions,
): ProviderRegistry {
  return {
    'AWS::Lambda::Function': {
      create(logicalId: string, properties: Properties, context: ProvisionContext): ProvisionedResource {
        const functionName = physicalNameOf(properties, 'FunctionName', logicalId, context, 64);
        const { codeDir, assetId } = codeOf(functionName, properties, context, options.inlineCodeDir);
        const variables = ((properties.Environment as Properties | undefined)?.Variables ?? {}) as Properties;
        const definition: LambdaFunctionDefinition = {
          functionName,
          handler: String(properties.Handler ?? 'index.handler'),
          codeDir,
          runtime: String(properties.Runtime ?? ''),
          ...(typeof properties.MemorySize === 'number' && { memoryMb: properties.MemorySize }),
          ...(typeof properties.Timeout === 'number' && { timeoutSeconds: properties.Timeout }),
          ...(typeof properties.ReservedConcurrentExecutions === 'number' && {
            reservedConcurrency: properties.ReservedConcurrentExecutions,
          }),
          environment: {
            ...Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, String(value)])),
            ...options.extraEnvironment,
          },
        };
        const arn = runner.deploy(definition);
        const bundling = recordedBundling.safeParse(context.definition.Metadata?.['stratum:bundling']);
        options.onFunction?.({
          logicalId,
          stackName: context.stack.stackName,
          definition,
          ...(assetId && { assetId }),
          ...(bundling.success && { bundling: bundling.data }),
        });
        return { physicalId: functionName, attributes: { Arn: arn } };
      },
    },
  };
}

function codeOf(
  functionName: string,
  properties: Properties,
  context: ProvisionContext,
  inlineCodeDir: string,
): { codeDir: string; assetId?: string } {
  const code = (properties.Code ?? {}) as Properties;
  if (typeof code.ZipFile === 'string') {
    const dir = join(inlineCodeDir, functionName);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.js'), code.ZipFile);
    return { codeDir: dir };
  }
  const asset = context.assets.require(
    code.S3Bucket,
    code.S3Key,
    `${context.stack.stackName} function ${functionName}`,
  );
  if (asset.packaging !== 'zip') {
    throw new Error(
      `function ${functionName}: code asset ${asset.id} is a single file; Lambda code must be a folder`,
    );
  }
  return { codeDir: asset.path, assetId: asset.id };
}
