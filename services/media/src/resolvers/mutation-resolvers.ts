import { MediaNotFoundError } from '@stratum/data';
import { type MediaContext, tenantScope } from '../context.ts';
import { idArgument } from '../input.ts';

type Args = Record<string, unknown>;

export const mutationResolvers = {
  /** The item is written first (pending), so every ticket that works has an item to process. */
  createUpload: async (_: unknown, args: Args, context: MediaContext) => {
    const scope = tenantScope(context);
    const todoId = idArgument(args.todoId, 'todoId');
    const media = await context.media.create(scope, {
      todoId,
      contentType: args.contentType as string,
      size: args.size as number,
    });
    const ticket = await context.storage.uploadTicket(media);
    context.logger.info('Upload ticket issued', {
      mediaId: media.mediaId,
      todoId,
      contentType: media.contentType,
      declaredSize: media.declaredSize,
      expiresAt: ticket.expiresAt,
    });
    return {
      mediaId: media.mediaId,
      url: ticket.url,
      fields: Object.entries(ticket.fields).map(([name, value]) => ({ name, value })),
      expiresAt: ticket.expiresAt,
      media,
    };
  },

  /**
   * Objects first, then the item: if the item delete fails, a retry still finds the item and
   * finishes the job; the other order could leave objects that nothing points to.
   */
  deleteMedia: async (_: unknown, args: Args, context: MediaContext) => {
    const scope = tenantScope(context);
    const mediaId = idArgument(args.id, 'id');
    const media = await context.media.get(scope, mediaId);
    await context.storage.deleteObjects(media);
    try {
      await context.media.delete(scope, mediaId);
    } catch (error) {
      // A concurrent delete got there first: the item is gone, which is what was asked.
      if (!(error instanceof MediaNotFoundError)) throw error;
    }
    context.logger.info('Media deleted', { mediaId, todoId: media.todoId });
    return mediaId;
  },
};
