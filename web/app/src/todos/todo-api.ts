import type { GraphqlClient } from '@stratum/web-shared';
import * as z from 'zod';
import { MEDIA_FIELDS, type Media, mediaSchema } from '../media/media-api.ts';

export const TODO_FIELDS = 'id title notes status dueDate tags createdAt updatedAt completedAt version';

export const todoSchema = z.object({
  id: z.string(),
  title: z.string(),
  notes: z.string().nullable(),
  status: z.enum(['OPEN', 'DONE']),
  dueDate: z.string().nullable(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  version: z.number(),
});
export type Todo = z.infer<typeof todoSchema>;
export type TodoWithMedia = Todo & { readonly media: readonly Media[] };

export interface TodoFilter {
  readonly status?: 'OPEN' | 'DONE';
  readonly dueFrom?: string;
  readonly dueTo?: string;
}

export interface TodoPage {
  readonly todos: readonly Todo[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

export interface TodoInput {
  readonly title: string;
  readonly notes: string | null;
  readonly dueDate: string | null;
  readonly tags: readonly string[];
}

const todoPageSchema = z.object({
  todos: z.object({
    edges: z.array(z.object({ node: todoSchema })),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  }),
});

export const PAGE_SIZE = 20;

/** The todo operations of the public app, each parsed with zod before the UI sees it. */
export class TodoApi {
  constructor(private readonly api: GraphqlClient) {}

  async list(filter: TodoFilter, after: string | null): Promise<TodoPage> {
    const data = await this.api.request(
      `query Todos($filter: TodoFilter, $first: Int, $after: String) {
        todos(filter: $filter, first: $first, after: $after) {
          edges { node { ${TODO_FIELDS} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter, first: PAGE_SIZE, after },
      todoPageSchema,
    );
    return {
      todos: data.todos.edges.map((edge) => edge.node),
      endCursor: data.todos.pageInfo.endCursor,
      hasNextPage: data.todos.pageInfo.hasNextPage,
    };
  }

  async get(id: string): Promise<TodoWithMedia> {
    const data = await this.api.request(
      `query Todo($id: ID!) { todo(id: $id) { ${TODO_FIELDS} media { ${MEDIA_FIELDS} } } }`,
      { id },
      z.object({ todo: todoSchema.extend({ media: z.array(mediaSchema) }) }),
    );
    return data.todo;
  }

  async create(input: TodoInput): Promise<Todo> {
    const data = await this.api.request(
      `mutation CreateTodo($input: CreateTodoInput!) { createTodo(input: $input) { ${TODO_FIELDS} } }`,
      { input: { ...input, notes: input.notes ?? undefined, dueDate: input.dueDate ?? undefined } },
      z.object({ createTodo: todoSchema }),
    );
    return data.createTodo;
  }

  /** Optimistic concurrency: fails with CONFLICT when someone saved the todo after `expectedVersion`. */
  async update(id: string, input: TodoInput, expectedVersion: number): Promise<Todo> {
    const data = await this.api.request(
      `mutation UpdateTodo($id: ID!, $input: UpdateTodoInput!, $expectedVersion: Int!) {
        updateTodo(id: $id, input: $input, expectedVersion: $expectedVersion) { ${TODO_FIELDS} }
      }`,
      { id, input, expectedVersion },
      z.object({ updateTodo: todoSchema }),
    );
    return data.updateTodo;
  }

  async complete(id: string): Promise<Todo> {
    const data = await this.api.request(
      `mutation CompleteTodo($id: ID!) { completeTodo(id: $id) { ${TODO_FIELDS} } }`,
      { id },
      z.object({ completeTodo: todoSchema }),
    );
    return data.completeTodo;
  }

  async reopen(id: string): Promise<Todo> {
    const data = await this.api.request(
      `mutation ReopenTodo($id: ID!) { reopenTodo(id: $id) { ${TODO_FIELDS} } }`,
      { id },
      z.object({ reopenTodo: todoSchema }),
    );
    return data.reopenTodo;
  }

  async remove(id: string): Promise<void> {
    await this.api.request(
      'mutation DeleteTodo($id: ID!) { deleteTodo(id: $id) }',
      { id },
      z.object({ deleteTodo: z.string() }),
    );
  }
}
