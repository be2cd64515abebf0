import { describeError, ErrorMessage, useDraft } from '@stratum/web-shared';
import { type FormEvent, useId, useState } from 'react';
import * as z from 'zod';
import type { Todo, TodoInput } from './todo-api.ts';

const draftSchema = z.object({ title: z.string(), notes: z.string(), dueDate: z.string(), tags: z.string() });
type TodoDraft = z.infer<typeof draftSchema>;

export interface TodoFormProps {
  /** Where the unsaved input is kept if the session expires (e.g. `todo.new`, `todo.edit.<id>`). */
  readonly draftKey: string;
  readonly todo?: Todo;
  readonly submitLabel: string;
  readonly onSubmit: (input: TodoInput) => Promise<void>;
  readonly onCancel?: () => void;
}

/** `"home, urgent,home "` → `['home', 'urgent']`: trimmed, de-duplicated, in order. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
    ),
  ];
}

const draftOf = (todo?: Todo): TodoDraft => ({
  title: todo?.title ?? '',
  notes: todo?.notes ?? '',
  dueDate: todo?.dueDate ?? '',
  tags: todo?.tags.join(', ') ?? '',
});

/** Create or edit a todo; the input survives an expired session (see useDraft). */
export function TodoForm({ draftKey, todo, submitLabel, onSubmit, onCancel }: TodoFormProps) {
  const [draft, setDraft, discard] = useDraft(draftKey, draftOf(todo), draftSchema);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const tagsHint = useId();
  const field = (name: keyof TodoDraft) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft((previous) => ({ ...previous, [name]: event.target.value })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.title.trim() === '') {
      setError('Enter a title.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({
        title: draft.title.trim(),
        notes: draft.notes.trim() === '' ? null : draft.notes,
        dueDate: draft.dueDate === '' ? null : draft.dueDate,
        tags: parseTags(draft.tags),
      });
      discard();
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={submitLabel} noValidate>
      <label>
        Title
        <input name="title" required maxLength={200} {...field('title')} />
      </label>
      <label>
        Notes
        <textarea name="notes" rows={3} maxLength={4000} {...field('notes')} />
      </label>
      <div className="filters">
        <label>
          Due date
          <input type="date" name="dueDate" {...field('dueDate')} />
        </label>
        <label>
          Tags
          <input name="tags" aria-describedby={tagsHint} {...field('tags')} />
        </label>
      </div>
      <p id={tagsHint} className="hint">
        Separate tags with commas.
      </p>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            onClick={() => {
              discard();
              onCancel();
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
