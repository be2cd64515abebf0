import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ApiGatewayEmulator } from '../apigateway/index.ts';
import { CloudFrontEmulator } from '../cloudfront/index.ts';
import { cognitoResourceProviders, type SandboxUserPool } from '../cognito/cognito-resource-providers.ts';
import { CognitoTriggerRouter, routedTriggerFunction } from '../cognito/cognito-trigger-router.ts';
import { ConsoleServer } from '../console/index.ts';
import { DevLoop, watchedFunctionsOf } from '../dev-loop/index.ts';
import { dynamoDbResourceProviders, type SandboxTable } from '../dynamodb/dynamodb-resource-providers.ts';
import {
  createPutEventsHandler,
  EventBusEmulator,
  eventsResourceProviders,
  type TargetDispatcher,
} from '../events/bus/index.ts';
import { AsyncInvoker } from '../lambda/async-invoker.ts';
import { AsyncInvokeConfigs, eventInvokeConfigProviders } from '../lambda/event-invoke-configs.ts';
import { type ConcurrencySettings, createInvokeApiHandler, LambdaRunner } from '../lambda/index.ts';
import { type DeployedLambda, lambdaResourceProviders } from '../lambda/lambda-resource-providers.ts';
import { JobTemplateRegistry, MediaConvertEmulator, s3JobObjects } from '../mediaconvert/index.ts';
import { snsResourceProviders } from '../messaging/sns-resource-providers.ts';
import { type SandboxQueue, sqsResourceProviders } from '../messaging/sqs-resource-providers.ts';
import { bucketDeploymentHandlers, withNativeBucketDeployments } from '../s3/bucket-deployment-handlers.ts';
import {
  bucketNotificationHandlers,
  withNativeBucketNotifications,
} from '../s3/bucket-notification-handlers.ts';
import { type DeployedAssembly, deployAssembly, readCloudAssembly } from '../template/index.ts';
import { cognitoEndpointInputs, cognitoTriggersOf } from './cognito-assembly.ts';
import { sandboxConsoleData } from './console-data.ts';
import { EventSources } from './event-sources-wiring.ts';
import { FunctionLogs } from './function-logs.ts';
import { deliverInvocationRecord } from './invocation-destinations.ts';
import { type SandboxEndpoints, writeOutputsFile } from './outputs-file.ts';
import { runnerInvoker } from './runner-invoker.ts';
import { s3ObjectSource } from './s3-object-source.ts';
import { type S3Wiring, wireS3 } from './s3-wiring.ts';
import { type SandboxEngines, startSandboxEngines } from './sandbox-engines.ts';
import { StateDirectory } from './state-directory.ts';

/** The credentials every local client and function signs with (DynamoDB Local accepts only letters and digits in the key id). */
export const SANDBOX_CREDENTIALS = {
  accessKeyId: 'STRATUMLOCAL',
  secretAccessKey: 'stratumlocalsecret',
} as const;

export interface SandboxOptions {
  /** The synthesized cloud assembly (its `assembly-local` is deployed). */
  readonly assemblyDir: string;
  /** `.stratum/`: engine data, outputs.json. */
  readonly stateDir: string;
  /** The AWS endpoint's port; 0 = a free port. @default 4566 (next free port when taken) */
  readonly awsPort?: number;
  /** Execution environments per function (default 4) and their idle timeout. */
  readonly lambdaConcurrency?: ConcurrencySettings;
  readonly log?: (line: string) => void;
}

/** What is running, for the CLI, the console and tests. */
export interface SandboxInventory {
  readonly tables: SandboxTable[];
  readonly queues: SandboxQueue[];
  readonly functions: DeployedLambda[];
  readonly userPools: SandboxUserPool[];
  readonly notEmulated: Map<string, number>;
}

/**
 * The whole local stage on this machine: starts the engines and the single AWS endpoint, deploys every
 * stack of the synthesized `local` assembly into them, and writes `.stratum/outputs.json` once ready.
 *
 * @example
 * ```ts
 * const sandbox = await Sandbox.start({ assemblyDir: '.stratum/cdk.out', stateDir: '.stratum' });
 * console.log(sandbox.endpoints.apiUrl);
 * await sandbox.stop();
 * ```
 */
export class Sandbox {
  readonly inventory: SandboxInventory = {
    tables: [],
    queues: [],
    functions: [],
    userPools: [],
    notEmulated: new Map(),
  };
  readonly logs = new FunctionLogs();
  /** MediaConvert job templates the stacks deployed. */
  readonly jobTemplates = new JobTemplateRegistry();
  endpoints!: SandboxEndpoints;
  deployed!: DeployedAssembly;

  private readonly state: StateDirectory;
  private engines: SandboxEngines | undefined;
  private runner: LambdaRunner | undefined;
  private apiGateway: ApiGatewayEmulator | undefined;
  cloudFront: CloudFrontEmulator | undefined;
  eventSources: EventSources | undefined;
  private console: ConsoleServer | undefined;
  private asyncInvoker: AsyncInvoker | undefined;
  private s3: S3Wiring | undefined;
  bus: EventBusEmulator | undefined;
  mediaConvert: MediaConvertEmulator | undefined;
  private stopping: Promise<void> | undefined;
  private devLoop: DevLoop | undefined;

