import { S3DefinitionError } from './errors.ts';

/** One rule of a bucket's `CorsConfiguration.CorsRules` (CloudFormation shape), checked. */
export interface CorsRule {
  readonly id?: string;
  readonly allowedMethods: readonly string[];
  readonly allowedOrigins: readonly string[];
  readonly allowedHeaders: readonly string[];
  readonly exposedHeaders: readonly string[];
  readonly maxAgeSeconds?: number;
}

const CORS_METHODS = new Set(['GET', 'PUT', 'HEAD', 'POST', 'DELETE']);
/** S3 allows at most 100 rules per bucket. */
const MAX_RULES = 100;

function stringList(value: unknown, path: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    problems.push(`${path} must be a list of strings`);
    return [];
  }
  return value as string[];
}

function checkWildcards(values: readonly string[], path: string, problems: string[]): void {
  for (const value of values) {
    if ((value.match(/\*/g) ?? []).length > 1) {
      problems.push(`${path} "${value}" can not have more than one wildcard.`);
    }
  }
}

/**
 * Reads `CorsConfiguration` as CloudFormation declares it (`CorsRules[].AllowedMethods`, `MaxAge`, ...)
 * and refuses what S3's PutBucketCors refuses, every problem in one error.
 */
export function parseCorsConfiguration(configuration: unknown, resource: string): CorsRule[] {
  if (configuration === undefined) return [];
  const problems: string[] = [];
  const rulesValue = (configuration as { CorsRules?: unknown } | null)?.CorsRules;
  if (!Array.isArray(rulesValue) || rulesValue.length === 0) {
    throw new S3DefinitionError(resource, ['CorsConfiguration.CorsRules must be a non-empty list']);
  }
  if (rulesValue.length > MAX_RULES) problems.push(`CorsConfiguration has more than ${MAX_RULES} rules`);
  const rules = rulesValue.map((raw: unknown, index): CorsRule => {
    const path = `CorsConfiguration.CorsRules[${index}]`;
    const rule = (raw ?? {}) as Record<string, unknown>;
    const allowedMethods = stringList(rule.AllowedMethods, `${path}.AllowedMethods`, problems);
    const allowedOrigins = stringList(rule.AllowedOrigins, `${path}.AllowedOrigins`, problems);
    const allowedHeaders = stringList(rule.AllowedHeaders, `${path}.AllowedHeaders`, problems);
    const exposedHeaders = stringList(rule.ExposedHeaders, `${path}.ExposedHeaders`, problems);
    if (allowedMethods.length === 0) problems.push(`${path}.AllowedMethods is required`);
    if (allowedOrigins.length === 0) problems.push(`${path}.AllowedOrigins is required`);
    for (const method of allowedMethods) {
      if (!CORS_METHODS.has(method)) {
        problems.push(
          `${path}.AllowedMethods: Found unsupported HTTP method in CORS config. Unsupported method is ${method}`,
        );
      }
    }
    checkWildcards(allowedOrigins, `${path}.AllowedOrigins`, problems);
    checkWildcards(allowedHeaders, `${path}.AllowedHeaders`, problems);
    const maxAge = rule.MaxAge;
    if (maxAge !== undefined && (typeof maxAge !== 'number' || !Number.isInteger(maxAge) || maxAge < 0)) {
      problems.push(`${path}.MaxAge must be a non-negative integer`);
    }
    return {
      ...(typeof rule.Id === 'string' ? { id: rule.Id } : {}),
      allowedMethods,
      allowedOrigins,
      allowedHeaders,
      exposedHeaders,
      ...(typeof maxAge === 'number' ? { maxAgeSeconds: maxAge } : {}),
    };
  });
  if (problems.length > 0) throw new S3DefinitionError(resource, problems);
  return rules;
}

/** S3's wildcard: at most one `*`, matching any run of characters. */
function wildcardMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const [left, right] = ignoreCase ? [pattern.toLowerCase(), value.toLowerCase()] : [pattern, value];
  const star = left.indexOf('*');
  if (star === -1) return left === right;
  const prefix = left.slice(0, star);
  const suffix = left.slice(star + 1);
  return right.length >= prefix.length + suffix.length && right.startsWith(prefix) && right.endsWith(suffix);
}

export interface CorsRequest {
  readonly origin: string;
  readonly method: string;
  /** `Access-Control-Request-Headers` of a preflight, lower-cased; empty for actual requests. */
  readonly requestHeaders: readonly string[];
}

/** The first rule that allows the origin, the method and every requested header, as S3 picks it. */
export function matchCorsRule(rules: readonly CorsRule[], request: CorsRequest): CorsRule | undefined {
  return rules.find(
    (rule) =>
      rule.allowedOrigins.some((origin) => wildcardMatches(origin, request.origin, false)) &&
      rule.allowedMethods.includes(request.method) &&
      request.requestHeaders.every((header) =>
        rule.allowedHeaders.some((allowed) => wildcardMatches(allowed, header, true)),
      ),
  );
}
