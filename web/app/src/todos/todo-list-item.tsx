import { Link } from '@stratum/web-shared';
import type { Todo } from './todo-api.ts';

export interface TodoListItemProps {
  readonly todo: Todo;
  readonly busy: boolean;
  readonly onToggle: (todo: Todo) => void;
  readonly onDelete: (todo: Todo) => void;
}

const today = (): string => new Date().toISOString().slice(0, 10);

export function TodoListItem({ todo, busy, onToggle, onDelete }: TodoListItemProps) {
  const done = todo.status === 'DONE';
  const overdue = !done && todo.dueDate !== null && todo.dueDate < today();
  return (
    <li aria-busy={busy}>
      <label className="inline">
        <input type="checkbox" checked={done} disabled={busy} onChange={() => onToggle(todo)} />
        <span className={done ? 'done-title' : undefined}>{todo.title}</span>
        <span className="visually-hidden">{done ? '(done)' : '(open)'}</span>
      </label>
      {todo.dueDate ? (
        <p className={overdue ? 'error' : 'hint'}>
          Due {todo.dueDate}
          {overdue ? ' (overdue)' : ''}
        </p>
      ) : null}
      {todo.tags.length > 0 ? (
        <p>
          {todo.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
      <div className="actions">
        <Link to={`/todos/${encodeURIComponent(todo.id)}`} aria-label={`Open ${todo.title}`}>
          Details and attachments
        </Link>
        <button
          type="button"
          disabled={busy}
          onClick={() => onDelete(todo)}
          aria-label={`Delete ${todo.title}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
