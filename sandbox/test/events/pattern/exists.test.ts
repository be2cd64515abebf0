import { describePatterns, envelope } from './pattern-table.ts';

describePatterns('exists: true', [
  {
    name: 'any leaf value counts, including null, false, 0 and ""',
    pattern: { detail: { dueAt: [{ exists: true }] } },
    match: [
      envelope({ dueAt: '2025-04-01' }),
      envelope({ dueAt: null }),
      envelope({ dueAt: false }),
      envelope({ dueAt: 0 }),
      envelope({ dueAt: '' }),
      envelope({ dueAt: ['a'] }),
    ],
    noMatch: [
      envelope({}),
      envelope({ dueAt: [] }),
      envelope({ dueAt: { at: '2025-04-01' } }),
      envelope(null),
    ],
  },
  {
    name: 'an empty top-level array does not exist',
    pattern: { resources: [{ exists: true }] },
    match: [envelope({}, { resources: ['arn:aws:s3:::media'] })],
    noMatch: [envelope({}, { resources: [] })],
  },
]);

describePatterns('exists: false', [
  {
    name: 'a missing field, or one without a leaf value',
    pattern: { detail: { deletedAt: [{ exists: false }] } },
    match: [
      envelope({}),
      envelope({ deletedAt: [] }),
      envelope({ deletedAt: { at: 'x' } }),
      envelope('plain'),
    ],
    noMatch: [envelope({ deletedAt: null }), envelope({ deletedAt: '' }), envelope({ deletedAt: 0 })],
  },
  {
    name: 'deep paths: a missing or scalar parent means the leaf is missing',
    pattern: { detail: { a: { b: { c: [{ exists: false }] } } } },
    match: [envelope({}), envelope({ a: 'text' }), envelope({ a: { b: { d: 1 } } }), { source: 'x' }],
    noMatch: [envelope({ a: { b: { c: 'here' } } }), envelope({ a: [{ b: { c: 1 } }] })],
  },
  {
    name: 'combined with other fields',
    pattern: { source: ['stratum.todo'], detail: { archived: [{ exists: false }], state: ['done'] } },
    match: [envelope({ state: 'done' })],
    noMatch: [envelope({ state: 'done', archived: true }), envelope({ state: 'open' })],
  },
  {
    name: 'an array holding no object has no nested fields',
    pattern: { detail: { items: { sku: [{ exists: false }] } } },
    match: [envelope({ items: [] }), envelope({ items: ['A-1', ['B-2']] })],
    noMatch: [envelope({ items: [{ sku: 'A-1' }] }), envelope({ items: ['x', { sku: null }] })],
  },
  {
    name: 'in an array of objects, one element without the field is enough',
    pattern: { detail: { items: { sku: ['A-1'], discount: [{ exists: false }] } } },
    match: [envelope({ items: [{ sku: 'A-1', discount: 5 }, { sku: 'A-1' }] })],
    noMatch: [envelope({ items: [{ sku: 'A-1', discount: 5 }, { sku: 'B-2' }] })],
  },
]);
