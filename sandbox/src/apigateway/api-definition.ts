import { z } from 'zod';
import { cfnBoolean, cfnInteger, cfnNumber, parseProperties } from './cfn-values.ts';
import { ApiDefinitionError } from './errors.ts';
import { functionNameOf } from './lambda-target.ts';
import { parseRouteKey, type RouteKey } from './route-key.ts';

/**
 * Typed definitions of the `AWS::ApiGatewayV2::*` resources an HTTP API is made of, parsed
 * from the resolved CloudFormation properties the template engine hands to the providers.
 * What API Gateway would reject is rejected here with the property to change; what it accepts
 * but the emulator does not model (WebSocket APIs, JWT and IAM authorization, payload 1.0,
 * HTTP integrations, OpenAPI import) is rejected too, rather than half-served.
 */

export interface CorsConfiguration {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly allowCredentials: boolean;
  /** Seconds; `undefined` sends no `access-control-max-age`. */
  readonly maxAge?: number;
}

export interface ApiDefinition {
  readonly name: string;
  readonly cors?: CorsConfiguration;
}

export interface RouteDefinition {
  readonly apiId: string;
  readonly routeKey: RouteKey;
  readonly authorizerId?: string;
  /** From `Target: integrations/<id>`; a route without one answers 404. */
  readonly integrationId?: string;
}

export interface IntegrationDefinition {
  readonly apiId: string;
  readonly functionName: string;
  readonly timeoutMillis: number;
}

export interface AuthorizerDefinition {
  readonly apiId: string;
  readonly name: string;
  readonly functionName: string;
  /** Selection expressions such as `$request.header.Authorization`. */
  readonly identitySource: readonly string[];
  readonly resultTtlSeconds: number;
}

export interface ThrottleSettings {
  /** Steady-state requests per second. */
  readonly rateLimit: number;
  /** Bucket size: requests allowed at once before the rate applies. */
  readonly burstLimit: number;
}

export interface StageDefinition {
  readonly apiId: string;
  readonly stageName: string;
  readonly defaultThrottle?: ThrottleSettings;
  /** Route key → its own throttle, overriding the default. */
  readonly routeThrottles: Readonly<Record<string, ThrottleSettings>>;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** `AccessLogSettings.Format`, `$context.*` variables and all. */
  readonly accessLogFormat?: string;
}

const stringList = z.array(z.string());

/** Properties API Gateway accepts but the emulator does not model: their presence is an error. */
const UNMODELLED_API_PROPERTIES: Readonly<Record<string, string>> = {
  Body: 'OpenAPI import is not emulated; declare the routes as resources',
  BodyS3Location: 'OpenAPI import is not emulated; declare the routes as resources',
  Target: 'quick create is not emulated; declare a Route and a Stage',
};

const apiSchema = z
  .object({
    Name: z.string().min(1),
    ProtocolType: z.literal('HTTP', { error: 'only HTTP APIs are emulated (WEBSOCKET is not)' }),
    CorsConfiguration: z
      .object({
        AllowOrigins: stringList.optional(),
        AllowMethods: stringList.optional(),
        AllowHeaders: stringList.optional(),
        ExposeHeaders: stringList.optional(),
        AllowCredentials: cfnBoolean.optional(),
        MaxAge: cfnInteger.pipe(z.number().min(-1).max(86_400)).optional(),
      })
      .optional(),
  })
  .superRefine((api, context) => {
    const cors = api.CorsConfiguration;
    if (cors?.AllowCredentials && cors.AllowOrigins?.includes('*')) {
      context.addIssue({
        code: 'custom',
        path: ['CorsConfiguration'],
        message: 'AllowCredentials cannot be true when AllowOrigins contains "*" (API Gateway rejects it)',
      });
    }
  });

export function parseApi(properties: Readonly<Record<string, unknown>>, resource: string): ApiDefinition {
  const unmodelled = Object.entries(UNMODELLED_API_PROPERTIES)
    .filter(([name]) => properties[name] !== undefined)
    .map(([name, reason]) => `${name}: ${reason}`);
  if (unmodelled.length > 0) {
    throw new ApiDefinitionError(resource, unmodelled);
  }
  const api = parseProperties(apiSchema, properties, resource);
  const cors = api.CorsConfiguration;
  return {
    name: api.Name,
    ...(cors && {
      cors: {
        allowOrigins: cors.AllowOrigins ?? [],
        allowMethods: (cors.AllowMethods ?? []).map((method) => method.toUpperCase()),
        allowHeaders: (cors.AllowHeaders ?? []).map((header) => header.toLowerCase()),
        exposeHeaders: (cors.ExposeHeaders ?? []).map((header) => header.toLowerCase()),
        allowCredentials: cors.AllowCredentials ?? false,
        ...(cors.MaxAge !== undefined && cors.MaxAge >= 0 && { maxAge: cors.MaxAge }),
      },
    }),
  };
}

const routeSchema = z
  .object({
    ApiId: z.string().min(1),
    RouteKey: z.string().min(1),
    AuthorizationType: z
      .enum(['NONE', 'CUSTOM', 'JWT', 'AWS_IAM'])
      .refine((type) => type === 'NONE' || type === 'CUSTOM', {
        error: 'only NONE and CUSTOM (Lambda) authorization are emulated',
      })
      .optional(),
    AuthorizerId: z.string().min(1).optional(),
    Target: z
      .string()
      .regex(/^integrations\/[^/]+$/, { error: 'must be "integrations/<IntegrationId>"' })
      .optional(),
  })
  .superRefine((route, context) => {
    if (route.AuthorizationType === 'CUSTOM' && !route.AuthorizerId) {
      context.addIssue({ code: 'custom', path: ['AuthorizerId'], message: 'required with CUSTOM' });
    }
  });

