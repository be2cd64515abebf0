import { ENTITY_ATTRIBUTE } from './domain-events-from-stream-record.ts';

/**
 * The Pipe's source filter (`FilterCriteria.Filters[].Pattern`, one pattern per entry): only
 * records that can mean an event reach the enrichment Lambda, so title edits, tenant renames and
 * most other writes cost nothing. The enrichment decides exactly (it also drops TTL removals and
 * non-pending invitations); the filter only has to be a superset of what it maps.
 */
export const TABLE_STREAM_FILTER_PATTERNS: readonly object[] = [
  {
    eventName: ['INSERT'],
    dynamodb: { NewImage: { [ENTITY_ATTRIBUTE]: { S: ['todo', 'invitation', 'member'] } } },
  },
  {
    eventName: ['MODIFY'],
    dynamodb: {
      NewImage: { [ENTITY_ATTRIBUTE]: { S: ['todo'] }, status: { S: ['done'] } },
      OldImage: { status: { S: ['open'] } },
    },
  },
  {
    eventName: ['MODIFY'],
    dynamodb: {
      NewImage: { [ENTITY_ATTRIBUTE]: { S: ['media'] }, status: { S: ['processing', 'ready', 'failed'] } },
      OldImage: { status: { S: ['pending', 'processing'] } },
    },
  },
  { eventName: ['REMOVE'], dynamodb: { OldImage: { [ENTITY_ATTRIBUTE]: { S: ['todo'] } } } },
];

/**
 * The Pipe's target parameters for the event bus. The enrichment returns an array of
 * `{ source, detailType, detail }`; Pipes sends each element as one event, taking `Source` and
 * `DetailType` from it with dynamic path parameters and the element's `detail` as the event
 * detail. See ADR 0006.
 */
export const PIPE_EVENT_BUS_TARGET_PARAMETERS = {
  InputTemplate: '<$.detail>',
  EventBridgeEventBusParameters: { Source: '$.source', DetailType: '$.detailType' },
} as const;
