import type { ReactNode } from 'react';

/** A polite live region for progress ("Loading todos…"). */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p role="status" className="loading">
      {children}
    </p>
  );
}

/** An assertive live region for failures, with an optional retry. */
export function ErrorMessage({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  return (
    <div role="alert" className="error">
      <p>{children}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** What an empty list shows instead of nothing. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}
