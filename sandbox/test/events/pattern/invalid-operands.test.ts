import { describeInvalidPatterns } from './pattern-table.ts';

const within = (value: unknown) => ({ detail: { field: [value] } });
const AT = '$.detail.field[0]';

describeInvalidPatterns('numeric', [
  { name: 'a bare number', pattern: within({ numeric: 5 }), path: `${AT}.numeric`, reason: /takes an array/ },
  {
    name: 'an empty array',
    pattern: within({ numeric: [] }),
    path: `${AT}.numeric`,
    reason: /takes an array/,
  },
  {
    name: 'an unknown comparator',
    pattern: within({ numeric: ['!=', 1] }),
    path: `${AT}.numeric[0]`,
    reason: /=, <, <=/,
  },
  {
    name: 'a string bound',
    pattern: within({ numeric: ['>', '5'] }),
    path: `${AT}.numeric[1]`,
    reason: /JSON number/,
  },
  {
    name: 'a missing bound',
    pattern: within({ numeric: ['<'] }),
    path: `${AT}.numeric[1]`,
    reason: /got nothing/,
  },
  {
    name: 'two lower bounds',
    pattern: within({ numeric: ['>', 0, '>', 0] }),
    path: `${AT}.numeric[2]`,
    reason: /upper bound uses < or <=/,
  },
  {
    name: 'upper bound first',
    pattern: within({ numeric: ['<', 5, '>', 0] }),
    path: `${AT}.numeric`,
    reason: /lower bound first/,
  },
  {
    name: 'three elements',
    pattern: within({ numeric: ['>', 0, '<'] }),
    path: `${AT}.numeric`,
    reason: /2 or 4/,
  },
  {
    name: 'extra terms after =',
    pattern: within({ numeric: ['=', 1, 2] }),
    path: `${AT}.numeric`,
    reason: /one number/,
  },
  {
    name: 'a bound beyond 5e9',
    pattern: within({ numeric: ['>', 6e9] }),
    path: `${AT}.numeric[1]`,
    reason: /outside the comparable range/,
  },
  {
    name: 'more than six decimals',
    pattern: within({ numeric: ['=', 0.1234567] }),
    path: `${AT}.numeric[1]`,
    reason: /more than 6 decimal places/,
  },
  {
    name: 'an empty range',
    pattern: within({ numeric: ['>=', 5, '<', 5] }),
    path: `${AT}.numeric`,
    reason: /range is empty/,
  },
  {
    name: 'a bound at the limit',
    pattern: within({ numeric: ['>', 5e9] }),
    path: `${AT}.numeric`,
    reason: /empty/,
  },
]);

describeInvalidPatterns('anything-but', [
  {
    name: 'a list mixing strings and numbers',
    pattern: within({ 'anything-but': ['a', 1] }),
    path: `${AT}.anything-but`,
    reason: /only strings or only numbers/,
  },
  {
    name: 'null in the list',
    pattern: within({ 'anything-but': ['a', null] }),
    path: `${AT}.anything-but[1]`,
    reason: /strings or numbers/,
  },
  {
    name: 'a boolean',
    pattern: within({ 'anything-but': true }),
    path: `${AT}.anything-but`,
    reason: /strings/,
  },
  {
    name: 'an empty list',
    pattern: within({ 'anything-but': [] }),
    path: `${AT}.anything-but`,
    reason: /at least one/,
  },
  {
    name: 'a number beyond 5e9 (such as an account id)',
    pattern: within({ 'anything-but': 123456789012 }),
    path: `${AT}.anything-but`,
    reason: /comparable range/,
  },
  {
    name: 'a numeric prefix',
    pattern: within({ 'anything-but': { prefix: 123 } }),
    path: `${AT}.anything-but.prefix`,
    reason: /takes strings/,
  },
  {
    name: 'an empty prefix',
    pattern: within({ 'anything-but': { prefix: '' } }),
    path: `${AT}.anything-but.prefix`,
    reason: /must not be empty/,
  },
  {
    name: 'a number in a suffix list',
    pattern: within({ 'anything-but': { suffix: [1, '.txt'] } }),
    path: `${AT}.anything-but.suffix[0]`,
    reason: /takes strings/,
  },
  {
    name: 'a case-insensitive prefix (not supported under anything-but)',
    pattern: within({ 'anything-but': { prefix: { 'equals-ignore-case': 'x' } } }),
    path: `${AT}.anything-but.prefix`,
    reason: /takes strings/,
  },
  {
    name: 'a numeric equals-ignore-case',
    pattern: within({ 'anything-but': { 'equals-ignore-case': 123 } }),
    path: `${AT}.anything-but.equals-ignore-case`,
    reason: /takes strings/,
  },
  {
    name: 'an unsupported inner operator',
    pattern: within({ 'anything-but': { numeric: ['>', 1] } }),
    path: `${AT}.anything-but`,
    reason: /prefix, suffix, equals-ignore-case, wildcard/,
  },
  {
    name: 'an invalid inner wildcard',
    pattern: within({ 'anything-but': { wildcard: ['ok*', 'a**'] } }),
    path: `${AT}.anything-but.wildcard[1]`,
    reason: /consecutive/,
  },
]);

describeInvalidPatterns('cidr', [
  { name: 'no mask', pattern: within({ cidr: '10.0.0.1' }), path: `${AT}.cidr`, reason: /exactly one "\/"/ },
  {
    name: 'a non-integer mask',
    pattern: within({ cidr: '10.0.0.0/x' }),
    path: `${AT}.cidr`,
    reason: /integer/,
  },
  {
    name: 'a negative mask',
    pattern: within({ cidr: '10.0.0.0/-1' }),
    path: `${AT}.cidr`,
    reason: /negative/,
  },
  {
    name: 'not an address',
    pattern: within({ cidr: 'xx.11.xx/8' }),
    path: `${AT}.cidr`,
    reason: /not a standard/,
  },
  {
    name: 'a bad IPv6 address',
    pattern: within({ cidr: 'xxxx:db8::/64' }),
    path: `${AT}.cidr`,
    reason: /standard/,
  },
  {
    name: 'an octet above 255',
    pattern: within({ cidr: '10.0.0.256/24' }),
    path: `${AT}.cidr`,
    reason: /standard/,
  },
  { name: 'an IPv4 /32', pattern: within({ cidr: '10.0.0.1/32' }), path: `${AT}.cidr`, reason: /below 32/ },
  {
    name: 'an IPv6 /128',
    pattern: within({ cidr: '2001:db8::1/128' }),
    path: `${AT}.cidr`,
    reason: /below 128/,
  },
  { name: 'a list', pattern: within({ cidr: ['10.0.0.0/8'] }), path: `${AT}.cidr`, reason: /takes a string/ },
]);
