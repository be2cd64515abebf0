/**
 * Table keys of media items (the other entities' keys are in `keys.ts`). A media item lives in
 * its tenant's partition, addressed by its own id (the processor knows only tenant and media id,
 * from the object key); gsi1 groups the media of one todo, oldest first (ULIDs sort by time).
 */
export const MEDIA_KEYS = {
  sk: (mediaId: string) => `MEDIA#${mediaId}`,
  skPrefix: 'MEDIA#',
  ofTodo: (tenantId: string, todoId: string) => `T#${tenantId}#TODO#${todoId}#MEDIA`,
  ofTodoSort: (mediaId: string) => `MEDIA#${mediaId}`,
} as const;
