import { type ResponseHeadersPolicy, responseHeadersPolicyConfig } from './response-headers-policy.ts';

/*
 * The policies AWS manages, by the ids templates reference (CDK's `CachePolicy.CACHING_DISABLED`,
 * `ResponseHeadersPolicy.SECURITY_HEADERS`, ...). Header sets are those of "Use managed response
 * headers policies" in the CloudFront Developer Guide.
 */

const SECURITY_HEADERS = {
  ContentTypeOptions: { Override: true },
  FrameOptions: { FrameOption: 'SAMEORIGIN', Override: false },
  ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: false },
  StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, Override: false },
  XSSProtection: { Protection: true, ModeBlock: true, Override: false },
} as const;

const SIMPLE_CORS = {
  AccessControlAllowCredentials: false,
  AccessControlAllowHeaders: { Items: [] },
  AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
  AccessControlAllowOrigins: { Items: ['*'] },
  OriginOverride: false,
};

const CORS_WITH_PREFLIGHT = {
  AccessControlAllowCredentials: false,
  AccessControlAllowHeaders: { Items: ['*'] },
  AccessControlAllowMethods: { Items: ['ALL'] },
  AccessControlAllowOrigins: { Items: ['*'] },
  AccessControlExposeHeaders: { Items: ['*'] },
  OriginOverride: false,
};

const managed = (config: unknown): ResponseHeadersPolicy => responseHeadersPolicyConfig.parse(config);

/** Managed response headers policies: id → the headers CloudFront adds. */
export const MANAGED_RESPONSE_HEADERS_POLICIES: ReadonlyMap<string, ResponseHeadersPolicy> = new Map([
  [
    '67f7725c-6f97-4210-82d7-5512b31e9d03',
    managed({ Name: 'Managed-SecurityHeadersPolicy', SecurityHeadersConfig: SECURITY_HEADERS }),
  ],
  ['60669652-455b-4ae9-85a4-c4c02393f86c', managed({ Name: 'Managed-SimpleCORS', CorsConfig: SIMPLE_CORS })],
  [
    '5cc3b908-e619-4b99-88e5-2cf7f45965bd',
    managed({ Name: 'Managed-CORS-With-Preflight', CorsConfig: CORS_WITH_PREFLIGHT }),
  ],
  [
    'e61eb60c-9c35-4d20-a928-2b84e02af89c',
    managed({
      Name: 'Managed-CORS-and-SecurityHeadersPolicy',
      CorsConfig: SIMPLE_CORS,
      SecurityHeadersConfig: SECURITY_HEADERS,
    }),
  ],
  [
    'eaab4381-ed33-4a86-88ca-d9558dc6cd63',
    managed({
      Name: 'Managed-CORS-with-preflight-and-SecurityHeadersPolicy',
      CorsConfig: CORS_WITH_PREFLIGHT,
      SecurityHeadersConfig: SECURITY_HEADERS,
    }),
  ],
]);

/** Managed cache policies. Recorded only: the emulator caches nothing. */
export const MANAGED_CACHE_POLICIES: ReadonlyMap<string, string> = new Map([
  ['658327ea-f89d-4fab-a63d-7e88639e58f6', 'Managed-CachingOptimized'],
  ['4135ea2d-6df8-44a3-9df3-4b5a84be39ad', 'Managed-CachingDisabled'],
  ['b2884449-e4de-46a7-ac36-70bc7f1ddd6d', 'Managed-CachingOptimizedForUncompressedObjects'],
  ['08627262-05a9-4f76-9ded-b50ca2e3a84f', 'Managed-Elemental-MediaPackage'],
  ['2e54312d-136d-493c-8eb9-b001f22f67d2', 'Managed-Amplify'],
  ['83da9c7e-98b4-4e11-a168-04f0df8e2c65', 'Managed-UseOriginCacheControlHeaders'],
  ['4cc15a8a-d715-48a4-82b8-cc0b614638fe', 'Managed-UseOriginCacheControlHeaders-QueryStrings'],
]);

/**
 * Managed origin request policies, with whether they forward the viewer's `Host` header (the one
 * forwarding choice that changes what a local origin sees: everything else is forwarded).
 */
export const MANAGED_ORIGIN_REQUEST_POLICIES: ReadonlyMap<string, { name: string; forwardsHost: boolean }> =
  new Map([
    ['216adef6-5c7f-47e4-b989-5492eafa07d3', { name: 'Managed-AllViewer', forwardsHost: true }],
    [
      'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      { name: 'Managed-AllViewerExceptHostHeader', forwardsHost: false },
    ],
    [
      '33f36d7e-f396-46d9-90e0-52428a34d9dc',
      { name: 'Managed-AllViewerAndCloudFrontHeaders-2022-06', forwardsHost: true },
    ],
    ['59781a5b-3903-41f3-afcb-af62929ccde1', { name: 'Managed-CORS-CustomOrigin', forwardsHost: false }],
    ['88a5eaf4-2fd4-4709-b370-b4c650ea3fcf', { name: 'Managed-CORS-S3Origin', forwardsHost: false }],
    [
      '775133bc-15f2-49f9-abea-afb2e0bf67d2',
      { name: 'Managed-Elemental-MediaTailor-PersonalizedManifests', forwardsHost: false },
    ],
    [
      'acba4595-bd28-49b8-b9fe-13317c0390fa',
      { name: 'Managed-UserAgentRefererHeaders', forwardsHost: false },
    ],
  ]);
