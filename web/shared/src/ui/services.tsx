import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { GraphqlClient } from '../api/graphql-client.ts';
import type { Authenticator, SessionState } from '../auth/authenticator.ts';
import type { FormDrafts } from '../form-drafts.ts';
import type { RuntimeConfig } from '../runtime-config.ts';

/** What every component of an app may use; built once at start (see `createServices`). */
export interface AppServices {
  readonly config: RuntimeConfig;
  readonly authenticator: Authenticator;
  readonly api: GraphqlClient;
  readonly drafts: FormDrafts;
}

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}

/** The session state; re-renders on sign-in, refresh, expiry and sign-out. */
export function useSessionState(): SessionState {
  const { authenticator } = useServices();
  return useSyncExternalStore(authenticator.subscribe, authenticator.getState);
}
