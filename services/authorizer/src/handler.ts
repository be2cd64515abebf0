import { correlationIdFrom, createObservability, instrumentHandler, MetricUnit } from '@stratum/runtime';
import type { APIGatewayRequestAuthorizerEventV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { type AuthorizerResponse, authorize } from './authorize.ts';
import { readAuthorizerConfig } from './environment.ts';
import type { RejectionReason } from './errors.ts';
import { TokenVerifier } from './token-verifier.ts';

const config = readAuthorizerConfig();
const observability = createObservability('authorizer');
const { logger, metrics } = observability;
/** Module scope: the key sets fetched on the first request are reused until the next cold start. */
const verifier = new TokenVerifier(config);

/** The part of the payload-2.0 event the decision may depend on: the headers (lower-cased by API Gateway). */
const authorizerEvent = z.object({
  headers: z.optional(z.record(z.string(), z.string())),
  routeArn: z.optional(z.string()),
});

/**
 * Counts one denial under its reason. The reasons are a closed list (see errors.ts), so the
 * `reason` dimension stays low-cardinality; a single metric is flushed on its own, so the
 * dimension does not spill onto the invocation's other metrics.
 */
function countDenied(reason: RejectionReason | 'malformed_event'): void {
  const denied = metrics.singleMetric();
  denied.addDimension('reason', reason);
  denied.addMetric('Denied', MetricUnit.Count, 1);
}

async function decide(event: APIGatewayRequestAuthorizerEventV2): Promise<AuthorizerResponse> {
  const parsed = authorizerEvent.safeParse(event);
  const headers = parsed.success ? parsed.data.headers : undefined;
  const correlationId = correlationIdFrom(headers);
  const routeArn = parsed.success ? parsed.data.routeArn : undefined;
  if (!parsed.success) {
    logger.warn('Request denied', { reason: 'malformed_event', correlationId });
    countDenied('malformed_event');
    return { isAuthorized: false };
  }
  try {
    const decision = await authorize(headers?.authorization, verifier);
    if ('principal' in decision) {
      const { principal } = decision;
      metrics.addMetric('Authorized', MetricUnit.Count, 1);
      logger.info('Request authorized', {
        correlationId,
        routeArn,
        principalType: principal.type,
        userId: principal.userId,
        tenantId: principal.type === 'customer' ? principal.tenantId : undefined,
      });
    } else {
      logger.warn('Request denied', { reason: decision.rejection, correlationId, routeArn });
      countDenied(decision.rejection);
    }
    return decision.response;
  } catch (error) {
    logger.error('Token verification failed', { correlationId, routeArn, error });
    throw error;
  }
}

/**
 * Lambda REQUEST authorizer of the HTTP API (payload 2.0, simple responses).
 * Never logs the token; denies with `{ isAuthorized: false }`; throws only when the signing
 * keys cannot be obtained, so that API Gateway answers 500 and caches nothing. The decision
 * carries the caller's e-mail: it stays out of the trace.
 */
export const handler: (
  event: APIGatewayRequestAuthorizerEventV2,
  context?: Context,
) => Promise<AuthorizerResponse> = instrumentHandler(observability, decide, { captureResponse: false });
