import { Logger } from '@aws-lambda-powertools/logger';
import type { CloudFrontRequestEvent, CloudFrontRequestResult } from 'aws-lambda';
import { isAppRoute } from './access-policy.ts';
import { denial, guard } from './guard.ts';
import { SiteConfigSource } from './site-config.ts';
import { StaffTokenVerifier } from './staff-token.ts';

// Lambda@Edge has no environment variables: the service name is fixed here, and the pool the
// tokens must come from is read from the app's own config.json (see site-config.ts).
const logger = new Logger({ serviceName: 'internal-edge-guard' });
const config = new SiteConfigSource();
const verifier = new StaffTokenVerifier();

const UNAVAILABLE: CloudFrontRequestResult = {
  status: '503',
  statusDescription: 'Service Unavailable',
  headers: {
    'content-type': [{ key: 'Content-Type', value: 'text/plain; charset=utf-8' }],
    'cache-control': [{ key: 'Cache-Control', value: 'no-store' }],
  },
  body: 'The internal app cannot check sign-ins right now. Try again in a minute.\n',
};

/**
 * Lambda@Edge viewer-request trigger of the internal app's distribution: lets the sign-in shell
 * through, and everything else only with a valid staff token (see guard.ts).
 */
export async function handler(event: CloudFrontRequestEvent): Promise<CloudFrontRequestResult> {
  const record = event.Records[0];
  if (!record) throw new Error('a viewer-request event has one record');
  const { request, config: cf } = record.cf;
  const correlationId = cf.requestId;
  try {
    const decision = await guard(request, cf.distributionDomainName, { config, verifier });
    if (decision.outcome === 'denied') {
      logger.warn('Request denied', { correlationId, uri: request.uri, reason: decision.reason });
      return denial(request);
    }
    if (decision.outcome === 'allowed') {
      logger.info('Request allowed', { correlationId, uri: request.uri, userId: decision.userId });
      // App routes (no file extension) are served the shell, which routes on the client.
      if (isAppRoute(request.uri)) return { ...request, uri: '/index.html' };
    }
    return request;
  } catch (error) {
    logger.error('Request refused: sign-ins cannot be checked', { correlationId, uri: request.uri, error });
    return UNAVAILABLE;
  }
}
