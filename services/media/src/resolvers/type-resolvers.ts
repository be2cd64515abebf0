import type { Media, MediaRendition } from '@stratum/data';
import { type MediaContext, tenantScope } from '../context.ts';
import { idArgument } from '../input.ts';

/** Renditions a thumbnail can be, smallest first. */
const THUMBNAIL_NAMES = ['thumb-256', 'poster', 'thumb-1024'];

/**
 * URLs are signed for READY media only: before that the original has not been checked, and a
 * file that failed the check (e.g. HTML declared as image/png) must never be served.
 */
const isReady = (media: Media) => media.status === 'ready';

export const typeResolvers = {
  /** GraphQL enum names ↔ the data layer's lower-case values. */
  MediaStatus: { PENDING: 'pending', PROCESSING: 'processing', READY: 'ready', FAILED: 'failed' },

  Media: {
    /** The gateway fetches a Media entity by id; an id of another tenant is NOT_FOUND. */
    __resolveReference: (reference: { id: unknown }, context: MediaContext) =>
      context.media.get(tenantScope(context), idArgument(reference.id, 'id')),
    id: (media: Media) => media.mediaId,
    size: (media: Media) => media.size ?? media.declaredSize,
    originalUrl: (media: Media, _: unknown, context: MediaContext) =>
      isReady(media) ? context.storage.downloadUrl(media.originalKey) : null,
    thumbnailUrl: (media: Media, _: unknown, context: MediaContext) => {
      if (!isReady(media)) return null;
      const thumbnail = THUMBNAIL_NAMES.map((name) => media.renditions.find((r) => r.name === name)).find(
        (rendition) => rendition !== undefined,
      );
      return thumbnail ? context.storage.downloadUrl(thumbnail.key) : null;
    },
    renditions: (media: Media) => (isReady(media) ? media.renditions : []),
  },

  MediaRendition: {
    url: (rendition: MediaRendition, _: unknown, context: MediaContext) =>
      context.storage.downloadUrl(rendition.key),
  },

  Todo: {
    /** Todos are owned by the todo subgraph; this one only needs the id to list media by. */
    __resolveReference: (reference: { id: unknown }) => ({ id: reference.id }),
    media: (todo: { id: unknown }, _: unknown, context: MediaContext) =>
      context.media.listByTodo(tenantScope(context), idArgument(todo.id, 'id')),
  },
};
