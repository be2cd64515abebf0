import { relative } from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FunctionAlarms } from './function-alarms.ts';
import { LOCK_FILE, REPOSITORY_ROOT } from './service-entry.ts';

/** Lets bundled CommonJS dependencies call `require` inside the ESM output. */
const REQUIRE_BANNER =
  "import { createRequire as __stratumCreateRequire } from 'node:module'; const require = __stratumCreateRequire(import.meta.url);";

/** `node:http` through `require`: see packages/runtime/src/bundling/node-http.ts (≈ 20 ms of cold start). */
const NODE_HTTP_SHIM = `${REPOSITORY_ROOT}packages/runtime/src/bundling/node-http.ts`;

/**
 * How every function is bundled: one minified ESM file for Node 22, source maps, the AWS SDK v3
 * inside and nothing external. Exported so that the cold-init benchmark (bench/) bundles with
 * exactly these options; it refuses an option it does not know how to mirror.
 */
export const FUNCTION_BUNDLING: Readonly<nodejs.BundlingOptions> = {
  format: nodejs.OutputFormat.ESM,
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  // Error classes are matched and logged by name; minification would mangle them.
  keepNames: true,
  sourceMap: true,
  sourcesContent: false,
  banner: REQUIRE_BANNER,
  bundleAwsSDK: true,
  externalModules: [],
  esbuildArgs: { '--alias': [`http=${NODE_HTTP_SHIM}`, `node:http=${NODE_HTTP_SHIM}`] },
};

/** Template metadata key of a function's bundling source: `{ entry, externalModules }`, entry relative to the repository. */
export const STRATUM_BUNDLING_METADATA = 'stratum:bundling';

/**
 * How the function is invoked. A synchronous caller receives every error itself; an
 * asynchronous trigger (S3 notifications, EventBridge) needs somewhere for the events Lambda
 * gave up on: the on-failure destination keeps the event, the error and the attempts.
 */
export type FunctionInvocation =
  | {
      /** Who invokes the function, synchronously (recorded with the acknowledged DLQ findings). */
      readonly synchronousCaller: string;
      readonly asynchronousTrigger?: never;
    }
  | {
      readonly synchronousCaller?: never;
      readonly asynchronousTrigger: {
        /** Who invokes the function asynchronously, e.g. 'S3 ObjectCreated notifications'. */
        readonly source: string;
        /** Receives each event whose retries are exhausted or that grew too old. */
        readonly onFailure: sqs.IQueue;
        /** @default 2 (Lambda's default) */
        readonly retryAttempts?: number;
        /** @default 6 hours (Lambda's default) */
        readonly maxEventAge?: Duration;
      };
    };

interface StratumFunctionOptions {
  /** Absolute path of the handler file (see `serviceEntry`); it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** `POWERTOOLS_SERVICE_NAME`: names the service in logs, traces and metrics. */
  readonly serviceName: string;
  /** `POWERTOOLS_METRICS_NAMESPACE`, shared by every function of a stage. */
  readonly metricsNamespace: string;
  readonly memorySizeMb: number;
  /** One of the CloudWatch Logs retention periods (the schema of `stratum.config.ts` checks it). */
  readonly logRetentionDays: number;
  /** The stage's alarm topic: errors and throttles of the function notify it. */
  readonly alarmTopic: sns.ITopic;
  /** @default 10 seconds */
  readonly timeout?: Duration;
  readonly environment?: Readonly<Record<string, string>>;
  /** `POWERTOOLS_LOG_LEVEL` and Lambda's application log level. @default INFO */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Packages left out of the bundle because they cannot be bundled (native code such as
   * sharp); the function must then get them from a layer (`layers`).
   * @default none: everything is bundled
   */
  readonly externalModules?: readonly string[];
  readonly layers?: readonly lambda.ILayerVersion[];
}

