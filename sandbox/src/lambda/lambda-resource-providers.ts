import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
}

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
          environment: {
            ...Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, String(value)])),
            ...options.extraEnvironment,
          },
        };
        const arn = runner.deploy(definition);
        options.onFunction?.({
          logicalId,
          stackName: context.stack.stackName,
          definition,
          ...(assetId && { assetId }),
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
