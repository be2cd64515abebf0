import type { AnalyticsCounter } from '@stratum/data';
import type { DomainEventName } from '@stratum/events';

/**
 * Which tenant counter each event increments; null for events that are not activity (a
 * reminder). A `Record` over every name, so a new event fails type-checking until it is decided.
 */
const COUNTER_OF: Readonly<Record<DomainEventName, AnalyticsCounter | null>> = {
  TodoCreated: 'todosCreated',
  TodoCompleted: 'todosCompleted',
  TodoDeleted: 'todosDeleted',
  TodoDueSoon: null,
  MediaUploaded: 'mediaUploaded',
  MediaProcessed: 'mediaProcessed',
  MemberInvited: 'membersInvited',
  MemberJoined: 'membersJoined',
};

export const counterOf = (name: DomainEventName): AnalyticsCounter | null => COUNTER_OF[name];

/** The detail-types the analytics rule must route here (the others are not counted). */
export const COUNTED_EVENTS = (Object.keys(COUNTER_OF) as DomainEventName[]).filter(
  (name) => COUNTER_OF[name] !== null,
);
