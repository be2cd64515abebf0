import * as z from 'zod';
import { defineDomainEvent } from './define-domain-event.ts';
import {
  displayNameSchema,
  emailSchema,
  idSchema,
  isoDateSchema,
  isoTimeSchema,
  roleSchema,
  titleSchema,
  ulidSchema,
} from './fields.ts';

/** A todo was created. From the table stream (todo INSERT). */
export const TodoCreated = defineDomainEvent('TodoCreated', 'stratum.todo', {
  todoId: ulidSchema,
  title: titleSchema,
  dueDate: isoDateSchema.nullable(),
  createdBy: idSchema,
});

/** A todo went from open to done. From the table stream (todo MODIFY, status open → done). */
export const TodoCompleted = defineDomainEvent('TodoCompleted', 'stratum.todo', {
  todoId: ulidSchema,
  title: titleSchema,
  createdBy: idSchema,
  completedAt: isoTimeSchema,
});

/** A todo was deleted. From the table stream (todo REMOVE by a user, not by TTL). */
export const TodoDeleted = defineDomainEvent('TodoDeleted', 'stratum.todo', {
  todoId: ulidSchema,
  title: titleSchema,
  createdBy: idSchema,
});

/** An open todo is due within the reminder window. From the due-soon schedule, once per todo and due date. */
export const TodoDueSoon = defineDomainEvent('TodoDueSoon', 'stratum.todo', {
  todoId: ulidSchema,
  title: titleSchema,
  dueDate: isoDateSchema,
  createdBy: idSchema,
});

/** A media object arrived in the media bucket and processing began. From the table stream (media leaves `pending`). */
export const MediaUploaded = defineDomainEvent('MediaUploaded', 'stratum.media', {
  mediaId: idSchema,
  uploadedBy: idSchema,
  todoId: ulidSchema.nullable(),
  contentType: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative(),
});

/** Processing of a media object ended (thumbnails or transcoding). From the table stream (media reaches `ready` or `failed`). */
export const MediaProcessed = defineDomainEvent('MediaProcessed', 'stratum.media', {
  mediaId: idSchema,
  uploadedBy: idSchema,
  todoId: ulidSchema.nullable(),
  status: z.enum(['ready', 'failed']),
  /** Why processing failed; null when ready. */
  failureReason: z.string().max(1000).nullable(),
});

/** Someone was invited to the tenant. From the table stream (invitation INSERT). */
export const MemberInvited = defineDomainEvent('MemberInvited', 'stratum.tenancy', {
  invitationId: ulidSchema,
  email: emailSchema,
  role: roleSchema,
  invitedBy: idSchema,
  expiresAt: isoTimeSchema,
});

/**
 * A user became a member (tenant created with its owner, or invitation accepted). From the
 * table stream (member INSERT). Not in issue #4's list: it is what the welcome e-mail needs.
 */
export const MemberJoined = defineDomainEvent('MemberJoined', 'stratum.tenancy', {
  userId: idSchema,
  email: emailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
});

/** Every domain event of version 1, the one list consumers and producers share. */
export const DOMAIN_EVENTS = [
  TodoCreated,
  TodoCompleted,
  TodoDeleted,
  TodoDueSoon,
  MediaUploaded,
  MediaProcessed,
  MemberInvited,
  MemberJoined,
] as const;

type Definition = (typeof DOMAIN_EVENTS)[number];

export type DomainEventName = Definition['name'];
export type DomainEventSource = Definition['source'];

/** A parsed domain event: the EventBridge `source`, `detail-type` and typed `detail`. */
export type DomainEvent = {
  [D in Definition as D['name']]: {
    readonly source: D['source'];
    readonly detailType: D['name'];
    readonly detail: z.output<D['detail']>;
  };
}[DomainEventName];

export type DomainEventOf<N extends DomainEventName> = Extract<DomainEvent, { detailType: N }>;

/** What a producer supplies to create an event: the detail without `version`. */
export type DomainEventInput<N extends DomainEventName> = Omit<DomainEventOf<N>['detail'], 'version'>;

const byName = new Map<string, Definition>(DOMAIN_EVENTS.map((definition) => [definition.name, definition]));

/** The definition of an event name, or undefined for a name outside the catalogue. */
export function domainEventDefinition(name: string): Definition | undefined {
  return byName.get(name);
}
