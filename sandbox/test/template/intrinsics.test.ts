// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub strings are written with ${...}
import { describe, expect, it } from 'vitest';
import { IntrinsicError, LOCAL_BOOTSTRAP_VERSION, stackIdOf } from '../../src/template/index.ts';
import { resolveProperties, resolveValue } from './inline-stack.ts';

const bucket = { Bucket: { Type: 'Test::Thing', Properties: { Name: 'media' } } };

describe('Ref', () => {
  it('gives a resource its physical id and a parameter its value or Default', async () => {
    const template = {
      Resources: bucket,
      Parameters: {
        Size: { Type: 'Number', Default: 3 },
        Zones: { Type: 'CommaDelimitedList', Default: 'a, b' },
      },
    };
    expect(await resolveValue([{ Ref: 'Bucket' }, { Ref: 'Size' }, { Ref: 'Zones' }], template)).toEqual([
      'Bucket-id',
      '3',
      ['a', 'b'],
    ]);
  });

  it('reads CDK BootstrapVersion from SSM as the local bootstrap version', async () => {
    const template = {
      Parameters: {
        BootstrapVersion: {
          Type: 'AWS::SSM::Parameter::Value<String>',
          Default: '/cdk-bootstrap/hnb659fds/version',
        },
      },
    };
    expect(await resolveValue({ Ref: 'BootstrapVersion' }, template)).toBe(LOCAL_BOOTSTRAP_VERSION);
  });

  it('answers every pseudo parameter', async () => {
    const names = ['AccountId', 'Region', 'Partition', 'URLSuffix', 'StackName', 'StackId'];
    const value = await resolveValue(names.map((name) => ({ Ref: `AWS::${name}` })));
    const stackId = stackIdOf({ stackName: 'test-stack', accountId: '123456789012', region: 'eu-west-1' });
    expect(value).toEqual(['123456789012', 'eu-west-1', 'aws', 'amazonaws.com', 'test-stack', stackId]);
    expect(stackId).toMatch(
      /^arn:aws:cloudformation:eu-west-1:123456789012:stack\/test-stack\/[0-9a-f-]{36}$/,
    );
  });

  it('removes keys and list elements that are AWS::NoValue, at any depth', async () => {
    const properties = await resolveProperties({
      Gone: { Ref: 'AWS::NoValue' },
      Kept: 'yes',
      List: ['a', { Ref: 'AWS::NoValue' }, 'b'],
      Nested: { Deep: [{ Inner: { Ref: 'AWS::NoValue' }, Other: 1 }] },
    });
    expect(properties).toEqual({ Kept: 'yes', List: ['a', 'b'], Nested: { Deep: [{ Other: 1 }] } });
  });
});

describe('Fn::GetAtt', () => {
  it('reads attributes in the array and the dotted string form', async () => {
    const value = await resolveValue(
      [
        { 'Fn::GetAtt': ['Bucket', 'Arn'] },
        { 'Fn::GetAtt': 'Bucket.Endpoint.Address' },
        { 'Fn::GetAtt': ['Bucket', 'Name'] },
      ],
      { Resources: bucket },
    );
    expect(value).toEqual(['arn:aws:test:::Bucket', 'Bucket.local', 'media']);
  });

  it('names the resource, the attribute and what exists when the attribute is unknown', async () => {
    const failure = resolveValue({ 'Fn::GetAtt': ['Bucket', 'Nope'] }, { Resources: bucket });
    await expect(failure).rejects.toThrow(
      /Outputs\.Result\.Value\.Fn::GetAtt: Bucket \(Test::Thing\) has no attribute "Nope" \(it has: Arn, Endpoint\.Address, Name\)/,
    );
  });
});

