import { Entity } from 'dynamodb-toolbox/entity';
import { item } from 'dynamodb-toolbox/schema/item';
import { list } from 'dynamodb-toolbox/schema/list';
import { map } from 'dynamodb-toolbox/schema/map';
import { number } from 'dynamodb-toolbox/schema/number';
import { string } from 'dynamodb-toolbox/schema/string';
import { tenantPartition } from '../keys.ts';
import { MEDIA_KEYS } from '../media-keys.ts';
import type { StratumTable } from '../stratum-table.ts';

const renditionSchema = map({
  name: string(),
  key: string(),
  contentType: string(),
  width: number().optional(),
  height: number().optional(),
});

const mediaSchema = item({
  tenantId: string().key(),
  mediaId: string().key(),
  todoId: string(),
  contentType: string(),
  kind: string().enum('image', 'video'),
  declaredSize: number(),
  size: number().optional(),
  status: string().enum('pending', 'processing', 'ready', 'failed'),
  failureReason: string().optional(),
  originalKey: string(),
  renditions: list(renditionSchema),
  originalETag: string().optional(),
  jobId: string().optional(),
  createdBy: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
  /** Epoch seconds; set while pending only, so an upload that never came is cleaned up. */
  ttl: number().optional(),
}).and((schema) => ({
  gsi1pk: string().link<typeof schema>(({ tenantId, todoId }) => MEDIA_KEYS.ofTodo(tenantId, todoId)),
  gsi1sk: string().link<typeof schema>(({ mediaId }) => MEDIA_KEYS.ofTodoSort(mediaId)),
}));

/** Media: `T#<tenant>` / `MEDIA#<ulid>`; the media of a todo on gsi1. */
export function createMediaEntity(table: StratumTable) {
  return new Entity({
    name: 'media',
    table,
    schema: mediaSchema,
    timestamps: false,
    computeKey: ({ tenantId, mediaId }) => ({ pk: tenantPartition(tenantId), sk: MEDIA_KEYS.sk(mediaId) }),
  });
}

export type MediaEntity = ReturnType<typeof createMediaEntity>;
