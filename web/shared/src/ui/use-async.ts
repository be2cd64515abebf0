import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  /** `data` is the previous answer while a reload runs, so the page need not blank out. */
  | { readonly status: 'loading'; readonly data?: T }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly data: T };

/**
 * Runs `load` when `key` changes and on `reload()`; an answer that arrives after a newer
 * request started is dropped, so a slow response never overwrites a fresher one.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and generation are the triggers by design.
  useEffect(() => {
    let current = true;
    setState((previous) =>
      previous.status === 'error' || previous.data === undefined
        ? { status: 'loading' }
        : { status: 'loading', data: previous.data },
    );
    loadRef.current().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [state, reload];
}