/**
 * Lambda's DLQ and on-failure destinations only apply to asynchronous invocations: a function
 * with a synchronous caller has neither, and the reason is recorded with the acknowledged
 * finding; one with an asynchronous trigger sends its failed events to an on-failure destination.
 */
export type StratumFunctionProps = StratumFunctionOptions & FunctionInvocation;

/**
 * Every Lambda function of Stratum: Node.js 22 on arm64, bundled by the local esbuild into
 * one minified ESM file with source maps and the AWS SDK v3 inside (the bundle pins the SDK
 * it was tested with and loads faster than the runtime's copy), X-Ray tracing active,
 * Powertools configured through its environment, a log group with the stage's retention,
 * and alarms on errors and throttles. Reserved concurrency is deliberately not set: it
 * would carve capacity out of the account's pool for every stage.
 */
export class StratumFunction extends Construct {
  readonly function: nodejs.NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly alarms: FunctionAlarms;

  constructor(scope: Construct, id: string, props: StratumFunctionProps) {
    super(scope, id);
    const logLevel = props.logLevel ?? 'INFO';
    const externalModules = [...(FUNCTION_BUNDLING.externalModules ?? []), ...(props.externalModules ?? [])];
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetentionDays as logs.RetentionDays,
    });
    // Its own role instead of AWSLambdaBasicExecutionRole, whose log permissions cover every
    // log group of the account: this one may write to its own log group only.
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.serviceName}`,
    });
    this.logGroup.grantWrite(role);
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      role,
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySizeMb,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel[logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: LOCK_FILE,
      awsSdkConnectionReuse: false,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: props.metricsNamespace,
        POWERTOOLS_LOG_LEVEL: logLevel,
        ...props.environment,
      },
      bundling: {
        ...FUNCTION_BUNDLING,
        externalModules,
        forceDockerBundling: false,
      },
      layers: props.layers ? [...props.layers] : undefined,
    });
    // What the sandbox's fast loop needs to rebuild this bundle with FUNCTION_BUNDLING when a
    // source it imports changes (the asset alone does not say where it came from).
    (this.function.node.defaultChild as lambda.CfnFunction).addMetadata(STRATUM_BUNDLING_METADATA, {
      entry: relative(REPOSITORY_ROOT, props.entry),
      externalModules,
    });
    this.alarms = new FunctionAlarms(this, 'Alarms', { function: this.function, topic: props.alarmTopic });

    Validations.of(role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so AWS requires Resource "*" for them (the only statement with it).',
    });
    const runtimeReason =
      'Pinned to nodejs22.x on purpose: the sandbox and CI run every function on the Node 22 binary of the `node@22` dev dependency, so production runs what the tests ran. Moving to a newer runtime is one constant in this file.';
    Validations.of(this.function).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-L1', reason: runtimeReason },
      { id: 'Serverless::Serverless-LambdaLatestVersion', reason: runtimeReason },
    );

    if (props.asynchronousTrigger) {
      const trigger = props.asynchronousTrigger;
      this.function.configureAsyncInvoke({
        onFailure: new destinations.SqsDestination(trigger.onFailure),
        retryAttempts: trigger.retryAttempts ?? 2,
        maxEventAge: trigger.maxEventAge ?? Duration.hours(6),
      });
      Validations.of(this.function).acknowledge({
        id: 'Serverless::Serverless-LambdaDLQ',
        reason: `Invoked asynchronously by ${trigger.source}: its failed events go to an on-failure destination (an SQS queue), which records the event, the error and the attempts where a DLQ would keep the event only. The queue's depth raises an alarm.`,
      });
    } else {
      const reason = `Invoked synchronously by ${props.synchronousCaller}, which receives every error itself; DLQs and on-failure destinations apply to asynchronous invocations only. Errors raise an alarm.`;
      Validations.of(this.function).acknowledge(
        { id: 'Serverless::Serverless-LambdaDLQ', reason },
        { id: 'Serverless::Serverless-LambdaAsyncFailureDestination', reason },
      );
    }
  }
}
