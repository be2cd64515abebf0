import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type StageTemplates, stageOf, synthesizeStages } from './stage-fixture.ts';

let dev: StageTemplates;
let prod: StageTemplates;
beforeAll(() => {
  const stages = synthesizeStages(['dev', 'prod']);
  dev = stageOf(stages, 'dev');
  prod = stageOf(stages, 'prod');
});

const managedRule = (name: string) =>
  Match.objectLike({
    Name: name,
    Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
    OverrideAction: { None: {} },
  });

describe('edge stack', () => {
  it('lives in us-east-1, next to the CLOUDFRONT web ACL', () => {
    expect(dev.stage.edge.region).toBe('us-east-1');
    expect(dev.stage.api.region).toBe('eu-west-1');
  });

  it('has a web ACL with the Common and Known-bad-inputs rule groups and a per-IP rate limit', () => {
    dev.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        managedRule('AWSManagedRulesCommonRuleSet'),
        managedRule('AWSManagedRulesKnownBadInputsRuleSet'),
        Match.objectLike({
          Statement: { RateBasedStatement: Match.objectLike({ Limit: 2000, AggregateKeyType: 'IP' }) },
          Action: { Block: {} },
        }),
      ],
    });
    prod.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: 5000 }) } }),
      ]),
    });
  });

  it('puts CloudFront in front of the API: no caching, all viewer headers but Host, HTTPS only, WAF', () => {
    dev.edge.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiWebAcl'), 'Arn'] },
        DefaultCacheBehavior: Match.objectLike({
          // Managed policies: CachingDisabled and AllViewerExceptHostHeader.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
          ViewerProtocolPolicy: 'https-only',
          AllowedMethods: Match.arrayWith(['GET', 'OPTIONS', 'POST']),
        }),
        Origins: [
          Match.objectLike({
            // The API's host name, read from the API stack's region through SSM.
            DomainName: { 'Fn::Select': [2, { 'Fn::Split': ['/', Match.anyValue()] }] },
            CustomOriginConfig: Match.objectLike({
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            }),
          }),
        ],
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('logs to a private, TLS-only bucket that accepts CloudFront’s log delivery', () => {
    dev.edge.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30, Status: 'Enabled' })] },
    });
    dev.edge.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});
