import { describePatterns, envelope } from './pattern-table.ts';

describePatterns('anything-but with values', [
  {
    name: 'a single string',
    pattern: { detail: { state: [{ 'anything-but': 'archived' }] } },
    match: [envelope({ state: 'open' }), envelope({ state: 'ARCHIVED' }), envelope({ state: 7 })],
    noMatch: [envelope({ state: 'archived' })],
  },
  {
    name: 'a missing field never matches, a null value does',
    pattern: { detail: { state: [{ 'anything-but': 'archived' }] } },
    match: [envelope({ state: null })],
    noMatch: [envelope({}), envelope({ state: { name: 'open' } }), envelope({ state: [] })],
  },
  {
    name: 'a single number, compared by value',
    pattern: { detail: { limit: [{ 'anything-but': 0 }] } },
    match: [envelope({ limit: 789 }), envelope({ limit: -0.5 }), envelope({ limit: '0' })],
    noMatch: [envelope({ limit: 0 }), envelope(JSON.parse('{"limit": 0.0}'))],
  },
  {
    name: 'a list of strings',
    pattern: { detail: { state: [{ 'anything-but': ['archived', 'deleted'] }] } },
    match: [envelope({ state: 'open' })],
    noMatch: [envelope({ state: 'deleted' }), envelope({ state: 'archived' })],
  },
  {
    name: 'a list of numbers',
    pattern: { detail: { code: [{ 'anything-but': [100, 200, 300] }] } },
    match: [envelope({ code: 999 }), envelope({ code: 300.5 })],
    noMatch: [envelope({ code: 200 }), envelope(JSON.parse('{"code": 3.0e2}'))],
  },
  {
    name: 'an event array matches when any element is not excluded',
    pattern: { detail: { tags: [{ 'anything-but': 'spam' }] } },
    match: [envelope({ tags: ['spam', 'work'] })],
    noMatch: [envelope({ tags: ['spam'] }), envelope({ tags: ['spam', ['spam']] })],
  },
]);

describePatterns('anything-but with an operator', [
  {
    name: 'prefix',
    pattern: { detail: { region: [{ 'anything-but': { prefix: 'us-' } }] } },
    match: [envelope({ region: 'eu-west-1' }), envelope({ region: 'US-east-1' }), envelope({ region: 12 })],
    noMatch: [envelope({ region: 'us-east-1' }), envelope({})],
  },
  {
    name: 'a list of prefixes',
    pattern: { detail: { region: [{ 'anything-but': { prefix: ['us-', 'ca-'] } }] } },
    match: [envelope({ region: 'eu-west-1' })],
    noMatch: [envelope({ region: 'us-east-1' }), envelope({ region: 'ca-central-1' })],
  },
  {
    name: 'suffix',
    pattern: { detail: { key: [{ 'anything-but': { suffix: '.tmp' } }] } },
    match: [envelope({ key: 'a.png' }), envelope({ key: 'a.TMP' }), envelope({ key: null })],
    noMatch: [envelope({ key: 'upload.tmp' }), envelope({})],
  },
  {
    name: 'equals-ignore-case',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['archived', 'Deleted'] } }] } },
    match: [envelope({ state: 'open' }), envelope({ state: 1 })],
    noMatch: [envelope({ state: 'ARCHIVED' }), envelope({ state: 'deleted' })],
  },
  {
    name: 'wildcard',
    pattern: { detail: { path: [{ 'anything-but': { wildcard: '*/node_modules/*' } }] } },
    match: [envelope({ path: 'src/app.ts' }), envelope({ path: 'node_modules/x' })],
    noMatch: [envelope({ path: 'web/node_modules/react/index.js' })],
  },
  {
    name: 'a list of wildcards',
    pattern: { detail: { path: [{ 'anything-but': { wildcard: ['*.log', 'tmp/*'] } }] } },
    match: [envelope({ path: 'src/app.ts' })],
    noMatch: [envelope({ path: 'server.log' }), envelope({ path: 'tmp/upload' })],
  },
  {
    name: 'an empty wildcard excludes only the empty string',
    pattern: { detail: { path: [{ 'anything-but': { wildcard: '' } }] } },
    match: [envelope({ path: 'dir/file' })],
    noMatch: [envelope({ path: '' })],
  },
]);

describePatterns('anything-but next to exists: false', [
  {
    name: 'a missing field passes exists: false even though anything-but fails',
    pattern: { dynamodb: { NewImage: { color: { S: [{ 'anything-but': ['red'] }, { exists: false }] } } } },
    match: [
      { dynamodb: { NewImage: { size: { N: '3' } } } },
      { dynamodb: { NewImage: { color: { S: 'blue' } } } },
    ],
    noMatch: [{ dynamodb: { NewImage: { color: { S: 'red' } } } }],
  },
]);
