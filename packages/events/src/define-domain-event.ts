import * as z from 'zod';
import { eventIdSchema, idSchema, isoTimeSchema } from './fields.ts';

/** The schema version every event of this catalogue carries in `detail.version`. */
export const DOMAIN_EVENT_VERSION = 1;

/**
 * The fields every event's `detail` starts with. `eventId` is unique per event and stable across
 * retries and replays (consumers dedupe on it); `occurredAt` is when the change was committed.
 */
const commonDetail = {
  version: z.literal(DOMAIN_EVENT_VERSION),
  eventId: eventIdSchema,
  occurredAt: isoTimeSchema,
  tenantId: idSchema,
};

/**
 * Defines one event: its EventBridge `detail-type` (the name), its `source` (`stratum.<context>`)
 * and its payload fields, which are added to the common detail fields.
 *
 * Versioning: adding an optional field keeps version 1 (consumers ignore unknown fields, the
 * schemas strip them); removing, renaming or retyping a field is a new version with its own
 * definition, published alongside v1 until every consumer has moved.
 */
export function defineDomainEvent<N extends string, S extends `stratum.${string}`, P extends z.ZodRawShape>(
  name: N,
  source: S,
  payload: P,
) {
  return { name, source, detail: z.object({ ...commonDetail, ...payload }) } as const;
}
