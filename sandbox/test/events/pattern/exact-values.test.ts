import { describe, expect, it } from 'vitest';
import { compilePattern, matches } from '../../../src/events/pattern/index.ts';
import { describePatterns, envelope } from './pattern-table.ts';

describePatterns('exact values', [
  {
    name: 'top-level strings, alternatives in the value array are OR',
    pattern: { source: ['stratum.todo', 'stratum.media'], 'detail-type': ['TodoUpdated'] },
    match: [envelope({}), envelope({}, { source: 'stratum.media' })],
    noMatch: [
      envelope({}, { source: 'stratum.users' }),
      envelope({}, { source: 'Stratum.Todo' }),
      envelope({}, { 'detail-type': 'TodoCreated' }),
      { source: 'stratum.todo' },
    ],
  },
  {
    name: 'numbers compare by value, never with strings',
    pattern: { detail: { priority: [300] } },
    match: [
      envelope({ priority: 300 }),
      envelope(JSON.parse('{"priority": 300.0}')),
      envelope(JSON.parse('{"priority": 3.0e2}')),
    ],
    noMatch: [envelope({ priority: '300' }), envelope({ priority: 300.5 }), envelope({})],
  },
  {
    name: 'a string that looks like a number matches only that string',
    pattern: { detail: { code: ['42'] } },
    match: [envelope({ code: '42' })],
    noMatch: [envelope({ code: 42 }), envelope({ code: '042' })],
  },
  {
    name: 'booleans',
    pattern: { detail: { done: [true] } },
    match: [envelope({ done: true })],
    noMatch: [envelope({ done: false }), envelope({ done: 'true' }), envelope({ done: 1 })],
  },
  {
    name: 'null matches only null, not a missing field or an empty string',
    pattern: { detail: { assignee: [null] } },
    match: [envelope({ assignee: null })],
    noMatch: [envelope({}), envelope({ assignee: '' }), envelope({ assignee: 'ana' })],
  },
  {
    name: 'the empty string matches only the empty string',
    pattern: { detail: { note: [''] } },
    match: [envelope({ note: '' })],
    noMatch: [envelope({ note: null }), envelope({}), envelope({ note: ' ' })],
  },
  {
    name: 'field names are case-sensitive',
    pattern: { detail: { listId: ['inbox'] } },
    match: [envelope({ listId: 'inbox' })],
    noMatch: [envelope({ listid: 'inbox' }), envelope({ ListId: 'inbox' })],
  },
  {
    name: 'IP literals compare as addresses',
    pattern: { detail: { client: ['2001:db8::7', '192.0.2.10'] } },
    match: [envelope({ client: '2001:DB8:0:0:0:0:0:7' }), envelope({ client: '192.0.2.10' })],
    noMatch: [envelope({ client: '2001:db8::8' }), envelope({ client: '192.0.2.1' })],
  },
]);

describePatterns('array values in the event', [
  {
    name: 'matches when any element equals any pattern value',
    pattern: { resources: ['arn:aws:s3:::media/a.png', 'arn:aws:s3:::media/b.png'] },
    match: [
      envelope({}, { resources: ['arn:aws:s3:::other', 'arn:aws:s3:::media/b.png'] }),
      envelope({}, { resources: [['arn:aws:s3:::media/a.png']] }),
    ],
    noMatch: [envelope({}, { resources: [] }), envelope({}, { resources: ['arn:aws:s3:::media/c.png'] })],
  },
  {
    name: 'an empty event array holds no value, not even null',
    pattern: { resources: [null] },
    match: [envelope({}, { resources: [null, 'x'] })],
    noMatch: [envelope({}, { resources: [] })],
  },
  {
    name: 'mixed element types are compared one by one',
    pattern: { detail: { tags: [7, 'seven'] } },
    match: [envelope({ tags: ['x', 7] }), envelope({ tags: [false, 'seven'] })],
    noMatch: [envelope({ tags: ['7', { value: 7 }] })],
  },
]);

describePatterns('nested objects', [
  {
    name: 'every field of every level must match (AND)',
    pattern: {
      source: ['stratum.todo'],
      detail: { todo: { status: ['done'], list: { id: ['inbox'] } }, tenant: ['acme'] },
    },
    match: [envelope({ tenant: 'acme', todo: { status: 'done', title: 'x', list: { id: 'inbox' } } })],
    noMatch: [
      envelope({ tenant: 'acme', todo: { status: 'open', list: { id: 'inbox' } } }),
      envelope({ tenant: 'globex', todo: { status: 'done', list: { id: 'inbox' } } }),
      envelope({ tenant: 'acme', todo: { status: 'done' } }),
      envelope({ tenant: 'acme', todo: 'done' }),
      envelope(
        { tenant: 'acme', todo: { status: 'done', list: { id: 'inbox' } } },
        { source: 'stratum.users' },
      ),
    ],
  },
  {
    name: 'a value pattern does not match an object, and a nested pattern does not match a scalar',
    pattern: { detail: { owner: ['ana'], list: { id: ['inbox'] } } },
    match: [envelope({ owner: 'ana', list: { id: 'inbox' } })],
    noMatch: [
      envelope({ owner: { name: 'ana' }, list: { id: 'inbox' } }),
      envelope({ owner: 'ana', list: 'inbox' }),
    ],
  },
  {
    name: 'in an array of objects, one element must match the whole nested pattern',
    pattern: { detail: { items: { sku: ['A-1'], qty: [2] } } },
    match: [
      envelope({
        items: [
          { sku: 'B-9', qty: 2 },
          { sku: 'A-1', qty: 2 },
        ],
      }),
      envelope({ items: [[{ sku: 'C-3', qty: 1 }], [{ sku: 'A-1', qty: 2 }]] }),
      envelope({ items: { sku: 'A-1', qty: [1, 2] } }),
    ],
    noMatch: [
      envelope({
        items: [
          { sku: 'A-1', qty: 1 },
          { sku: 'B-9', qty: 2 },
        ],
      }),
      envelope({ items: [] }),
      envelope({ items: ['A-1', 2] }),
    ],
  },
  {
    name: 'keys containing dots are plain keys',
    pattern: { detail: { 'a.b': ['x'] } },
    match: [envelope({ 'a.b': 'x' })],
    noMatch: [envelope({ a: { b: 'y' } })],
  },
]);

describe('events that are not objects', () => {
  const rule = compilePattern({ source: ['stratum.todo'] });
  it.each([null, undefined, 'stratum.todo', 42, ['stratum.todo']])('does not match %j', (event) => {
    expect(matches(rule, event)).toBe(false);
  });
  it('reads only own properties of the event', () => {
    const inherited = Object.create({ source: 'stratum.todo' }) as object;
    expect(matches(rule, inherited)).toBe(false);
  });
});
