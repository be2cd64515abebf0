import { type TodoContext, tenantScope } from '../context.ts';
import { todoIdArgument, todoQueryArguments } from '../input.ts';
import { toConnection } from './connection.ts';

type Args = Record<string, unknown>;

export const queryResolvers = {
  todo: (_: unknown, args: Args, context: TodoContext) => {
    const todoId = todoIdArgument(args.id);
    return context.data.todos.get(tenantScope(context), todoId);
  },

  todos: async (_: unknown, args: Args, context: TodoContext) => {
    const query = todoQueryArguments(args);
    return toConnection(await context.data.todos.list(tenantScope(context), query));
  },
};
