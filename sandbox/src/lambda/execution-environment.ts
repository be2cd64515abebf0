import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { exitError, responseTooLargeError, timeoutError } from './error-payloads.ts';
import { functionArn } from './function-arn.ts';
import type { ResolvedFunctionDefinition } from './function-definition.ts';
import {
  type InvocationRequest,
  type InvocationResult,
  type LambdaErrorPayload,
  MAX_RESPONSE_BYTES,
} from './invocation.ts';
import { LogLineSplitter } from './log-line-splitter.ts';
import { type LambdaLogRecord, type LambdaLogSink, toLogRecord } from './log-record.ts';
import {
  type LogNames,
  logNamesFor,
  memoryFlags,
  runtimeEnvironment,
  type SandboxAwsSettings,
} from './runtime-environment.ts';
import { type InvokeMessage, isRuntimeMessage, type RuntimeMessage } from './runtime-messages.ts';

const BOOTSTRAP = fileURLToPath(new URL('./runtime/bootstrap.mjs', import.meta.url));
const RUNTIME_DIR = fileURLToPath(new URL('./runtime/', import.meta.url));
/** How long a reply waits for the last log lines of its invocation. */
const MARKER_GRACE_MS = 1000;
/** How long an exited process's output pipes may stay open before its invocation ends anyway. */
const CLOSE_GRACE_MS = 500;

/** How a wait on the function's process ended. */
type Outcome =
  | { readonly kind: 'ready' }
  | { readonly kind: 'init-error'; readonly error: LambdaErrorPayload }
  | { readonly kind: 'reply'; readonly reply: Extract<RuntimeMessage, { type: 'result' }> }
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: NodeJS.Signals | null }
  | { readonly kind: 'timeout' };

interface Waiter {
  readonly awsRequestId: string | undefined;
  readonly settle: (outcome: Outcome) => void;
  reply?: Extract<RuntimeMessage, { type: 'result' }>;
  /** End-of-invocation markers still to come (stdout and stderr). */
  markersPending: number;
  timedOut?: boolean;
}

/** Where the lines the process writes belong right now. */
interface Capture {
  readonly awsRequestId: string | undefined;
  readonly logs: LambdaLogRecord[];
}

/**
 * One execution environment of a function: a `node` process running `runtime/bootstrap.mjs`
 * with the function's code and environment, started on its first invocation and reused (warm)
 * for the next ones, one invocation at a time, as on Lambda. A timeout, a crash or a failed
 * init ends it for good: its owner starts a new one.
 */
export class ExecutionEnvironment {
  readonly logNames: LogNames;
  private readonly marker = `\u001eSTRATUM-LAMBDA-END-${randomBytes(8).toString('hex')}`;
  private child: ChildProcess | undefined;
  private exitedProcess: Promise<void> = Promise.resolve();
  private state: 'cold' | 'warm' | 'busy' | 'dead' = 'cold';
  private waiter: Waiter | undefined;
  private capture: Capture | undefined;

  constructor(
    readonly definition: ResolvedFunctionDefinition,
    private readonly aws: SandboxAwsSettings,
    private readonly logSink: LambdaLogSink,
  ) {
    this.logNames = logNamesFor(definition.functionName);
  }

  /** Ended (timed out, crashed, failed init or killed): never usable again. */
  get dead(): boolean {
    return this.state === 'dead';
  }

  get busy(): boolean {
    return this.state === 'busy';
  }