describe('Fn::Sub', () => {
  it('substitutes resources, attributes, pseudo parameters and keeps ${!escaped} literal', async () => {
    const value = await resolveValue(
      { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/${Bucket.Arn}/${!Literal}-${ AWS::Region }' },
      { Resources: bucket },
    );
    expect(value).toBe('arn:aws:s3:::Bucket-id/arn:aws:test:::Bucket/${Literal}-eu-west-1');
  });

  it('uses a variables map whose values are themselves intrinsics', async () => {
    const value = await resolveValue(
      {
        'Fn::Sub': [
          '${Name}.${Domain}:${Bucket}',
          { Name: { Ref: 'Bucket' }, Domain: { 'Fn::Join': ['.', ['example', 'com']] } },
        ],
      },
      { Resources: bucket },
    );
    expect(value).toBe('Bucket-id.example.com:Bucket-id');
  });

  it('refuses a variable that is a list', async () => {
    const failure = resolveValue({ 'Fn::Sub': ['x${List}', { List: ['a'] }] });
    await expect(failure).rejects.toThrow(/Fn::Sub expects a string value for \$\{List\}, got a list of 1/);
  });
});

describe('list and string functions', () => {
  it('joins, splits and selects, nested in each other', async () => {
    const split = { 'Fn::Split': ['/', 'https://api.example.com/graphql'] };
    expect(await resolveValue({ 'Fn::Select': [2, split] })).toBe('api.example.com');
    expect(await resolveValue({ 'Fn::Select': ['0', { 'Fn::GetAZs': '' }] })).toBe('eu-west-1a');
    expect(
      await resolveValue({ 'Fn::Join': ['-', [{ 'Fn::Select': [3, split] }, { Ref: 'AWS::Region' }, 7]] }),
    ).toBe('graphql-eu-west-1-7');
    expect(await resolveValue({ 'Fn::GetAZs': 'us-east-1' })).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
  });

  it('fails on an out-of-range Fn::Select with the list and the path', async () => {
    const failure = resolveProperties({ Pick: { 'Fn::Select': [3, ['a', 'b']] } });
    await expect(failure).rejects.toThrow(
      /Resources\.Subject\.Properties\.Pick\.Fn::Select: Fn::Select index 3 is out of range for a list of 2/,
    );
  });

  it('encodes Base64, counts with Fn::Length and serializes with Fn::ToJsonString', async () => {
    expect(await resolveValue({ 'Fn::Base64': { 'Fn::Sub': '#!/bin/sh ${AWS::Region}' } })).toBe(
      Buffer.from('#!/bin/sh eu-west-1').toString('base64'),
    );
    expect(await resolveValue({ 'Fn::Length': ['a', { Ref: 'AWS::NoValue' }, 'c'] })).toBe(2);
    expect(
      await resolveValue({
        'Fn::ToJsonString': { Region: { Ref: 'AWS::Region' }, Gone: { Ref: 'AWS::NoValue' } },
      }),
    ).toBe('{"Region":"eu-west-1"}');
  });
});

describe('Fn::FindInMap', () => {
  const Mappings = { Sizes: { 'eu-west-1': { Memory: 512 }, 'us-east-1': { Memory: 1024 } } };

  it('looks up keys that are intrinsics', async () => {
    expect(
      await resolveValue({ 'Fn::FindInMap': ['Sizes', { Ref: 'AWS::Region' }, 'Memory'] }, { Mappings }),
    ).toBe(512);
  });

  it('names the missing key and what the map has, unless a DefaultValue is given', async () => {
    await expect(
      resolveValue({ 'Fn::FindInMap': ['Sizes', 'ap-south-1', 'Memory'] }, { Mappings }),
    ).rejects.toThrow(/mapping "Sizes" has no key "ap-south-1" \(it has: eu-west-1, us-east-1\)/);
    await expect(resolveValue({ 'Fn::FindInMap': ['Nope', 'a', 'b'] }, { Mappings })).rejects.toThrow(
      /mapping "Nope" is not declared/,
    );
    const withDefault = {
      'Fn::FindInMap': ['Sizes', 'ap-south-1', 'Memory', { DefaultValue: { Ref: 'AWS::Region' } }],
    };
    expect(await resolveValue(withDefault, { Mappings })).toBe('eu-west-1');
  });
});

describe('unsupported functions', () => {
  it('names the function and its path', async () => {
    const failure = resolveProperties({ Block: { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] } });
    await expect(failure).rejects.toBeInstanceOf(IntrinsicError);
    await expect(failure).rejects.toThrow(
      'Resources.Subject.Properties.Block.Fn::Cidr: the sandbox does not support the intrinsic function Fn::Cidr',
    );
  });

  it('refuses condition functions outside Conditions', async () => {
    await expect(resolveValue({ 'Fn::Equals': ['a', 'a'] })).rejects.toThrow(
      /condition functions belong in Conditions or Rules/,
    );
  });
});
