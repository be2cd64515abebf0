import type * as z from 'zod';

/**
 * Unsaved form input, kept in sessionStorage while a form is being edited, so that a session
 * that expires mid-edit (or a reload) loses nothing: after sign-in the same form mounts again
 * and restores its draft. Drafts are removed on save, on cancel and on explicit sign-out.
 */
export class FormDrafts {
  static readonly PREFIX = 'stratum.draft.';
  readonly #storage: Storage;

  constructor(storage: Storage) {
    this.#storage = storage;
  }

  /** The stored draft, or undefined when there is none or it no longer fits the form's schema. */
  load<T>(key: string, schema: z.ZodType<T>): T | undefined {
    const raw = this.#storage.getItem(FormDrafts.PREFIX + key);
    if (raw === null) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  save(key: string, value: unknown): void {
    try {
      this.#storage.setItem(FormDrafts.PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the form still works, only the draft is not kept.
    }
  }

  remove(key: string): void {
    this.#storage.removeItem(FormDrafts.PREFIX + key);
  }

  /** On sign-out: the next person at this browser must not see the previous one's drafts. */
  clearAll(): void {
    const keys: string[] = [];
    for (let index = 0; index < this.#storage.length; index += 1) {
      const key = this.#storage.key(index);
      if (key?.startsWith(FormDrafts.PREFIX)) keys.push(key);
    }
    for (const key of keys) this.#storage.removeItem(key);
  }
}
