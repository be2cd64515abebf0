import { createObservability, instrumentHandler } from '@stratum/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InMemoryDataStore } from '../../gateway/test/support/in-memory-data-store.ts';
import { meteredTodoStore } from '../src/metered-store.ts';
import { createTodoHandler } from '../src/todo-handler.ts';

const ada = { principalType: 'customer', userId: 'user-a1', tenantId: 'tenant-a', role: 'owner', groups: [] };

/** The business metrics written as EMF documents to stdout, one list of names per document. */
function captureEmf(): () => string[][] {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  return () =>
    chunks
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{"_aws"'))
      .map((line) => {
        const emf = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
        return emf._aws.CloudWatchMetrics.flatMap((directive) => directive.Metrics.map((m) => m.Name));
      })
      .filter((names) => !names.includes('ColdStart'));
}

/** The handler composed as handler.ts composes it, over the in-memory store. */
function setUp() {
  const store = new InMemoryDataStore();
  const observability = createObservability('todo-test');
  observability.logger.setLogLevel('SILENT');
  const metered = meteredTodoStore(store, observability.metrics);
  const handler = instrumentHandler(
    observability,
    createTodoHandler({ dataStore: () => metered, logger: observability.logger }),
  );
  const run = (query: string, variables?: Record<string, unknown>) =>
    handler({ query, variables, principal: ada, correlationId: 'c1' });
  return { run };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('todo business metrics', () => {
  it('counts a created and a completed todo in the EMF document of their invocation', async () => {
    const { run } = setUp();
    const emf = captureEmf();
    const created = await run('mutation { createTodo(input: { title: "Ship it" }) { id } }');
    const id = (created.data as { createTodo: { id: string } }).createTodo.id;
    await run('mutation ($id: ID!) { completeTodo(id: $id) { status } }', { id });
    await run('mutation ($id: ID!) { reopenTodo(id: $id) { status } }', { id });
    expect(emf()).toEqual([['TodosCreated'], ['TodosCompleted']]);
  });

  it('counts nothing for a write that failed', async () => {
    const { run } = setUp();
    const emf = captureEmf();
    const result = await run('mutation { completeTodo(id: "01JZ0000000000000000000000") { status } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(emf()).toEqual([]);
  });
});
