import * as z from 'zod';
import { RuntimeConfigError } from './web-errors.ts';

/** Relative to the page's origin (`/graphql`, served through the same CloudFront) or absolute https. */
const graphqlUrl = z
  .string()
  .refine(
    (value) => value.startsWith('/') || URL.canParse(value),
    'must be a path such as /graphql or a URL',
  );

/**
 * The runtime settings each app reads from `/config.json` at start. The hosting stack writes
 * that file per stage at deploy time, so one build of the app serves every stage.
 */
export const runtimeConfigSchema = z.object({
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as eu-west-1'),
  userPoolId: z.string().regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must be a user pool id such as eu-west-1_AbC123'),
  userPoolClientId: z.string().min(1, 'must be set'),
  /** The sandbox's AWS endpoint; defaults to Cognito's regional endpoint. */
  cognitoEndpoint: z.url('must be a URL').optional(),
  graphqlUrl,
  stage: z.string().min(1, 'must be set'),
});

export type RuntimeConfigInput = z.input<typeof runtimeConfigSchema>;

export interface RuntimeConfig {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** Always set: `cognitoEndpoint` from the file or `https://cognito-idp.<region>.amazonaws.com/`. */
  readonly cognitoEndpoint: string;
  readonly graphqlUrl: string;
  readonly stage: string;
}

/** Validates parsed JSON; throws a RuntimeConfigError naming every bad field. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  const result = runtimeConfigSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`,
    );
    throw new RuntimeConfigError('The configuration file /config.json is malformed.', problems);
  }
  const config = result.data;
  return {
    ...config,
    cognitoEndpoint: config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`,
  };
}

/**
 * Fetches and validates the runtime configuration. A missing file served as the SPA fallback
 * (index.html with status 200) is reported as missing, not as a JSON syntax error.
 *
 * @example
 * ```ts
 * const config = await loadRuntimeConfig(); // GET /config.json, no cache
 * new CognitoClient({ endpoint: config.cognitoEndpoint, clientId: config.userPoolClientId });
 * ```
 */
export async function loadRuntimeConfig(
  fetchImpl: typeof fetch = fetch,
  url = '/config.json',
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new RuntimeConfigError(
      'The configuration file /config.json could not be fetched.',
      [String(cause)],
      {
        cause,
      },
    );
  }
  if (!response.ok) {
    throw new RuntimeConfigError(
      `The configuration file /config.json is missing (HTTP ${response.status}).`,
      [],
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const looksLikeHtml = text.trimStart().startsWith('<');
    throw new RuntimeConfigError(
      looksLikeHtml
        ? 'The configuration file /config.json is missing: the server answered with a web page.'
        : 'The configuration file /config.json is not valid JSON.',
      [],
      { cause },
    );
  }
  return parseRuntimeConfig(json);
}
