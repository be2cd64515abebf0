import {
  describeError,
  ErrorMessage,
  GraphqlRequestError,
  Link,
  Loading,
  PageHeading,
  useAsync,
  useServices,
} from '@stratum/web-shared';
import { useEffect, useMemo, useState } from 'react';
import { AttachmentUploader } from '../media/attachment-uploader.tsx';
import { type Media, MediaApi } from '../media/media-api.ts';
import { MediaList } from '../media/media-list.tsx';
import { TodoApi, type TodoWithMedia } from './todo-api.ts';
import { TodoForm } from './todo-form.tsx';

/** One todo: edit it (with optimistic concurrency) and manage its attachments. */
export function TodoPage({ id }: { id: string }) {
  const { api } = useServices();
  const todos = useMemo(() => new TodoApi(api), [api]);
  const mediaApi = useMemo(() => new MediaApi(api), [api]);
  const [state, reload] = useAsync(() => todos.get(id), id);
  const [todo, setTodo] = useState<TodoWithMedia>();
  const [saved, setSaved] = useState(false);
  const [mediaError, setMediaError] = useState<string>();

  useEffect(() => {
    if (state.status === 'ready') setTodo(state.data);
  }, [state]);

  const upsertMedia = (media: Media) =>
    setTodo((current) =>
      current
        ? {
            ...current,
            media: current.media.some((item) => item.id === media.id)
              ? current.media.map((item) => (item.id === media.id ? media : item))
              : [...current.media, media],
          }
        : current,
    );

  if (state.status === 'loading' && !todo) return <Loading>Loading the todo…</Loading>;
  if (state.status === 'error') {
    const notFound = state.error instanceof GraphqlRequestError && state.error.code === 'NOT_FOUND';
    return (
      <main>
        <PageHeading title="Todo · Stratum">{notFound ? 'Todo not found' : 'Todo'}</PageHeading>
        <ErrorMessage onRetry={notFound ? undefined : reload}>
          {notFound ? 'This todo does not exist or was deleted.' : describeError(state.error)}
        </ErrorMessage>
        <Link to="/todos">Back to todos</Link>
      </main>
    );
  }
  if (!todo) return null;

  return (
    <main>
      <PageHeading title={`${todo.title} · Stratum`}>{todo.title}</PageHeading>
      <p>
        <Link to="/todos">Back to todos</Link>
      </p>
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">Edit</h2>
        {saved ? <p role="status">Saved.</p> : null}
        <TodoForm
          key={todo.version}
          draftKey={`todo.edit.${todo.id}`}
          todo={todo}
          submitLabel="Save changes"
          onSubmit={async (input) => {
            setSaved(false);
            try {
              const updated = await todos.update(todo.id, input, todo.version);
              setTodo({ ...updated, media: todo.media });
              setSaved(true);
            } catch (error) {
              if (error instanceof GraphqlRequestError && error.code === 'CONFLICT') {
                throw new Error(
                  'Someone else changed this todo meanwhile. Reload the page to see their version.',
                );
              }
              throw error;
            }
          }}
        />
      </section>
      <section aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">Attachments</h2>
        {mediaError ? <ErrorMessage>{mediaError}</ErrorMessage> : null}
        <MediaList
          items={todo.media}
          onDelete={(media) => {
            setMediaError(undefined);
            mediaApi.remove(media.id).then(
              () =>
                setTodo(
                  (current) =>
                    current && { ...current, media: current.media.filter((m) => m.id !== media.id) },
                ),
              (error: unknown) => setMediaError(describeError(error)),
            );
          }}
        />
        <AttachmentUploader todoId={todo.id} onMediaChange={upsertMedia} />
      </section>
    </main>
  );
}
