import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

export interface WebSecurityHeadersProps {
  /**
   * Origins the app calls besides its own (`connect-src`), and loads images and video from
   * (`img-src`, `media-src`): Cognito's endpoint, the media bucket's presigned URLs.
   */
  readonly externalSources: readonly string[];
}

/**
 * The response headers every page and asset of a web app carries: a strict Content Security
 * Policy (scripts and styles from the app's own origin only, no framing, no plugins), HSTS for
 * two years with sub-domains and preload, `nosniff`, `DENY` framing, a strict referrer policy,
 * and a permissions policy that turns off the powerful features the apps never use.
 */
export class WebSecurityHeaders extends Construct {
  readonly policy: cloudfront.ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: WebSecurityHeadersProps) {
    super(scope, id);
    const external = props.externalSources.join(' ');
    const contentSecurityPolicy = [
      "default-src 'self'",
      "script-src 'self'",
      // React sets `style` attributes; no inline <style> or scripts are needed.
      "style-src 'self' 'unsafe-inline'",
      `connect-src 'self' ${external}`.trim(),
      `img-src 'self' data: blob: ${external}`.trim(),
      `media-src 'self' blob: ${external}`.trim(),
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    this.policy = new cloudfront.ResponseHeadersPolicy(this, 'Policy', {
      comment: 'Stratum web app security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
            override: true,
          },
        ],
      },
    });
  }
}