  /** Runs one invocation; the environment must not be busy or dead. */
  async invoke(request: InvocationRequest): Promise<InvocationResult> {
    if (this.state === 'busy' || this.state === 'dead') {
      throw new Error(`execution environment of ${this.definition.functionName} is ${this.state}`);
    }
    const awsRequestId = request.awsRequestId ?? randomUUID();
    const logs: LambdaLogRecord[] = [];
    const timeoutMs = this.definition.timeoutSeconds * 1000;
    this.state = 'busy';
    let initDurationMs: number | undefined;
    if (this.child === undefined) {
      this.capture = { awsRequestId: undefined, logs };
      const initStart = performance.now();
      // Init is bounded by the function's timeout too: Lambda counts a slow init against it.
      const init = await this.waitFor(undefined, timeoutMs, () => this.start());
      initDurationMs = performance.now() - initStart;
      if (init.kind !== 'ready') {
        return this.complete(awsRequestId, this.responseOf(init, awsRequestId), logs, 0, initDurationMs);
      }
    }
    this.capture = { awsRequestId, logs };
    const start = performance.now();
    const outcome = await this.waitFor(awsRequestId, timeoutMs, () =>
      this.send(request, awsRequestId, timeoutMs),
    );
    const durationMs = performance.now() - start;
    return this.complete(
      awsRequestId,
      this.responseOf(outcome, awsRequestId),
      logs,
      durationMs,
      initDurationMs,
    );
  }

  /** Kills the process (if any) and resolves once it has exited. */
  kill(): Promise<void> {
    this.killNow();
    return this.exitedProcess;
  }

  /** Kills the process without waiting: for the sandbox's own `exit` handler. */
  killNow(): void {
    this.state = 'dead';
    if (this.child && this.child.exitCode === null && this.child.signalCode === null)
      this.child.kill('SIGKILL');
  }

