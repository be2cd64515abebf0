import { z } from 'zod';
import { itemsOf } from './cfn-properties.ts';

/** `AWS::CloudFront::CachePolicy`: only the name matters locally (nothing is cached). */
export const cachePolicyProperties = z
  .object({ CachePolicyConfig: z.object({ Name: z.string().min(1) }).loose() })
  .loose();

/** `AWS::CloudFront::OriginRequestPolicy`: read for whether it forwards the viewer's `Host`. */
export const originRequestPolicyProperties = z
  .object({
    OriginRequestPolicyConfig: z
      .object({
        Name: z.string().min(1),
        HeadersConfig: z.object({
          HeaderBehavior: z.enum([
            'none',
            'whitelist',
            'allViewer',
            'allViewerAndWhitelistCloudFront',
            'allExcept',
          ]),
          Headers: itemsOf(z.string()).optional(),
        }),
      })
      .loose(),
  })
  .loose();

export function forwardsViewerHost(config: z.output<typeof originRequestPolicyProperties>): boolean {
  const { HeaderBehavior, Headers } = config.OriginRequestPolicyConfig.HeadersConfig;
  const listsHost = (Headers?.Items ?? []).some((name) => name.toLowerCase() === 'host');
  switch (HeaderBehavior) {
    case 'allViewer':
    case 'allViewerAndWhitelistCloudFront':
      return true;
    case 'allExcept':
      return !listsHost;
    case 'whitelist':
      return listsHost;
    case 'none':
      return false;
  }
}

/** `AWS::CloudFront::Function`. */
export const functionProperties = z
  .object({
    Name: z.string().regex(/^[a-zA-Z0-9-_]{1,64}$/, 'letters, digits, - and _ only, at most 64'),
    FunctionCode: z.string().min(1),
    FunctionConfig: z
      .object({
        Comment: z.string().optional(),
        Runtime: z.enum(['cloudfront-js-1.0', 'cloudfront-js-2.0']),
        KeyValueStoreAssociations: z.array(z.unknown()).max(0, 'KeyValueStore is not emulated').optional(),
      })
      .loose(),
    AutoPublish: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  })
  .loose();
