import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOnLoopbackPort } from './child-port.ts';
import type { Engine, EngineStartOptions } from './engine.ts';
import { DEFAULT_START_TIMEOUT_MS, LOOPBACK, loopbackEndpoint } from './engine.ts';
import { EngineStartError } from './engine-errors.ts';
import { assertValidPort } from './loopback-port.ts';
import { startNodeChildEngine } from './node-child-engine.ts';

export const COGNITO_LOCAL = 'cognito-local';

export interface CognitoLocalStartOptions extends EngineStartOptions {
  /**
   * The origin put in front of the pool id in the tokens' `iss` claim. Behind the AWS endpoint, pass
   * the endpoint's URL so that `<iss>/.well-known/jwks.json` is reachable there too.
   * @default the engine's own endpoint
   */
  readonly issuerDomain?: string;
  /**
   * The SES engine's URL: verification codes (sign-up, forgot password, ...) are sent there as
   * e-mails, as Cognito sends them, instead of only being printed to the engine's log.
   * @default undefined (codes are logged only)
   */
  readonly sesEndpoint?: string;
}

export interface CognitoLocalEngine extends Engine {
  /** True when `dataDir` was given; otherwise the pools live in a temporary directory removed on stop. */
  readonly persistent: boolean;
  readonly issuerDomain: string;
  /** The child process running the engine. */
  readonly pid: number | undefined;
}

/**
 * Starts cognito-local (user pools, `USER_PASSWORD_AUTH`, JWKS at `/<poolId>/.well-known/jwks.json`)
 * in a child process on 127.0.0.1. A child, not this process: its only complete server factory
 * (`createDefaultServer`) reads and writes `./.cognito` relative to the working directory, and it
 * loads the v2 AWS SDK and a KMS client we do not want in the sandbox process. Pools, clients and
 * users are JSON files under `<dataDir>/.cognito/db`.
 *
 * @example
 * const cognito = await startCognitoLocalEngine({ dataDir: '.stratum/cognito' });
 */
export function startCognitoLocalEngine(options: CognitoLocalStartOptions = {}): Promise<CognitoLocalEngine> {
  const requestedPort = options.port ?? 0;
  assertValidPort(COGNITO_LOCAL, requestedPort);
  // Our own entry: cognito-local's server with e-mail codes delivered through SES (see the file).
  const script = fileURLToPath(new URL('./cognito-local-server.cjs', import.meta.url));
  const persistent = options.dataDir !== undefined;
  const workDir = persistent
    ? resolve(options.dataDir ?? '.')
    : mkdtempSync(join(tmpdir(), 'stratum-cognito-'));
  const removeWorkDir = () => {
    if (!persistent) rmSync(workDir, { recursive: true, force: true });
  };
  return startOnLoopbackPort(COGNITO_LOCAL, requestedPort, async (port) => {
    const endpoint = loopbackEndpoint(port);
    const issuerDomain = options.issuerDomain ?? endpoint;
    writeServerConfig(workDir, port, issuerDomain);
    const child = await startNodeChildEngine({
      engine: COGNITO_LOCAL,
      script,
      cwd: workDir,
      env: {
        PORT: String(port),
        HOST: LOOPBACK,
        ...(options.sesEndpoint && { STRATUM_SES_ENDPOINT: options.sesEndpoint }),
      },
      port,
      startTimeoutMs: options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
      readyPath: '/health',
    });
    return {
      name: COGNITO_LOCAL,
      endpoint,
      port,
      persistent,
      issuerDomain,
      pid: child.pid,
      exited: child.exitSignal.exited,
      async stop() {
        await child.stop();
        removeWorkDir();
      },
    };
  }).catch((error: unknown) => {
    removeWorkDir();
    throw error;
  });
}

/**
 * cognito-local merges `.cognito/config.json` over its defaults, whose port and issuer come from
 * `PORT`/`HOST` at load time. We own the server and token keys of that file and keep the rest
 * (user pool defaults, trigger functions) as the developer left it.
 */
function writeServerConfig(workDir: string, port: number, issuerDomain: string): void {
  const configDir = join(workDir, '.cognito');
  const configFile = join(configDir, 'config.json');
  mkdirSync(configDir, { recursive: true });
  let existing: Record<string, unknown> = {};
  if (existsSync(configFile)) {
    try {
      existing = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new EngineStartError(COGNITO_LOCAL, `${configFile} is not valid JSON; fix or delete it`, {
        cause: error,
      });
    }
  }
  const config = {
    ...existing,
    ServerConfig: { port, hostname: LOOPBACK, https: false },
    TokenConfig: { ...asRecord(existing.TokenConfig), IssuerDomain: issuerDomain },
  };
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