  private constructor(private readonly options: SandboxOptions) {
    this.state = new StateDirectory(options.stateDir);
  }

  static async start(options: SandboxOptions): Promise<Sandbox> {
    const sandbox = new Sandbox(options);
    try {
      await sandbox.boot();
      return sandbox;
    } catch (error) {
      await sandbox.stop();
      throw error;
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private async boot(): Promise<void> {
    const assembly = readCloudAssembly(this.options.assemblyDir, { stage: 'local' });
    const home = assembly.stacks[0];
    if (!home)
      throw new Error(`the assembly in ${this.options.assemblyDir} has no stacks for the local stage`);
    const { accountId, region } = home;

    this.engines = await startSandboxEngines({
      state: this.state,
      region,
      credentials: SANDBOX_CREDENTIALS,
      ...(this.options.awsPort !== undefined && { awsPort: this.options.awsPort }),
      cognitoTriggers: cognitoTriggersOf(assembly.stacks),
      cognitoTriggerFunction: routedTriggerFunction,
      log: (line) => this.log(line),
    });
    const { endpoint } = this.engines;
    const client = { endpoint: endpoint.url, region, credentials: SANDBOX_CREDENTIALS };
    const dynamodb = new DynamoDBClient(client);
    const sqs = new SQSClient(client);
    const sns = new SNSClient(client);

    this.runner = new LambdaRunner({
      region,
      accountId,
      endpointUrl: endpoint.url,
      credentials: SANDBOX_CREDENTIALS,
      logSink: this.logs.sink,
      ...(this.options.lambdaConcurrency && { concurrency: this.options.lambdaConcurrency }),
    });
    const invokeConfigs = new AsyncInvokeConfigs();
    const asyncInvoker = new AsyncInvoker(this.runner, {
      onFailure: (failure) =>
        this.log(
          `async invocation of ${failure.functionArn} failed ${failure.attempts}×: ${failure.error.slice(0, 300)}`,
        ),
      configFor: (functionArn) => invokeConfigs.get(functionArn),
      deliver: (destinationArn, record) =>
        deliverInvocationRecord(dispatcher, this.bus, destinationArn, record),
    });
    this.asyncInvoker = asyncInvoker;
    const dispatcher: TargetDispatcher = {
      lambda: ({ functionArn, payload }) => asyncInvoker.invoke(functionArn, JSON.parse(payload)),
      sqs: async (message) => {
        const queueName = message.queueArn.split(':').pop() ?? '';
        const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: queueName }));
        await sqs.send(
          new SendMessageCommand({
            QueueUrl,
            MessageBody: message.body,
            ...(message.messageGroupId && { MessageGroupId: message.messageGroupId }),
            ...(message.messageDeduplicationId && {
              MessageDeduplicationId: message.messageDeduplicationId,
            }),
            ...(message.messageAttributes && {
              MessageAttributes: Object.fromEntries(
                Object.entries(message.messageAttributes).map(([k, v]) => [
                  k,
                  { DataType: 'String', StringValue: v },
                ]),
              ),
            }),
          }),
        );
      },
      sns: async ({ topicArn, message }) => {
        await sns.send(new PublishCommand({ TopicArn: topicArn, Message: message }));
      },
    };
    this.bus = new EventBusEmulator({ location: { account: accountId, region }, dispatcher });
    const triggers = new CognitoTriggerRouter(this.runner);
    endpoint.setRoute('lambda', { handle: triggers.wrap(createInvokeApiHandler(this.runner)) });
    endpoint.setRoute('events', { handle: createPutEventsHandler(this.bus) });

