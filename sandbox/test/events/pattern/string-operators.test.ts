import { describePatterns, envelope } from './pattern-table.ts';

describePatterns('prefix', [
  {
    name: 'case-sensitive prefix of a string value',
    pattern: { time: [{ prefix: '2025-03-14' }] },
    match: [envelope({}), envelope({}, { time: '2025-03-14' })],
    noMatch: [envelope({}, { time: '2025-03-15T00:00:00Z' }), envelope({}, { time: ' 2025-03-14' })],
  },
  {
    name: 'ignoring case',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'StratUM' } }] } },
    match: [
      envelope({ service: 'stratum-todo' }),
      envelope({ service: 'STRATUM' }),
      envelope({ service: 'StRaTuMx' }),
    ],
    noMatch: [envelope({ service: 'my-stratum' }), envelope({ service: 'strat' })],
  },
  {
    name: 'only strings have a prefix',
    pattern: { detail: { code: [{ prefix: '12' }] } },
    match: [envelope({ code: '123' }), envelope({ code: [123, '129'] })],
    noMatch: [envelope({ code: 123 }), envelope({ code: null }), envelope({})],
  },
]);

describePatterns('suffix', [
  {
    name: 'case-sensitive suffix',
    pattern: { detail: { key: [{ suffix: '.png' }, { suffix: '.jpg' }] } },
    match: [envelope({ key: 'uploads/cat.png' }), envelope({ key: '.jpg' })],
    noMatch: [envelope({ key: 'uploads/cat.PNG' }), envelope({ key: 'uploads/cat.png.txt' })],
  },
  {
    name: 'ignoring case',
    pattern: { detail: { key: [{ suffix: { 'equals-ignore-case': '.Png' } }] } },
    match: [envelope({ key: 'a.PNG' }), envelope({ key: 'b.png' })],
    noMatch: [envelope({ key: 'c.pn' }), envelope({ key: 'png' })],
  },
]);

describePatterns('equals-ignore-case', [
  {
    name: 'whole value, any casing',
    pattern: { 'detail-type': [{ 'equals-ignore-case': 'todoupdated' }] },
    match: [envelope({}), envelope({}, { 'detail-type': 'TODOUPDATED' })],
    noMatch: [
      envelope({}, { 'detail-type': 'TodoUpdated2' }),
      envelope({}, { 'detail-type': 'Todo Updated' }),
    ],
  },
  {
    name: 'the empty string equals only the empty string',
    pattern: { detail: { note: [{ 'equals-ignore-case': '' }] } },
    match: [envelope({ note: '' })],
    noMatch: [envelope({ note: ' ' }), envelope({ note: null }), envelope({})],
  },
]);

describePatterns('wildcard', [
  {
    name: 'a star in the middle stands for any run of characters',
    pattern: { detail: { arn: [{ wildcard: 'arn:aws:events:eu-west-1:*:event-bus/stratum' }] } },
    match: [
      envelope({ arn: 'arn:aws:events:eu-west-1:123456789012:event-bus/stratum' }),
      envelope({ arn: 'arn:aws:events:eu-west-1::event-bus/stratum' }),
    ],
    noMatch: [
      envelope({ arn: 'arn:aws:events:us-east-1:123456789012:event-bus/stratum' }),
      envelope({ arn: 'arn:aws:events:eu-west-1:123456789012:event-bus/stratum-dev' }),
    ],
  },
  {
    name: 'several stars, leading and trailing',
    pattern: { detail: { path: [{ wildcard: '*/media/*/thumb-*' }] } },
    match: [
      envelope({ path: 'tenants/acme/media/42/thumb-small.webp' }),
      envelope({ path: '/media//thumb-' }),
    ],
    noMatch: [
      envelope({ path: 'tenants/acme/media/42/original.png' }),
      envelope({ path: 'media/42/thumb-x' }),
    ],
  },
  {
    name: 'pieces must appear in order without overlapping',
    pattern: { detail: { word: [{ wildcard: 'ab*ba' }] } },
    match: [envelope({ word: 'abba' }), envelope({ word: 'ab-ba' })],
    noMatch: [envelope({ word: 'aba' }), envelope({ word: 'ab' })],
  },
  {
    name: 'a middle piece may not reuse characters of the last piece',
    pattern: { detail: { word: [{ wildcard: 'a*b*bc' }] } },
    match: [envelope({ word: 'abbc' }), envelope({ word: 'a-b-bc' })],
    noMatch: [envelope({ word: 'abc' }), envelope({ word: 'a-bc' })],
  },
  {
    name: 'an escaped star is a literal star, an escaped backslash a literal backslash',
    pattern: { detail: { label: [{ wildcard: 'rating \\*\\*\\* by *' }, { wildcard: 'C:\\\\tmp\\\\*' }] } },
    match: [envelope({ label: 'rating *** by ana' }), envelope({ label: 'C:\\tmp\\x.txt' })],
    noMatch: [envelope({ label: 'rating 555 by ana' }), envelope({ label: 'C:tmpx.txt' })],
  },
  {
    name: 'without a star it is an exact match',
    pattern: { detail: { state: [{ wildcard: 'done' }] } },
    match: [envelope({ state: 'done' })],
    noMatch: [envelope({ state: 'done!' }), envelope({ state: 'Done' })],
  },
  {
    name: 'only strings match a wildcard',
    pattern: { detail: { n: [{ wildcard: '*' }] } },
    match: [envelope({ n: '' }), envelope({ n: 'anything' })],
    noMatch: [envelope({ n: 1 }), envelope({ n: null }), envelope({ n: true }), envelope({})],
  },
]);
