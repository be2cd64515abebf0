import { type TodoContext, tenantScope } from '../context.ts';
import { expectedVersionArgument, newTodoArgument, todoIdArgument, todoPatchArgument } from '../input.ts';

type Args = Record<string, unknown>;

export const mutationResolvers = {
  createTodo: (_: unknown, args: Args, context: TodoContext) =>
    context.data.todos.create(tenantScope(context), newTodoArgument(args.input)),

  updateTodo: (_: unknown, args: Args, context: TodoContext) => {
    const todoId = todoIdArgument(args.id);
    const patch = todoPatchArgument(args.input);
    const expectedVersion = expectedVersionArgument(args.expectedVersion);
    return context.data.todos.update(tenantScope(context), todoId, patch, expectedVersion);
  },

  completeTodo: (_: unknown, args: Args, context: TodoContext) =>
    context.data.todos.setStatus(tenantScope(context), todoIdArgument(args.id), 'done'),

  reopenTodo: (_: unknown, args: Args, context: TodoContext) =>
    context.data.todos.setStatus(tenantScope(context), todoIdArgument(args.id), 'open'),

  deleteTodo: async (_: unknown, args: Args, context: TodoContext) => {
    const todoId = todoIdArgument(args.id);
    await context.data.todos.delete(tenantScope(context), todoId);
    return todoId;
  },
};