    this.s3 = wireS3({
      endpoint,
      engineUrl: this.engines.fauxqs.endpoint,
      region,
      accountId,
      credentials: SANDBOX_CREDENTIALS,
      asyncInvoker,
      bus: this.bus,
    });
    const eventBus = this.bus;
    this.mediaConvert = await MediaConvertEmulator.start({
      location: { account: accountId, region },
      templates: this.jobTemplates,
      // Through the endpoint and the S3 front, so that written renditions fire bucket notifications.
      objects: s3JobObjects(new S3Client({ ...client, forcePathStyle: true })),
      emit: (event) => eventBus.putServiceEvent(event),
      endpointUrl: endpoint.url,
      workRoot: this.state.dir('mediaconvert'),
      log: (line) => this.log(line),
    });
    endpoint.setRoute('mediaconvert', { handle: this.mediaConvert.handle });
    const cognito = new CognitoIdentityProviderClient(client);
    this.eventSources = new EventSources({
      region,
      accountId,
      dynamodbUrl: this.engines.dynamodb.endpoint,
      credentials: SANDBOX_CREDENTIALS,
      sqs,
      invoker: runnerInvoker(this.runner),
      asyncInvoker,
      bus: this.bus,
      checkpointFile: this.state.file('stream-checkpoints.json'),
      log: (line) => this.log(line),
    });
    const engineS3 = new S3Client({
      endpoint: this.engines.fauxqs.endpoint,
      region,
      credentials: SANDBOX_CREDENTIALS,
      forcePathStyle: true,
    });
    this.cloudFront = new CloudFrontEmulator({
      s3: s3ObjectSource(engineS3),
      invoker: runnerInvoker(this.runner),
      log: (line) => this.log(`cloudfront: ${line}`),
    });
    this.apiGateway = new ApiGatewayEmulator({ invoker: runnerInvoker(this.runner) });
    const providers = {
      ...this.s3.resources.providers,
      ...cognitoResourceProviders(cognito, {
        issuerBase: this.engines.cognito.issuerDomain,
        onUserPool: (pool) => {
          triggers.register(pool);
          this.inventory.userPools.push(pool);
        },
      }),
      ...dynamoDbResourceProviders(dynamodb, (table) => this.inventory.tables.push(table)),
      ...sqsResourceProviders(sqs, (queue) => this.inventory.queues.push(queue)),
      ...snsResourceProviders(sns, (skipped) =>
        this.log(
          `not subscribed: ${skipped.protocol} subscription of ${skipped.topicArn} (${skipped.reason})`,
        ),
      ),
      ...lambdaResourceProviders(this.runner, {
        inlineCodeDir: this.state.dir('inline-functions'),
        extraEnvironment: { STRATUM_SANDBOX: 'true' },
        onFunction: (deployed) => this.inventory.functions.push(deployed),
      }),
      ...eventsResourceProviders(this.bus),
      ...eventInvokeConfigProviders(invokeConfigs),
      ...this.mediaConvert.providers,
      ...this.apiGateway.providers,
      ...this.cloudFront.providers,
      ...this.eventSources.providers(),
    };
    let currentStack = '';
    this.deployed = await deployAssembly(assembly, {
      providers: withNativeBucketNotifications(
        withNativeBucketDeployments(providers, bucketDeploymentHandlers(assembly.stacks)),
        bucketNotificationHandlers(assembly.stacks),
      ),
      inputs: cognitoEndpointInputs(assembly.stacks, endpoint.url),
      onResource: (resource, stackName) => {
        if (stackName !== currentStack) {
          currentStack = stackName;
          this.log(`deploying ${stackName}…`);
        }
        if (resource.status === 'not-emulated') {
          this.inventory.notEmulated.set(
            resource.type,
            (this.inventory.notEmulated.get(resource.type) ?? 0) + 1,
          );
        }
      },
    });

    this.eventSources.start();
    const outputs = Object.assign({}, ...this.deployed.stacks.map((s) => s.outputs)) as Record<
      string,
      unknown
    >;
    const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const apiUrl = str(outputs.ApiUrl);
    const inboxUrl = this.engines.ses.inbox.pageUrl;
    const bus = this.bus;
    this.console = await ConsoleServer.start({
      data: sandboxConsoleData({
        stacks: () => this.deployed.stacks,
        logs: this.logs,
        bus,
        queues: () => this.inventory.queues,
        fauxqsUrl: this.engines.fauxqs.endpoint,
        inbox: this.engines.ses.inbox,
      }),
    });
    const webAppUrl =
      str(outputs.WebAppUrl) ??
      this.cloudFront.deployed().find((d) => /web app|public/i.test(d.comment))?.url;
    const internalAppUrl =
      str(outputs.InternalAppUrl) ?? this.cloudFront.deployed().find((d) => /internal/i.test(d.comment))?.url;
    this.endpoints = {
      awsEndpoint: endpoint.url,
      region,
      accountId,
      ...(apiUrl && { apiUrl }),
      ...(inboxUrl && { inboxUrl }),
      ...(webAppUrl && { webAppUrl }),
      ...(internalAppUrl && { internalAppUrl }),
      consoleUrl: this.console.url,
    };
    writeOutputsFile(this.state.file('outputs.json'), this.endpoints, this.deployed.stacks);
  }

  /**
   * The fast loop (`npm start` turns it on): a source change under `root`'s `services/` or `packages/`
   * rebuilds the functions whose entry imports it and swaps them in; see `src/dev-loop`.
   */
  async watchSources(root: string): Promise<DevLoop> {
    if (!this.runner) throw new Error('the sandbox is not running');
    this.devLoop ??= await DevLoop.start({
      root,
      outDir: this.state.dir('dev-loop'),
      functions: watchedFunctionsOf(this.inventory.functions, root),
      runner: this.runner,
      log: (line) => this.log(line),
    });
    return this.devLoop;
  }

  /** Stops the servers, the functions and the engines; safe to call twice. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.devLoop?.close();
      await this.console?.close();
      await this.eventSources?.stop();
      await this.cloudFront?.close();
      await this.apiGateway?.close();
      await this.mediaConvert?.close();
      await this.asyncInvoker?.drain();
      await this.runner?.close();
      this.s3?.close();
      await this.engines?.stop();
    })();
    return this.stopping;
  }
}
