import { describePatterns, envelope } from './pattern-table.ts';

describePatterns('$or', [
  {
    name: 'at the top level, next to an AND field',
    pattern: {
      source: ['stratum.todo'],
      $or: [{ 'detail-type': ['TodoCompleted'] }, { detail: { priority: [{ numeric: ['>=', 3] }] } }],
    },
    match: [
      envelope({}, { 'detail-type': 'TodoCompleted' }),
      envelope({ priority: 4 }),
      envelope({ priority: 5 }, { 'detail-type': 'TodoCompleted' }),
    ],
    noMatch: [envelope({ priority: 2 }), envelope({ priority: 4 }, { source: 'stratum.users' })],
  },
  {
    name: 'inside a nested field',
    pattern: {
      detail: { $or: [{ state: ['done'] }, { progress: [{ numeric: ['=', 100] }] }], tenant: ['acme'] },
    },
    match: [envelope({ tenant: 'acme', state: 'done' }), envelope({ tenant: 'acme', progress: 100 })],
    noMatch: [
      envelope({ tenant: 'acme', state: 'open', progress: 50 }),
      envelope({ tenant: 'globex', state: 'done' }),
    ],
  },
  {
    name: 'a branch with several fields is an AND',
    pattern: {
      $or: [
        { detail: { kind: ['image'], width: [{ numeric: ['>', 1000] }] } },
        { detail: { kind: ['video'] } },
      ],
    },
    match: [envelope({ kind: 'image', width: 2048 }), envelope({ kind: 'video', width: 10 })],
    noMatch: [envelope({ kind: 'image', width: 800 }), envelope({ width: 2048 })],
  },
  {
    name: '$or nested inside a branch of $or',
    pattern: {
      source: ['stratum.media'],
      $or: [
        { detail: { status: ['FAILED'] } },
        {
          detail: {
            status: ['COMPLETE'],
            $or: [{ format: ['mp4'] }, { durationMs: [{ numeric: ['>', 60000] }] }],
          },
        },
      ],
    },
    match: [
      envelope({ status: 'FAILED' }, { source: 'stratum.media' }),
      envelope({ status: 'COMPLETE', format: 'mp4' }, { source: 'stratum.media' }),
      envelope({ status: 'COMPLETE', format: 'webm', durationMs: 90000 }, { source: 'stratum.media' }),
    ],
    noMatch: [
      envelope({ status: 'COMPLETE', format: 'webm', durationMs: 1000 }, { source: 'stratum.media' }),
      envelope({ status: 'PROGRESSING', format: 'mp4' }, { source: 'stratum.media' }),
    ],
  },
  {
    name: 'two $or at different levels must both hold',
    pattern: {
      $or: [{ source: ['stratum.todo'] }, { source: ['stratum.media'] }],
      detail: { $or: [{ urgent: [true] }, { overdue: [true] }] },
    },
    match: [envelope({ overdue: true }), envelope({ urgent: true }, { source: 'stratum.media' })],
    noMatch: [
      envelope({ urgent: false, overdue: false }),
      envelope({ urgent: true }, { source: 'stratum.users' }),
    ],
  },
  {
    name: 'with exists: false in a branch',
    pattern: { detail: { $or: [{ assignee: [{ exists: false }] }, { assignee: ['nobody'] }] } },
    match: [envelope({}), envelope({ assignee: 'nobody' })],
    noMatch: [envelope({ assignee: 'ana' }), envelope({ assignee: null })],
  },
  {
    name: 'in an array of objects, one element must satisfy the $or together with its siblings',
    pattern: {
      detail: { items: { sku: ['A-1'], $or: [{ qty: [{ numeric: ['>', 10] }] }, { gift: [true] }] } },
    },
    match: [
      envelope({
        items: [
          { sku: 'B-2', qty: 50 },
          { sku: 'A-1', gift: true },
        ],
      }),
    ],
    noMatch: [
      envelope({
        items: [
          { sku: 'B-2', qty: 50 },
          { sku: 'A-1', qty: 1 },
        ],
      }),
    ],
  },
]);
