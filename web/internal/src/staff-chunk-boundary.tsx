import { ErrorMessage } from '@stratum/web-shared';
import { Component, type ReactNode } from 'react';

interface State {
  readonly failed: boolean;
}

/**
 * Catches a staff screen whose chunk could not be loaded — the edge guard refuses `/staff/*` once
 * the staff token cookie is gone, or the network failed — and offers a reload instead of an empty
 * page. Keyed by the path in app.tsx, so moving to another page tries again.
 */
export class StaffChunkBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <main>
        <ErrorMessage onRetry={() => window.location.reload()}>
          This page could not be loaded. Check your connection, or sign in again.
        </ErrorMessage>
      </main>
    );
  }
}
