import { readFileSync } from 'node:fs';
import type { DataStore } from '@stratum/data';
import { createObservability } from '@stratum/runtime';
import { createTodoHandler } from '@stratum/todo/handler-factory';
import { createUsersHandler, type PushEndpoints } from '@stratum/users/handler-factory';
import { vi } from 'vitest';
import { composeSupergraph } from '../../src/composition/compose-supergraph.ts';
import { DEFAULT_OPERATION_LIMITS } from '../../src/execution/operation-limits.ts';
import type { InvokeSubgraph } from '../../src/execution/subgraph-invoker.ts';
import { createGatewaySchema } from '../../src/execution/supergraph-schema.ts';
import { createGatewayHandler, type GatewayEvent } from '../../src/gateway-handler.ts';
import type { SubgraphInvocation } from '../../src/protocol/index.ts';
import { InMemoryDataStore } from './in-memory-data-store.ts';
import { InMemoryEventData } from './in-memory-event-data.ts';

const schemaFile = (service: string) =>
  readFileSync(new URL(`../../../${service}/src/schema.graphql`, import.meta.url), 'utf8');

/** The supergraph of the real subgraph schemas, composed the way the build does it. */
export function composeRealSupergraph(): string {
  const outcome = composeSupergraph([
    { name: 'users', sdl: schemaFile('users') },
    { name: 'todo', sdl: schemaFile('todo') },
  ]);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  return outcome.supergraphSdl;
}

export const TENANT_A = 'tenant-a';
export const TENANT_B = 'tenant-b';

/** Authorizer contexts as the HTTP API passes them (all strings). */
export const principals = {
  ownerA: {
    principalType: 'customer',
    userId: 'user-a1',
    tenantId: TENANT_A,
    role: 'owner',
    email: 'ada@a.test',
    groups: '',
  },
  memberA: {
    principalType: 'customer',
    userId: 'user-a2',
    tenantId: TENANT_A,
    role: 'member',
    email: 'alan@a.test',
    groups: '',
  },
  ownerB: {
    principalType: 'customer',
    userId: 'user-b1',
    tenantId: TENANT_B,
    role: 'owner',
    email: 'bea@b.test',
    groups: '',
  },
  noTenant: {
    principalType: 'customer',
    userId: 'user-x',
    tenantId: '',
    role: '',
    email: 'x@x.test',
    groups: '',
  },
  staff: { principalType: 'staff', userId: 'staff-1', email: 'ops@stratum.test', groups: 'support,admins' },
} as const;

export type AuthorizerContext = Record<string, string>;

export interface HarnessOptions {
  readonly maskErrors?: boolean;
  readonly graphiql?: boolean;
  /** Analytics and push devices for the users subgraph. @default empty, in memory */
  readonly eventData?: InMemoryEventData;
  /** The users subgraph's push endpoints. @default null: push not configured */
  readonly push?: PushEndpoints | null;
  /** Replaces the in-process call of one subgraph, e.g. to simulate a crash. */
  readonly override?: Partial<Record<'users' | 'todo', InvokeSubgraph>>;
}

/**
 * Gateway → subgraphs, all in-process: the invoke function JSON-serializes each invocation
 * (as the Lambda Invoke API does) and calls the real subgraph handlers over `dataStore`.
 */
export function createInProcessGateway(dataStore: DataStore, options: HarnessOptions = {}) {
  const { logger } = createObservability('gateway-test');
  logger.setLogLevel('SILENT');
  const errorLog = vi.spyOn(logger, 'error');
  const eventData = options.eventData ?? new InMemoryEventData();
  const subgraphs = {
    users: createUsersHandler({
      dataStore: () => dataStore,
      eventData: () => eventData,
      push: options.push ?? null,
      logger,
    }),
    todo: createTodoHandler({ dataStore: () => dataStore, logger }),
  };
  const invocations: { subgraph: string; invocation: SubgraphInvocation }[] = [];
  const invoke: InvokeSubgraph = async (subgraph, invocation) => {
    const wire = JSON.parse(JSON.stringify(invocation)) as SubgraphInvocation;
    invocations.push({ subgraph, invocation: wire });
    const replaced = options.override?.[subgraph as 'users' | 'todo'];
    if (replaced) return replaced(subgraph, wire);
    const handler = subgraphs[subgraph as 'users' | 'todo'];
    return JSON.parse(JSON.stringify(await handler(wire)));
  };
  const handler = createGatewayHandler({
    schema: createGatewaySchema(composeRealSupergraph(), invoke),
    limits: DEFAULT_OPERATION_LIMITS,
    maskErrors: options.maskErrors ?? true,
    graphiql: options.graphiql ?? false,
    logger,
  });

  async function send(event: GatewayEvent) {
    const response = await handler(event);
    const body = response.headers?.['content-type']?.toString().startsWith('application/json')
      ? JSON.parse(response.body ?? '{}')
      : response.body;
    return { status: response.statusCode ?? 200, headers: response.headers ?? {}, body };
  }

  /** POSTs an operation as `principal` (undefined: no authorizer context at all). */
  async function graphql(
    principal: AuthorizerContext | undefined,
    query: string,
    variables?: Record<string, unknown>,
  ) {
    return send(httpEvent({ principal, body: JSON.stringify({ query, variables }) }));
  }

  return { invocations, errorLog, handler, send, graphql };
}

/** The in-process gateway over an in-memory store seeded with tenants A (Ada, Alan) and B (Bea). */
export function createFederatedHarness(options: HarnessOptions = {}) {
  const store = new InMemoryDataStore();
  store.seedTenant(TENANT_A, 'Acme', [
    { userId: 'user-a1', email: 'ada@a.test', displayName: 'Ada', role: 'owner' },
    { userId: 'user-a2', email: 'alan@a.test', displayName: 'Alan', role: 'member' },
  ]);
  store.seedTenant(TENANT_B, 'Bolt', [
    { userId: 'user-b1', email: 'bea@b.test', displayName: 'Bea', role: 'owner' },
  ]);
  return { store, ...createInProcessGateway(store, options) };
}

export function httpEvent(input: {
  principal?: AuthorizerContext | undefined;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  isBase64Encoded?: boolean;
}): GatewayEvent {
  const event = {
    version: '2.0',
    routeKey: `${input.method ?? 'POST'} /graphql`,
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...input.headers },
    isBase64Encoded: input.isBase64Encoded ?? false,
    ...(input.body === undefined ? {} : { body: input.body }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.test',
      domainPrefix: 'api',
      http: {
        method: input.method ?? 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'vitest',
      },
      requestId: 'request-1',
      routeKey: `${input.method ?? 'POST'} /graphql`,
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 1767225600000,
      ...(input.principal ? { authorizer: { lambda: input.principal } } : {}),
    },
  };
  return event as GatewayEvent;
}
