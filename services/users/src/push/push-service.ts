import type { PushPlatform } from '@stratum/data';

/** The push services a client names (GraphQL `PushPlatform`). */
export type PushService = 'APNS' | 'FCM';

/** The client-facing service of an SNS platform: APNs (production or sandbox) or FCM (SNS's `GCM`). */
export function pushServiceOf(platform: PushPlatform): PushService {
  return platform === 'GCM' ? 'FCM' : 'APNS';
}

/**
 * The SNS platform application of the stage: `arn:aws:sns:<region>:<account>:app/<PLATFORM>/<name>`.
 * Its platform (APNS, APNS_SANDBOX or GCM) is part of the ARN, so one setting says both which
 * application endpoints are created in and which service devices must use.
 */
export interface PlatformApplication {
  readonly arn: string;
  readonly platform: PushPlatform;
  readonly service: PushService;
}

const PLATFORM_APPLICATION_ARN =
  /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:app\/(APNS|APNS_SANDBOX|GCM)\/[A-Za-z0-9_.-]+$/;

/**
 * Parses the stage's platform application ARN; throws at cold start, naming the variable, when it
 * is malformed or of a platform Stratum does not send to (ADM, Baidu, MPNS, WNS).
 */
export function parsePlatformApplicationArn(
  arn: string,
  variable = 'PLATFORM_APPLICATION_ARN',
): PlatformApplication {
  const platform = PLATFORM_APPLICATION_ARN.exec(arn)?.[1] as PushPlatform | undefined;
  if (!platform) {
    throw new Error(
      `${variable} must be an SNS platform application ARN of APNS, APNS_SANDBOX or GCM, for example ` +
        `arn:aws:sns:eu-west-1:123456789012:app/GCM/stratum; got "${arn}".`,
    );
  }
  return { arn, platform, service: pushServiceOf(platform) };
}
