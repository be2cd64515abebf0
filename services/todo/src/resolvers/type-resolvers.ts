import type { Todo } from '@stratum/data';

export const typeResolvers = {
  /** GraphQL enum names ↔ the data layer's lower-case values, both ways (args and results). */
  TodoStatus: { OPEN: 'open', DONE: 'done' },

  Todo: {
    id: (todo: Todo) => todo.todoId,
    /** A reference the gateway resolves through the users subgraph (`User @key(fields: "id")`). */
    createdBy: (todo: Todo) => ({ __typename: 'User', id: todo.createdBy }),
  },
};
