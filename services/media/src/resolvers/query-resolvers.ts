import { type MediaContext, tenantScope } from '../context.ts';
import { idArgument } from '../input.ts';

type Args = Record<string, unknown>;

export const queryResolvers = {
  media: (_: unknown, args: Args, context: MediaContext) =>
    context.media.get(tenantScope(context), idArgument(args.id, 'id')),
};
