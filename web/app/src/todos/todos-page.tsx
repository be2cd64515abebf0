import {
  ConfirmDialog,
  describeError,
  EmptyState,
  ErrorMessage,
  Loading,
  navigate,
  PageHeading,
  useLocation,
  useServices,
} from '@stratum/web-shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type Todo, TodoApi, type TodoFilter, type TodoPage } from './todo-api.ts';
import { filterFromSearch, TodoFilters } from './todo-filters.tsx';
import { TodoForm } from './todo-form.tsx';
import { TodoListItem } from './todo-list-item.tsx';

type ListState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | { readonly status: 'ready'; readonly todos: readonly Todo[]; readonly next: string | null };

const pageState = (page: TodoPage, previous: readonly Todo[]): ListState => ({
  status: 'ready',
  todos: [...previous, ...page.todos],
  next: page.hasNextPage ? page.endCursor : null,
});

/** The tenant's todos: create, filter, complete/reopen, delete, and "Load more" cursor pagination. */
export function TodosPage() {
  const { api } = useServices();
  const todos = useMemo(() => new TodoApi(api), [api]);
  const { searchParams } = useLocation();
  const filterKey = searchParams.toString();
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(filterKey)), [filterKey]);
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());
  const [actionError, setActionError] = useState<string>();
  const [pendingDelete, setPendingDelete] = useState<Todo>();

  const reload = useCallback(() => {
    let current = true;
    setList({ status: 'loading' });
    todos.list(filter, null).then(
      (page) => current && setList(pageState(page, [])),
      (error: unknown) => current && setList({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [todos, filter]);

  useEffect(reload, [reload]);

  const loadMore = async () => {
    if (list.status !== 'ready' || list.next === null) return;
    setLoadingMore(true);
    try {
      setList(pageState(await todos.list(filter, list.next), list.todos));
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const replace = (todo: Todo) =>
    setList((state) =>
      state.status === 'ready'
        ? { ...state, todos: state.todos.map((item) => (item.id === todo.id ? todo : item)) }
        : state,
    );

  const withBusy = async (id: string, action: () => Promise<void>) => {
    setBusyIds((ids) => new Set(ids).add(id));
    setActionError(undefined);
    try {
      await action();
    } catch (error) {
      setActionError(describeError(error));
    } finally {
      setBusyIds((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  };

  const onFilterChange = (next: TodoFilter) => {
    const query = new URLSearchParams(next as Record<string, string>).toString();
    navigate(query ? `/todos?${query}` : '/todos', { replace: true });
  };

  return (
    <main>
      <PageHeading title="Todos · Stratum">Todos</PageHeading>
      <section aria-labelledby="new-todo-heading">
        <h2 id="new-todo-heading">New todo</h2>
        <TodoForm
          draftKey="todo.new"
          submitLabel="Add todo"
          onSubmit={async (input) => {
            const created = await todos.create(input);
            setList((state) =>
              state.status === 'ready' ? { ...state, todos: [created, ...state.todos] } : state,
            );
          }}
        />
      </section>
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Your todos</h2>
        <TodoFilters filter={filter} onChange={onFilterChange} />
        {actionError ? <ErrorMessage>{actionError}</ErrorMessage> : null}
        {list.status === 'loading' ? <Loading>Loading todos…</Loading> : null}
        {list.status === 'error' ? (
          <ErrorMessage onRetry={reload}>{describeError(list.error)}</ErrorMessage>
        ) : null}
        {list.status === 'ready' && list.todos.length === 0 ? (
          <EmptyState>
            {Object.keys(filter).length > 0
              ? 'No todos match this filter.'
              : 'No todos yet. Add your first one above.'}
          </EmptyState>
        ) : null}
        {list.status === 'ready' && list.todos.length > 0 ? (
          <ul className="cards" aria-label="Todos">
            {list.todos.map((todo) => (
              <TodoListItem
                key={todo.id}
                todo={todo}
                busy={busyIds.has(todo.id)}
                onToggle={(item) =>
                  withBusy(item.id, async () =>
                    replace(
                      item.status === 'DONE' ? await todos.reopen(item.id) : await todos.complete(item.id),
                    ),
                  )
                }
                onDelete={setPendingDelete}
              />
            ))}
          </ul>
        ) : null}
        {list.status === 'ready' && list.next !== null ? (
          <button type="button" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </section>
      {pendingDelete ? (
        <ConfirmDialog
          title={`Delete "${pendingDelete.title}"?`}
          confirmLabel="Delete todo"
          onCancel={() => setPendingDelete(undefined)}
          onConfirm={() => {
            const todo = pendingDelete;
            setPendingDelete(undefined);
            void withBusy(todo.id, async () => {
              await todos.remove(todo.id);
              setList((state) =>
                state.status === 'ready'
                  ? { ...state, todos: state.todos.filter((item) => item.id !== todo.id) }
                  : state,
              );
            });
          }}
        >
          The todo and its attachments are deleted for everyone in your team.
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
