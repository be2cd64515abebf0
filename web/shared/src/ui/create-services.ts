import { GraphqlClient } from '../api/graphql-client.ts';
import { Authenticator } from '../auth/authenticator.ts';
import { CognitoClient } from '../auth/cognito-client.ts';
import { SessionStore } from '../auth/session-store.ts';
import { FormDrafts } from '../form-drafts.ts';
import type { RuntimeConfig } from '../runtime-config.ts';
import type { AppServices } from './services.tsx';

export interface CreateServicesOptions {
  /** Where the session is kept between page loads. */
  readonly sessionStorage: Storage;
  readonly requiredGroup?: string;
  readonly fetch?: typeof fetch;
}

/** Wires the Cognito client, the session, the GraphQL client and the drafts from the runtime config. */
export function createServices(config: RuntimeConfig, options: CreateServicesOptions): AppServices {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const cognito = new CognitoClient({
    endpoint: config.cognitoEndpoint,
    clientId: config.userPoolClientId,
    fetch: fetchImpl,
  });
  const authenticator = new Authenticator({
    cognito,
    store: new SessionStore(options.sessionStorage, config.userPoolClientId),
    ...(options.requiredGroup ? { requiredGroup: options.requiredGroup } : {}),
  });
  return {
    config,
    authenticator,
    api: new GraphqlClient({ url: config.graphqlUrl, authenticator, fetch: fetchImpl }),
    drafts: new FormDrafts(window.sessionStorage),
  };
}