  private start(): void {
    const { definition } = this;
    const child = spawn(process.execPath, [...memoryFlags(definition.memoryMb), BOOTSTRAP, this.marker], {
      cwd: definition.codeDir,
      env: runtimeEnvironment(definition, this.aws, this.logNames, RUNTIME_DIR),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.child = child;
    this.exitedProcess = new Promise((resolve) => child.once('exit', () => resolve()));
    this.follow(child.stdout, 'stdout');
    this.follow(child.stderr, 'stderr');
    child.on('message', (message: unknown) => {
      if (isRuntimeMessage(message)) this.receive(message);
    });
    child.on('error', () => this.processEnded(null, 'SIGKILL'));
    // 'close' comes once stdout and stderr are drained, so the last lines belong to the invocation;
    // a grandchild holding the pipes open must not hold the invocation, hence the fallback.
    child.once('close', (code, signal) => this.processEnded(code, signal));
    child.once('exit', (code, signal) => {
      setTimeout(() => this.processEnded(code, signal), CLOSE_GRACE_MS).unref();
    });
  }

  private send(request: InvocationRequest, awsRequestId: string, timeoutMs: number): void {
    const { definition, aws, logNames } = this;
    const message: InvokeMessage = {
      type: 'invoke',
      event: request.event,
      traceId: request.traceId ?? newTraceId(),
      context: {
        awsRequestId,
        functionName: definition.functionName,
        functionVersion: '$LATEST',
        invokedFunctionArn: functionArn(aws.region, aws.accountId, definition.functionName),
        memoryLimitInMB: String(definition.memoryMb),
        logGroupName: logNames.logGroupName,
        logStreamName: logNames.logStreamName,
        deadlineMs: Date.now() + timeoutMs,
        ...(request.clientContext === undefined ? {} : { clientContext: request.clientContext }),
      },
    };
    // A failed send means the process is gone; its 'close' settles the invocation.
    this.child?.send(message, () => undefined);
  }

  private waitFor(awsRequestId: string | undefined, limitMs: number, action: () => void): Promise<Outcome> {
    return new Promise((resolve) => {
      // On timeout the process is killed; the invocation ends once it is gone ('close').
      const timer = setTimeout(() => {
        waiter.timedOut = true;
        this.killNow();
      }, limitMs);
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        if (this.waiter === waiter) this.waiter = undefined;
        resolve(outcome);
      };
      const waiter: Waiter = { awsRequestId, settle, markersPending: 2 };
      this.waiter = waiter;
      action();
    });
  }

  private receive(message: RuntimeMessage): void {
    const waiter = this.waiter;
    if (!waiter) return;
    if (message.type === 'ready') waiter.settle({ kind: 'ready' });
    else if (message.type === 'init-error') {
      this.killNow();
      waiter.settle({ kind: 'init-error', error: message.error });
    } else if (message.awsRequestId === waiter.awsRequestId) {
      waiter.reply = message;
      this.settleWhenLogged(waiter);
      // A handler that replaced process.stdout.write never prints the marker: do not hang on it.
      setTimeout(() => this.settleWhenLogged(waiter, true), MARKER_GRACE_MS).unref();
    }
  }

  private settleWhenLogged(waiter: Waiter, evenIfLinesPending = false): void {
    if (waiter.reply && (waiter.markersPending === 0 || evenIfLinesPending))
      waiter.settle({ kind: 'reply', reply: waiter.reply });
  }

  private processEnded(code: number | null, signal: NodeJS.Signals | null): void {
    this.state = 'dead';
    const waiter = this.waiter;
    if (!waiter) return;
    if (waiter.timedOut) waiter.settle({ kind: 'timeout' });
    else if (waiter.reply) waiter.settle({ kind: 'reply', reply: waiter.reply });
    else waiter.settle({ kind: 'exit', code, signal });
  }

  private follow(stream: NodeJS.ReadableStream | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    stream.setEncoding('utf8');
    const splitter = new LogLineSplitter(
      this.marker,
      (line) => {
        const record = toLogRecord(this.definition.functionName, this.capture?.awsRequestId, name, line);
        this.capture?.logs.push(record);
        this.logSink(record);
      },
      (awsRequestId) => {
        const waiter = this.waiter;
        if (waiter?.awsRequestId !== awsRequestId) return;
        waiter.markersPending -= 1;
        this.settleWhenLogged(waiter);
      },
    );
    stream.on('data', (text: string) => splitter.push(text));
    stream.on('end', () => splitter.end());
  }

  /** The response body of an outcome: the reply's, or a Lambda error. */
  private responseOf(outcome: Outcome, awsRequestId: string): { payload: string; failed: boolean } {
    switch (outcome.kind) {
      case 'ready':
        return { payload: 'null', failed: false };
      case 'reply':
        if (!outcome.reply.ok) return errorResult(outcome.reply.error);
        return Buffer.byteLength(outcome.reply.payload) > MAX_RESPONSE_BYTES
          ? errorResult(responseTooLargeError(MAX_RESPONSE_BYTES))
          : { payload: outcome.reply.payload, failed: false };
      case 'init-error':
        return errorResult(outcome.error);
      case 'exit':
        return errorResult(exitError(awsRequestId, outcome.code, outcome.signal));
      case 'timeout':
        return errorResult(timeoutError(awsRequestId, this.definition.timeoutSeconds));
    }
  }

  private complete(
    awsRequestId: string,
    outcome: { payload: string; failed: boolean },
    logs: LambdaLogRecord[],
    durationMs: number,
    initDurationMs: number | undefined,
  ): InvocationResult {
    this.capture = undefined;
    if (this.state === 'busy') this.state = 'warm';
    return {
      awsRequestId,
      payload: outcome.payload,
      ...(outcome.failed ? { functionError: 'Unhandled' as const } : {}),
      logs,
      durationMs,
      ...(initDurationMs === undefined ? {} : { initDurationMs }),
      executedVersion: '$LATEST',
    };
  }
}

function errorResult(error: LambdaErrorPayload): { payload: string; failed: boolean } {
  return { payload: JSON.stringify(error), failed: true };
}

/** An X-Ray trace header, not sampled: nothing locally collects segments. */
function newTraceId(): string {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  return `Root=1-${epoch}-${randomBytes(12).toString('hex')};Parent=${randomBytes(8).toString('hex')};Sampled=0`;
}