export function parseRoute(properties: unknown, resource: string): RouteDefinition {
  const route = parseProperties(routeSchema, properties, resource);
  const integrationId = route.Target?.slice('integrations/'.length);
  return {
    apiId: route.ApiId,
    routeKey: parseRouteKey(route.RouteKey, resource),
    ...(route.AuthorizationType === 'CUSTOM' && route.AuthorizerId && { authorizerId: route.AuthorizerId }),
    ...(integrationId && { integrationId }),
  };
}

const integrationSchema = z.object({
  ApiId: z.string().min(1),
  IntegrationType: z.literal('AWS_PROXY', { error: 'only AWS_PROXY (Lambda) integrations are emulated' }),
  IntegrationUri: z.string().min(1),
  PayloadFormatVersion: z.literal('2.0', { error: 'only payload format 2.0 is emulated' }),
  TimeoutInMillis: cfnInteger.pipe(z.number().min(50).max(30_000)).optional(),
  ConnectionType: z.literal('INTERNET').optional(),
});

export function parseIntegration(properties: unknown, resource: string): IntegrationDefinition {
  const integration = parseProperties(integrationSchema, properties, resource);
  return {
    apiId: integration.ApiId,
    functionName: functionNameOf(integration.IntegrationUri, resource),
    timeoutMillis: integration.TimeoutInMillis ?? 30_000,
  };
}

const authorizerSchema = z
  .object({
    ApiId: z.string().min(1),
    Name: z.string().min(1),
    AuthorizerType: z.literal('REQUEST', { error: 'only REQUEST (Lambda) authorizers are emulated' }),
    AuthorizerUri: z.string().min(1),
    AuthorizerPayloadFormatVersion: z.literal('2.0', { error: 'only payload format 2.0 is emulated' }),
    EnableSimpleResponses: z.literal(true, {
      error: 'only simple responses ({ isAuthorized, context }) are emulated; set EnableSimpleResponses',
    }),
    IdentitySource: stringList.optional(),
    AuthorizerResultTtlInSeconds: cfnInteger.pipe(z.number().min(0).max(3600)).optional(),
  })
  .superRefine((authorizer, context) => {
    if (
      (authorizer.AuthorizerResultTtlInSeconds ?? 0) > 0 &&
      (authorizer.IdentitySource ?? []).length === 0
    ) {
      context.addIssue({
        code: 'custom',
        path: ['IdentitySource'],
        message: 'caching (AuthorizerResultTtlInSeconds > 0) needs at least one identity source',
      });
    }
  });

export function parseAuthorizer(properties: unknown, resource: string): AuthorizerDefinition {
  const authorizer = parseProperties(authorizerSchema, properties, resource);
  return {
    apiId: authorizer.ApiId,
    name: authorizer.Name,
    functionName: functionNameOf(authorizer.AuthorizerUri, resource),
    identitySource: authorizer.IdentitySource ?? [],
    resultTtlSeconds: authorizer.AuthorizerResultTtlInSeconds ?? 0,
  };
}

const routeSettingsSchema = z.object({
  ThrottlingRateLimit: cfnNumber.optional(),
  ThrottlingBurstLimit: cfnInteger.optional(),
});

const stageSchema = z.object({
  ApiId: z.string().min(1),
  StageName: z.string().regex(/^(\$default|[\w-]{1,128})$/, { error: 'must be $default or [A-Za-z0-9_-]+' }),
  DefaultRouteSettings: routeSettingsSchema.optional(),
  RouteSettings: z.record(z.string(), routeSettingsSchema).optional(),
  StageVariables: z.record(z.string(), z.string()).optional(),
  AccessLogSettings: z.object({ Format: z.string().optional() }).optional(),
});

export function parseStage(properties: unknown, resource: string): StageDefinition {
  const stage = parseProperties(stageSchema, properties, resource);
  const defaultThrottle = throttleOf(stage.DefaultRouteSettings);
  const routeThrottles: Record<string, ThrottleSettings> = {};
  for (const [routeKey, settings] of Object.entries(stage.RouteSettings ?? {})) {
    const throttle = throttleOf(settings);
    if (throttle) {
      routeThrottles[routeKey] = throttle;
    }
  }
  const accessLogFormat = stage.AccessLogSettings?.Format;
  return {
    apiId: stage.ApiId,
    stageName: stage.StageName,
    ...(defaultThrottle && { defaultThrottle }),
    routeThrottles,
    stageVariables: stage.StageVariables ?? {},
    ...(accessLogFormat && { accessLogFormat }),
  };
}

function throttleOf(
  settings: z.output<typeof routeSettingsSchema> | undefined,
): ThrottleSettings | undefined {
  if (settings?.ThrottlingRateLimit === undefined && settings?.ThrottlingBurstLimit === undefined) {
    return undefined;
  }
  // API Gateway applies the account's limits to a setting left out; a bucket needs both.
  return {
    rateLimit: settings.ThrottlingRateLimit ?? 10_000,
    burstLimit: settings.ThrottlingBurstLimit ?? 5_000,
  };
}
