import { describePatterns, envelope } from './pattern-table.ts';

const count = (value: unknown) => envelope({ count: value });

describePatterns('numeric', [
  {
    name: '= compares by value',
    pattern: { detail: { count: [{ numeric: ['=', 301.8] }] } },
    match: [count(301.8), envelope(JSON.parse('{"count": 3.018e2}'))],
    noMatch: [count(301.80001), count('301.8'), count(301)],
  },
  {
    name: '< is exclusive',
    pattern: { detail: { count: [{ numeric: ['<', 10] }] } },
    match: [count(9.999999), count(-4), count(0)],
    noMatch: [count(10), count(10.5)],
  },
  {
    name: '<= is inclusive',
    pattern: { detail: { count: [{ numeric: ['<=', 10] }] } },
    match: [count(10), count(-10)],
    noMatch: [count(10.000001)],
  },
  {
    name: '> is exclusive',
    pattern: { detail: { count: [{ numeric: ['>', 100] }] } },
    match: [envelope(JSON.parse('{"count": 101.0}')), count(100.000001)],
    noMatch: [count(100), count(-101)],
  },
  {
    name: '>= is inclusive',
    pattern: { detail: { count: [{ numeric: ['>=', -2.5] }] } },
    match: [count(-2.5), count(0)],
    noMatch: [count(-2.500001), count(-3)],
  },
  {
    name: 'a range (> 0, <= 5)',
    pattern: { detail: { count: [{ numeric: ['>', 0, '<=', 5] }] } },
    match: [count(5), count(0.000001), count(3)],
    noMatch: [count(0), count(5.000001), count(-1)],
  },
  {
    name: 'a range (>= -10, < -1) over negative numbers',
    pattern: { detail: { count: [{ numeric: ['>=', -10, '<', -1] }] } },
    match: [count(-10), count(-1.5)],
    noMatch: [count(-1), count(-10.1), count(1)],
  },
  {
    name: 'only JSON numbers compare',
    pattern: { detail: { count: [{ numeric: ['>', 0] }] } },
    match: [count([-1, 'x', 2])],
    noMatch: [count('5'), count(null), count(true), count({ value: 5 }), envelope({})],
  },
  {
    name: 'event values beyond ±5e9 never compare',
    pattern: { detail: { count: [{ numeric: ['>', 0] }] } },
    match: [count(5e9)],
    noMatch: [count(5000000001), count(1e300)],
  },
  {
    name: 'alternatives: below 0 or above 100',
    pattern: { detail: { count: [{ numeric: ['<', 0] }, { numeric: ['>', 100] }] } },
    match: [count(-1), count(101)],
    noMatch: [count(0), count(50), count(100)],
  },
  {
    name: 'AND across fields (documented complex example)',
    pattern: {
      time: [{ prefix: '2025-03-14' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    },
    match: [envelope({ state: 'processing', 'c-count': 3, 'd-count': 9, 'x-limit': 999 })],
    noMatch: [
      envelope(
        { state: 'processing', 'c-count': 3, 'd-count': 9, 'x-limit': 999 },
        { time: '2017-10-02T00:00:00Z' },
      ),
      envelope({ state: 'processing', 'c-count': 3, 'd-count': 9, 'x-limit': 200 }),
      envelope({ state: 'processing', 'c-count': 6, 'd-count': 9, 'x-limit': 999 }),
    ],
  },
]);
