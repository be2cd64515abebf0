import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from 'zod';
import { StreamRecordError } from '../errors.ts';

/**
 * The fields of a DynamoDB stream record (as Pipes and Lambda deliver it) that the mapping
 * reads. The table's stream is NEW_AND_OLD_IMAGES, so INSERT has a new image, REMOVE an old one
 * and MODIFY both.
 */
const streamRecordSchema = z.object({
  eventID: z.string().min(1),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  /** Present on deletions made by DynamoDB itself (TTL): `{ type: 'Service', principalId: 'dynamodb.amazonaws.com' }`. */
  userIdentity: z.object({ type: z.string().optional(), principalId: z.string().optional() }).optional(),
  dynamodb: z.object({
    /** Epoch seconds of the commit. */
    ApproximateCreationDateTime: z.number(),
    NewImage: z.record(z.string(), z.unknown()).optional(),
    OldImage: z.record(z.string(), z.unknown()).optional(),
  }),
});

export type Item = Readonly<Record<string, unknown>>;

/** A stream record made readable: images unmarshalled, commit time as ISO. */
export interface TableChange {
  readonly eventId: string;
  readonly kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** True when DynamoDB removed the item itself (TTL expiry), not a user's write. */
  readonly byService: boolean;
  readonly committedAt: string;
  readonly newItem: Item | undefined;
  readonly oldItem: Item | undefined;
}

function unmarshallImage(eventId: string, image: Record<string, unknown> | undefined): Item | undefined {
  if (!image) return undefined;
  try {
    // The schema checked it is an object; unmarshall checks every attribute value's shape.
    return unmarshall(image as Record<string, AttributeValue>);
  } catch (error) {
    throw new StreamRecordError(eventId, 'an image is not in DynamoDB JSON', { cause: error });
  }
}

/** Reads one stream record or throws a StreamRecordError saying what is missing. */
export function readTableChange(record: unknown): TableChange {
  const parsed = streamRecordSchema.safeParse(record);
  if (!parsed.success) {
    const id = (record as { eventID?: unknown } | null)?.eventID;
    const issue = parsed.error.issues[0];
    throw new StreamRecordError(
      typeof id === 'string' ? id : undefined,
      `${issue?.path.join('.') || '(record)'} ${issue?.message ?? 'is invalid'}`,
      { cause: parsed.error },
    );
  }
  const { eventID, eventName, userIdentity, dynamodb } = parsed.data;
  return {
    eventId: eventID,
    kind: eventName,
    byService: userIdentity?.type === 'Service',
    committedAt: new Date(dynamodb.ApproximateCreationDateTime * 1000).toISOString(),
    newItem: unmarshallImage(eventID, dynamodb.NewImage),
    oldItem: unmarshallImage(eventID, dynamodb.OldImage),
  };
}
