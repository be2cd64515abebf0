import { Fn } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';

/**
 * How CloudFront reaches the HTTP API, wherever it is routed (the API's own distribution, and
 * `/graphql` on each web app's): nothing cached (every answer is per user), every viewer header
 * but `Host` passed on (API Gateway routes by its own host name), HTTPS only to viewers and to
 * the origin (TLS 1.2).
 *
 * @param apiEndpoint `https://<id>.execute-api.<region>.amazonaws.com`, as the HTTP API exposes it.
 */
export function apiBehaviour(apiEndpoint: string): cloudfront.BehaviorOptions {
  const apiDomain = Fn.select(2, Fn.split('/', apiEndpoint));
  return {
    origin: new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    }),
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
    allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
    cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
    originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
    compress: true,
  };
}
