import { describePatterns, envelope } from './pattern-table.ts';

const from = (ip: unknown) => envelope({ sourceIp: ip });

describePatterns('cidr', [
  {
    name: 'IPv4 /24, both ends inclusive',
    pattern: { detail: { sourceIp: [{ cidr: '10.0.0.0/24' }] } },
    match: [from('10.0.0.0'), from('10.0.0.33'), from('10.0.0.255')],
    noMatch: [
      from('10.0.1.0'),
      from('9.255.255.255'),
      from('10.0.0.256'),
      from('10.0.0'),
      from('host.local'),
    ],
  },
  {
    name: 'IPv4 /8 and /0',
    pattern: { detail: { sourceIp: [{ cidr: '172.0.0.0/8' }, { cidr: '0.0.0.0/0' }] } },
    match: [from('172.31.4.5'), from('8.8.8.8'), from('255.255.255.255')],
    noMatch: [from('::1'), from(172), from(null)],
  },
  {
    name: 'IPv4 /31',
    pattern: { detail: { sourceIp: [{ cidr: '192.0.2.6/31' }] } },
    match: [from('192.0.2.6'), from('192.0.2.7')],
    noMatch: [from('192.0.2.5'), from('192.0.2.8')],
  },
  {
    name: 'the range starts at the address as written, as in EventBridge',
    pattern: { detail: { sourceIp: [{ cidr: '10.0.0.100/24' }] } },
    match: [from('10.0.0.100'), from('10.0.0.255')],
    noMatch: [from('10.0.0.99'), from('10.0.0.0')],
  },
  {
    name: 'IPv6 /32, any spelling of the address',
    pattern: { detail: { sourceIp: [{ cidr: '2001:db8::/32' }] } },
    match: [
      from('2001:db8::1'),
      from('2001:0DB8:0000:0000:0000:0000:0000:0001'),
      from('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'),
    ],
    noMatch: [from('2001:db9::'), from('2001:db8'), from('2001:db8:::1'), from('10.0.0.1')],
  },
  {
    name: 'IPv6 /64',
    pattern: { detail: { sourceIp: [{ cidr: '2001:db8:1234:1a00::/64' }] } },
    match: [from('2001:db8:1234:1a00::7'), from('2001:db8:1234:1a00:ffff:ffff:ffff:ffff')],
    noMatch: [from('2001:db8:1234:1a01::'), from('::')],
  },
  {
    name: 'matches any address of an array',
    pattern: { detail: { sourceIp: [{ cidr: '192.168.0.0/16' }] } },
    match: [from(['8.8.8.8', '192.168.10.1'])],
    noMatch: [from(['8.8.8.8']), from([])],
  },
]);
