import type { DomainEvent } from '../catalog.ts';
import { createDomainEvent } from '../create-domain-event.ts';
import { StreamRecordError } from '../errors.ts';
import { deterministicEventId } from '../event-id.ts';
import { type Item, readTableChange, type TableChange } from './table-stream-record.ts';

/**
 * The `_et` attribute dynamodb-toolbox writes on every item of `@stratum/data` (the entity's
 * name). It is how a stream record says what it holds without parsing keys.
 */
export const ENTITY_ATTRIBUTE = '_et';

const nullable = (value: unknown) => (value === undefined ? null : value);

/** Common detail of an event made from `change`: a stable id per (record, event name). */
function common(change: TableChange, name: string, item: Item) {
  return {
    eventId: deterministicEventId('table-stream', change.eventId, name),
    occurredAt: change.committedAt,
    tenantId: item.tenantId as string,
  };
}

function todoEvents(change: TableChange): DomainEvent[] {
  const { kind, newItem, oldItem } = change;
  if (kind === 'INSERT' && newItem) {
    return [
      createDomainEvent('TodoCreated', {
        ...common(change, 'TodoCreated', newItem),
        todoId: newItem.todoId as string,
        title: newItem.title as string,
        dueDate: nullable(newItem.dueDate) as string | null,
        createdBy: newItem.createdBy as string,
      }),
    ];
  }
  if (kind === 'MODIFY' && newItem && oldItem?.status !== 'done' && newItem.status === 'done') {
    return [
      createDomainEvent('TodoCompleted', {
        ...common(change, 'TodoCompleted', newItem),
        todoId: newItem.todoId as string,
        title: newItem.title as string,
        createdBy: newItem.createdBy as string,
        completedAt: (newItem.completedAt ?? change.committedAt) as string,
      }),
    ];
  }
  if (kind === 'REMOVE' && oldItem && !change.byService) {
    return [
      createDomainEvent('TodoDeleted', {
        ...common(change, 'TodoDeleted', oldItem),
        todoId: oldItem.todoId as string,
        title: oldItem.title as string,
        createdBy: oldItem.createdBy as string,
      }),
    ];
  }
  return [];
}

function invitationEvents(change: TableChange): DomainEvent[] {
  const item = change.newItem;
  if (change.kind !== 'INSERT' || !item || item.status !== 'pending') return [];
  return [
    createDomainEvent('MemberInvited', {
      ...common(change, 'MemberInvited', item),
      invitationId: item.invitationId as string,
      email: item.email as string,
      role: item.role as 'owner' | 'member',
      invitedBy: item.invitedBy as string,
      expiresAt: item.expiresAt as string,
    }),
  ];
}

function memberEvents(change: TableChange): DomainEvent[] {
  const item = change.newItem;
  if (change.kind !== 'INSERT' || !item) return [];
  return [
    createDomainEvent('MemberJoined', {
      ...common(change, 'MemberJoined', item),
      userId: item.userId as string,
      email: item.email as string,
      displayName: item.displayName as string,
      role: item.role as 'owner' | 'member',
    }),
  ];
}

const WAITING = new Set(['pending', 'processing']);
const FINISHED = new Set(['ready', 'failed']);

/**
 * A media item leaves `pending` when its object has arrived and the processor took it
 * (`MediaUploaded`), and reaches `ready` or `failed` when processing ended (`MediaProcessed`).
 * An image can do both in one write (pending → ready): that record means both events.
 */
function mediaEvents(change: TableChange): DomainEvent[] {
  const { kind, newItem, oldItem } = change;
  if (kind !== 'MODIFY' || !newItem || !oldItem) return [];
  const events: DomainEvent[] = [];
  const about = (name: string) => ({
    ...common(change, name, newItem),
    mediaId: newItem.mediaId as string,
    uploadedBy: newItem.createdBy as string,
    todoId: nullable(newItem.todoId) as string | null,
  });
  if (oldItem.status === 'pending' && newItem.status !== 'pending') {
    events.push(
      createDomainEvent('MediaUploaded', {
        ...about('MediaUploaded'),
        contentType: newItem.contentType as string,
        sizeBytes: (newItem.size ?? newItem.declaredSize) as number,
      }),
    );
  }
  if (WAITING.has(oldItem.status as string) && FINISHED.has(newItem.status as string)) {
    events.push(
      createDomainEvent('MediaProcessed', {
        ...about('MediaProcessed'),
        status: newItem.status as 'ready' | 'failed',
        failureReason:
          newItem.status === 'failed' ? (nullable(newItem.failureReason) as string | null) : null,
      }),
    );
  }
  return events;
}

const byEntity: Readonly<Record<string, (change: TableChange) => DomainEvent[]>> = {
  todo: todoEvents,
  media: mediaEvents,
  invitation: invitationEvents,
  member: memberEvents,
};

/**
 * The domain events one table stream record means: none for most records (a title edit, a
 * tenant rename, a TTL expiry), one for a todo created/completed/deleted, an invitation or a
 * new member, one or two for a media item whose upload arrived or whose processing ended. Pure: the same record always gives the same events, with the same ids.
 *
 * Throws a `StreamRecordError` for a record that is not a stream record, and a
 * `DomainEventValidationError` (naming the field) for an item that breaks an event's schema;
 * both mean the table holds something the catalogue does not describe, which must be loud.
 *
 * @example
 * const events = records.flatMap(domainEventsFromStreamRecord); // the Pipe enrichment
 */
export function domainEventsFromStreamRecord(record: unknown): DomainEvent[] {
  const change = readTableChange(record);
  const item = change.newItem ?? change.oldItem;
  if (!item) throw new StreamRecordError(change.eventId, 'it has neither a new nor an old image');
  const entity = item[ENTITY_ATTRIBUTE];
  const map = typeof entity === 'string' ? byEntity[entity] : undefined;
  return map ? map(change) : [];
}
