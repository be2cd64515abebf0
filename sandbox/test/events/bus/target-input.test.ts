import { describe, expect, it } from 'vitest';
import { busWith, entry, FakeDispatcher, fnArn, queueArn } from './fake-dispatcher.ts';

async function deliver(
  target: Record<string, unknown>,
  detail: Record<string, unknown> = { id: 't-1', n: 3, tags: ['a', 'b'] },
) {
  const dispatcher = new FakeDispatcher();
  const bus = busWith(dispatcher, { now: () => new Date('2025-03-01T10:20:30.456Z') });
  const rule = bus.createRule(
    { EventPattern: { source: ['stratum.todo'] }, Targets: [{ Id: 't', Arn: fnArn('f'), ...target }] },
    'OnTodo',
  );
  bus.putEvents([entry(detail, { Resources: ['arn:aws:x'] })]);
  await bus.drain();
  const [call] = dispatcher.calls;
  return { body: call?.body ?? '', rule, dispatcher };
}

describe('target input', () => {
  it('sends the whole event by default, envelope in EventBridge order', async () => {
    const { body } = await deliver({});
    const event = JSON.parse(body);
    expect(Object.keys(event)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(event).toMatchObject({
      version: '0',
      time: '2025-03-01T10:20:30Z',
      account: '123456789012',
      region: 'eu-west-1',
      resources: ['arn:aws:x'],
    });
  });

  it('sends Input verbatim and InputPath as the JSON of what it selects', async () => {
    expect((await deliver({ Input: '{ "fixed": true }' })).body).toBe('{ "fixed": true }');
    expect((await deliver({ InputPath: '$.detail.id' })).body).toBe('"t-1"');
    expect((await deliver({ InputPath: '$.detail.tags[1]' })).body).toBe('"b"');
    expect(JSON.parse((await deliver({ InputPath: '$.detail' })).body)).toEqual({
      id: 't-1',
      n: 3,
      tags: ['a', 'b'],
    });
    expect((await deliver({ InputPath: '$.detail.missing' })).body).toBe('null');
  });

  it('renders templates: JSON values quoted outside strings, raw inside, plain text raw', async () => {
    const InputPathsMap = {
      id: '$.detail.id',
      n: '$.detail.n',
      tags: '$.detail.tags',
      type: '$.detail-type',
    };
    const json = await deliver({
      InputTransformer: {
        InputPathsMap,
        InputTemplate: '{"id": <id>, "n": <n>, "tags": <tags>, "text": "todo <id> is <type> (<n>)"}',
      },
    });
    expect(JSON.parse(json.body)).toEqual({
      id: 't-1',
      n: 3,
      tags: ['a', 'b'],
      text: 'todo t-1 is TodoCreated (3)',
    });
    const plain = await deliver({
      InputTransformer: { InputPathsMap, InputTemplate: 'Todo <id> has <n> tags <tags>' },
    });
    expect(plain.body).toBe('Todo t-1 has 3 tags ["a","b"]');
    const quoted = await deliver({
      InputTransformer: { InputPathsMap, InputTemplate: '"todo <id> created"' },
    });
    expect(quoted.body).toBe('"todo t-1 created"');
  });

  it('fills the reserved variables', async () => {
    const { body, rule } = await deliver({
      InputTransformer: {
        InputTemplate:
          '{"arn": "<aws.events.rule-arn>", "name": <aws.events.rule-name>, "at": "<aws.events.event.ingestion-time>", "event": <aws.events.event>, "full": <aws.events.event.json>}',
      },
    });
    const out = JSON.parse(body);
    expect(out).toMatchObject({ arn: rule.arn, name: 'OnTodo', at: '2025-03-01T10:20:30.456Z' });
    expect(out.event.detail).toBeUndefined();
    expect(out.event.source).toBe('stratum.todo');
    expect(out.full.detail).toEqual({ id: 't-1', n: 3, tags: ['a', 'b'] });
  });

  it('edge cases: missing paths, unescaped quotes, unknown placeholders, escaped quotes in the template', async () => {
    const missing = await deliver({
      InputTransformer: { InputPathsMap: { x: '$.detail.none' }, InputTemplate: '{"v": <x>, "s": "[<x>]"}' },
    });
    expect(JSON.parse(missing.body)).toEqual({ v: null, s: '[]' });
    const unescaped = await deliver(
      { InputTransformer: { InputPathsMap: { t: '$.detail.title' }, InputTemplate: '{"title": "<t>"}' } },
      { title: 'say "hi"' },
    );
    expect(unescaped.body).toBe('{"title": "say "hi""}'); // EventBridge does not escape values
    const markup = await deliver({
      InputTransformer: { InputPathsMap: { id: '$.detail.id' }, InputTemplate: '<b>todo</b> <id>' },
    });
    expect(markup.body).toBe('<b>todo</b> t-1');
    const escaped = await deliver({
      InputTransformer: {
        InputPathsMap: { id: '$.detail.id' },
        InputTemplate: '{"a": "x\\" <id>", "b": <id>}',
      },
    });
    expect(JSON.parse(escaped.body)).toEqual({ a: 'x" t-1', b: 't-1' });
    const wildcard = await deliver({
      InputTransformer: { InputPathsMap: { all: '$.detail.tags[*]' }, InputTemplate: '{"all": <all>}' },
    });
    expect(JSON.parse(wildcard.body)).toEqual({ all: ['a', 'b'] });
  });

  it('refuses transformers EventBridge refuses', () => {
    const bus = busWith(new FakeDispatcher());
    const create = (InputTransformer: unknown) => () =>
      bus.createRule(
        { EventPattern: { source: ['a'] }, Targets: [{ Id: 't', Arn: queueArn('q'), InputTransformer }] },
        'R',
      );
    expect(create({ InputPathsMap: { 'aws.events.rule-arn': '$.x' }, InputTemplate: '<x>' })).toThrow(
      /the name is reserved/,
    );
    expect(create({ InputPathsMap: { x: '$..x' }, InputTemplate: '<x>' })).toThrow(
      /not supported at offset 1/,
    );
    expect(create({ InputPathsMap: { x: 'detail.x' }, InputTemplate: '<x>' })).toThrow(/must start with \$/);
    expect(create({ InputPathsMap: {} })).toThrow(/InputTemplate is required/);
    expect(create({ InputTemplate: '{"e": "<aws.events.event>"}' })).toThrow(/only be used as a JSON value/);
  });
});
