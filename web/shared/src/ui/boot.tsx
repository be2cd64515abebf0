import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadRuntimeConfig, type RuntimeConfig } from '../runtime-config.ts';
import { ConfigErrorPage } from './config-error-page.tsx';

/**
 * Starts an app: fetches and validates `/config.json`, then renders `render(config)`, or the
 * configuration error page when the file is missing or malformed.
 */
export async function boot(
  container: HTMLElement,
  render: (config: RuntimeConfig) => ReactNode,
): Promise<void> {
  const root = createRoot(container);
  let content: ReactNode;
  try {
    content = render(await loadRuntimeConfig());
  } catch (error) {
    content = <ConfigErrorPage error={error} />;
  }
  root.render(<StrictMode>{content}</StrictMode>);
}
