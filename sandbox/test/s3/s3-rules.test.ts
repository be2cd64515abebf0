import { describe, expect, it } from 'vitest';
import { S3DefinitionError, S3Refusal } from '../../src/s3/errors.ts';
import { destinationsFor, fromApi, fromCloudFormation } from '../../src/s3/notification-configuration.ts';
import { checkPostPolicy, parsePostPolicy } from '../../src/s3/post-policy.ts';
import { eventKey } from '../../src/s3/s3-event.ts';
import { syncFilter } from '../../src/s3/sync-filters.ts';

const encode = (document: unknown) => Buffer.from(JSON.stringify(document)).toString('base64');
const NOW = new Date('2025-06-01T12:00:00Z');

function refusalOf(run: () => void): S3Refusal | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof S3Refusal) return error;
    throw error;
  }
  return undefined;
}

describe('POST policy rules', () => {
  const policy = parsePostPolicy(
    encode({
      expiration: '2025-06-01T13:00:00Z',
      conditions: [{ bucket: 'media' }, ['starts-with', '$Content-Type', 'image/'], ['eq', '$key', 'a.png']],
    }),
  );

  it('checks field names case-insensitively, every Content-Type of a list, and lets x-ignore-* through', () => {
    const fields = new Map([
      ['content-type', 'image/png, image/jpeg'],
      ['key', 'a.png'],
      ['x-ignore-trace', '1'],
    ]);
    expect(refusalOf(() => checkPostPolicy(policy, fields, 'media', NOW))).toBeUndefined();
    const mixed = new Map([...fields, ['content-type', 'image/png, text/html']]);
    expect(refusalOf(() => checkPostPolicy(policy, mixed, 'media', NOW))?.message).toBe(
      'Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "image/"]',
    );
  });

  it('checks the bucket of the URL against the bucket condition', () => {
    const fields = new Map([
      ['content-type', 'image/png'],
      ['key', 'a.png'],
    ]);
    expect(refusalOf(() => checkPostPolicy(policy, fields, 'other', NOW))?.message).toBe(
      'Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "media"]',
    );
  });

  it('refuses malformed policies with InvalidPolicyDocument', () => {
    expect(refusalOf(() => parsePostPolicy('not json'))?.code).toBe('InvalidPolicyDocument');
    expect(refusalOf(() => parsePostPolicy(encode({ expiration: 'soon', conditions: [] })))?.code).toBe(
      'InvalidPolicyDocument',
    );
    expect(
      refusalOf(() =>
        parsePostPolicy(encode({ expiration: '2030-01-01T00:00:00Z', conditions: [['in', '$k', 'v']] })),
      )?.code,
    ).toBe('InvalidPolicyDocument');
  });
});

describe('notification configuration', () => {
  it('reads both shapes and selects destinations by event type, prefix and suffix', () => {
    const cfn = fromCloudFormation(
      {
        LambdaConfigurations: [
          {
            Event: 's3:ObjectCreated:Put',
            Function: 'arn:aws:lambda:eu-west-1:1:function:f',
            Filter: { S3Key: { Rules: [{ Name: 'suffix', Value: '.png' }] } },
          },
        ],
      },
      'B',
    );
    expect(destinationsFor(cfn, 'ObjectCreated:Put', 'a.png')).toHaveLength(1);
    expect(destinationsFor(cfn, 'ObjectCreated:Post', 'a.png')).toHaveLength(0);
    expect(destinationsFor(cfn, 'ObjectCreated:Put', 'a.jpg')).toHaveLength(0);
    const api = fromApi(
      {
        QueueConfigurations: [{ Events: ['s3:ObjectRemoved:*'], QueueArn: 'arn:aws:sqs:eu-west-1:1:q' }],
        EventBridgeConfiguration: {},
      },
      'B',
    );
    expect(api.eventBridge).toBe(true);
    expect(destinationsFor(api, 'ObjectRemoved:Delete', 'x')[0]?.kind).toBe('sqs');
  });

  it('refuses overlapping configurations and unknown filter rules, listing each', () => {
    const overlapping = {
      LambdaConfigurations: [
        { Event: 's3:ObjectCreated:*', Function: 'arn:aws:lambda:eu-west-1:1:function:a' },
        {
          Event: 's3:ObjectCreated:Put',
          Function: 'arn:aws:lambda:eu-west-1:1:function:b',
          Filter: { S3Key: { Rules: [{ Name: 'middle', Value: 'x' }] } },
        },
      ],
    };
    const error = (() => {
      try {
        fromCloudFormation(overlapping, 'B');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(S3DefinitionError);
    expect((error as S3DefinitionError).problems).toEqual([
      'NotificationConfiguration.LambdaConfigurations[1].Filter rule 0: FilterRule name must be either prefix or suffix, with a string value',
      expect.stringContaining('Configurations overlap.'),
    ]);
  });
});

describe('event keys and sync filters', () => {
  it('form-URL-encodes keys as S3 event records do, keeping slashes', () => {
    expect(eventKey('uploads/my photo (1).jpg')).toBe('uploads/my+photo+%281%29.jpg');
    expect(eventKey('a=b&c:d*e')).toBe('a%3Db%26c%3Ad*e');
  });

  it('applies aws s3 sync filters in order, the last match winning', () => {
    const keep = syncFilter(['*.map', 'private/*'], ['private/readme.md']);
    expect(['a.js', 'a.js.map', 'deep/x.map', 'private/key.pem', 'private/readme.md'].filter(keep)).toEqual([
      'a.js',
      'private/readme.md',
    ]);
  });
});
