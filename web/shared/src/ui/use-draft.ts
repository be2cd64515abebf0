import { useCallback, useEffect, useState } from 'react';
import type * as z from 'zod';
import { useServices } from './services.tsx';

/**
 * `useState` whose value is also kept as a form draft under `key` (see FormDrafts): it starts
 * from the stored draft when there is one, and `discard()` forgets it (after save or cancel).
 */
export function useDraft<T>(
  key: string,
  initial: T,
  schema: z.ZodType<T>,
): [T, (value: T | ((previous: T) => T)) => void, () => void] {
  const { drafts } = useServices();
  const [value, setValue] = useState<T>(() => drafts.load(key, schema) ?? initial);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (dirty) drafts.save(key, value);
  }, [drafts, key, value, dirty]);

  const update = useCallback((next: T | ((previous: T) => T)) => {
    setDirty(true);
    setValue(next);
  }, []);

  const discard = useCallback(() => {
    drafts.remove(key);
    setDirty(false);
    setValue(initial);
  }, [drafts, key, initial]);

  return [value, update, discard];
}
