import { afterAll, describe, expect, it } from 'vitest';
import {
  CloudFrontDefinitionError,
  CloudFrontEmulator,
  EdgeFunctionError,
  MAX_FUNCTION_CODE_BYTES,
  UnknownCloudFrontResourceError,
} from '../../src/cloudfront/index.ts';
import { create } from './fixtures.ts';

const origin = { Id: 'Web', DomainName: 'web.s3.us-east-1.amazonaws.com', S3OriginConfig: {} };
const behaviour = { TargetOriginId: 'Web', ViewerProtocolPolicy: 'allow-all' };
const distribution = (config: Record<string, unknown>) => ({
  DistributionConfig: { Enabled: true, Origins: [origin], DefaultCacheBehavior: behaviour, ...config },
});

describe('CloudFrontEmulator: definitions', () => {
  const emulator = new CloudFrontEmulator({ s3: { getObject: async () => undefined } });
  afterAll(() => emulator.close());

  it('lists every problem of a distribution in one error', async () => {
    const failure = create(
      emulator,
      'AWS::CloudFront::Distribution',
      'Bad',
      distribution({
        CacheBehaviors: [
          { ...behaviour, PathPattern: '/a/*', TargetOriginId: 'Nope' },
          { ...behaviour, PathPattern: '/b/*', AllowedMethods: ['GET', 'POST'] },
          { ...behaviour, PathPattern: '/c/*', TrustedKeyGroups: ['kg'] },
        ],
        OriginGroups: { Quantity: 1, Items: [{ Id: 'g' }] },
      }),
    );
    await expect(failure).rejects.toBeInstanceOf(CloudFrontDefinitionError);
    await expect(failure).rejects.toThrow(
      /OriginGroups.*CacheBehaviors\.0\.TargetOriginId: no origin "Nope".*CacheBehaviors\.1\.AllowedMethods.*CacheBehaviors\.2: signed URLs/s,
    );
  });

  it('refuses an origin that is neither an S3 bucket domain nor a custom origin', async () => {
    const failure = create(emulator, 'AWS::CloudFront::Distribution', 'BadOrigin', {
      DistributionConfig: {
        Enabled: true,
        Origins: [{ Id: 'Web', DomainName: 'example.com', S3OriginConfig: {} }],
        DefaultCacheBehavior: behaviour,
      },
    });
    await expect(failure).rejects.toThrow(/not an S3 bucket domain/);
  });

  it('refuses policy and function references that do not exist, naming the known ones', async () => {
    await expect(
      create(emulator, 'AWS::CloudFront::Distribution', 'NoPolicy', {
        DistributionConfig: {
          Enabled: true,
          Origins: [origin],
          DefaultCacheBehavior: { ...behaviour, ResponseHeadersPolicyId: 'nope' },
        },
      }),
    ).rejects.toThrow(UnknownCloudFrontResourceError);
    await expect(
      create(emulator, 'AWS::CloudFront::Distribution', 'NoFunction', {
        DistributionConfig: {
          Enabled: true,
          Origins: [origin],
          DefaultCacheBehavior: {
            ...behaviour,
            FunctionAssociations: [
              { EventType: 'viewer-request', FunctionARN: 'arn:aws:cloudfront::000000000000:function/x' },
            ],
          },
        },
      }),
    ).rejects.toThrow(/unknown CloudFront function/);
  });

  it('refuses functions CloudFront would not publish', async () => {
    const fn = (code: string) =>
      create(emulator, 'AWS::CloudFront::Function', 'Fn', {
        Name: 'fn',
        FunctionCode: code,
        FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' },
      });
    await expect(fn('function handler(event) { return event.request')).rejects.toBeInstanceOf(
      EdgeFunctionError,
    );
    await expect(fn(`// ${'x'.repeat(MAX_FUNCTION_CODE_BYTES)}`)).rejects.toThrow(/CloudFront allows 10240/);
    const ok = await fn('function handler(event) { return event.request; }');
    expect(ok.physicalId).toBe('arn:aws:cloudfront::000000000000:function/fn');
    expect(ok.attributes).toMatchObject({ FunctionARN: ok.physicalId, Stage: 'DEVELOPMENT' });
  });

  it('gives stable, CloudFront-shaped ids', async () => {
    const first = await create(emulator, 'AWS::CloudFront::CachePolicy', 'Cache', {
      CachePolicyConfig: { Name: 'c' },
    });
    const again = await create(emulator, 'AWS::CloudFront::CachePolicy', 'Cache', {
      CachePolicyConfig: { Name: 'c' },
    });
    expect(first.physicalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(again.physicalId).toBe(first.physicalId);
  });
});
