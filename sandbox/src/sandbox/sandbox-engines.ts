import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type AwsEndpoint, createAwsEndpoint } from '../endpoint/index.ts';
import {
  type CognitoLocalEngine,
  DYNAMODB_LOCAL,
  type DynamoDbLocalEngine,
  type Engine,
  EngineSupervisor,
  type FauxqsEngine,
  type SesLocalEngine,
  startCognitoLocalEngine,
  startDynamoDbLocalEngine,
  startFauxqsEngine,
  startSesLocalEngine,
} from '../engines/index.ts';
import { createSqsFront } from '../messaging/sqs-front.ts';
import type { StateDirectory } from './state-directory.ts';

export interface SandboxEnginesOptions {
  readonly state: StateDirectory;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** The AWS endpoint's port; undefined = 4566 or the next free one. */
  readonly awsPort?: number;
  /** Cognito triggers the templates use (`PostConfirmation`, ...): cognito-local calls them through the endpoint. */
  readonly cognitoTriggers: readonly string[];
  /** The name cognito-local is told to invoke for a trigger (the sandbox's trigger router answers it). */
  readonly cognitoTriggerFunction: (trigger: string) => string;
  readonly log: (line: string) => void;
}

/** The engines and the one endpoint in front of them. */
export interface SandboxEngines {
  readonly endpoint: AwsEndpoint;
  /** Restarted on the same port when it dies (see `EngineSupervisor`). */
  readonly dynamodb: EngineSupervisor<DynamoDbLocalEngine>;
  readonly fauxqs: FauxqsEngine;
  readonly cognito: CognitoLocalEngine;
  readonly ses: SesLocalEngine;
  /** Stops the endpoint, then every engine; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the single AWS endpoint, then DynamoDB Local, fauxqs, cognito-local and aws-ses-v2-local in
 * parallel, each keeping its data under `.stratum/<engine>` (SES's inbox is in memory only), and routes
 * the services they own. An engine that dies later is reported, not silently lost.
 */
export async function startSandboxEngines(options: SandboxEnginesOptions): Promise<SandboxEngines> {
  const { state, log } = options;
  const endpoint = await createAwsEndpoint({
    ...(options.awsPort !== undefined && { port: options.awsPort }),
    notice: log,
  });
  const started: Engine[] = [];
  const track = <E extends Engine>(engine: E): E => {
    started.push(engine);
    void engine.exited.then((exit) => {
      if (!exit.expected) log(`ENGINE DOWN: ${exit.engine} stopped unexpectedly (${exit.reason})`);
    });
    return engine;
  };
  try {
    const cognitoDir = state.dir('cognito');
    writeCognitoTriggers(cognitoDir, endpoint.url, options);
    const ses = startSesLocalEngine({}).then(track);
    const [dynamodb, fauxqs, cognito, sesEngine] = await Promise.all([
      // Supervised: killed or crashed, it comes back on the same port with the same data.
      EngineSupervisor.start({
        start: (port) => startDynamoDbLocalEngine({ port, dataDir: state.dir('dynamodb') }),
        onDown: (exit) =>
          log(`ENGINE DOWN: ${exit.engine} stopped unexpectedly (${exit.reason}); restarting it`),
        onUp: (engine, downForMs) =>
          log(
            `ENGINE UP: ${engine.name} is back on ${engine.endpoint} after ${(downForMs / 1000).toFixed(1)} s`,
          ),
        onRestartFailed: (error, attempt) =>
          log(
            `${DYNAMODB_LOCAL} restart ${attempt} failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      }).then(track),
      startFauxqsEngine({ dataDir: state.dir('fauxqs') }).then(track),
      // cognito-local sends verification codes to SES as e-mails: it needs SES's URL at start.
      ses.then((engine) =>
        startCognitoLocalEngine({
          dataDir: cognitoDir,
          issuerDomain: endpoint.url,
          sesEndpoint: engine.endpoint,
        }).then(track),
      ),
      ses,
    ]);
    endpoint.setRoute('dynamodb', { upstream: dynamodb.endpoint });
    // fauxqs lacks the message-move-task actions (DLQ redrive); the front adds them, relays the rest.
    const sqsFront = createSqsFront({
      engine: fauxqs.endpoint,
      sqs: new SQSClient({
        endpoint: fauxqs.endpoint,
        region: options.region,
        credentials: options.credentials,
      }),
    });
    endpoint.setRoute('sqs', { handle: sqsFront.handle });
    endpoint.setRoute('sns', { upstream: fauxqs.endpoint });
    endpoint.setRoute('s3', { upstream: fauxqs.endpoint });
    endpoint.setRoute('cognito-idp', { upstream: cognito.endpoint });
    endpoint.setRoute('ses', { upstream: sesEngine.endpoint });
    let stopping: Promise<void> | undefined;
    return {
      endpoint,
      dynamodb,
      fauxqs,
      cognito,
      ses: sesEngine,
      stop() {
        stopping ??= (async () => {
          await endpoint.close();
          await sqsFront.close();
          await Promise.allSettled(started.map((engine) => engine.stop()));
        })();
        return stopping;
      },
    };
  } catch (error) {
    await endpoint.close();
    await Promise.allSettled(started.map((engine) => engine.stop()));
    throw error;
  }
}

/**
 * cognito-local's triggers are global (one function per trigger for all pools) and read from
 * `.cognito/config.json` at start; it calls them with its own Lambda client. Every trigger a template
 * uses is pointed at the sandbox's router through the AWS endpoint; the router runs the function the
 * event's own pool declares (see `CognitoTriggerRouter`). Other keys of the file are kept.
 */
function writeCognitoTriggers(cognitoDir: string, endpointUrl: string, options: SandboxEnginesOptions): void {
  const configDir = join(cognitoDir, '.cognito');
  const file = join(configDir, 'config.json');
  mkdirSync(configDir, { recursive: true });
  const existing = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  const config = {
    ...existing,
    TriggerFunctions: Object.fromEntries(
      options.cognitoTriggers.map((t) => [t, options.cognitoTriggerFunction(t)]),
    ),
    LambdaClient: { endpoint: endpointUrl, region: options.region, credentials: options.credentials },
  };
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
