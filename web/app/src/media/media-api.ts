import type { GraphqlClient } from '@stratum/web-shared';
import * as z from 'zod';

export const MEDIA_FIELDS =
  'id todoId contentType size status failureReason originalUrl thumbnailUrl renditions { name contentType width height url } createdAt';

export const mediaSchema = z.object({
  id: z.string(),
  todoId: z.string(),
  contentType: z.string(),
  size: z.number(),
  status: z.enum(['PENDING', 'PROCESSING', 'READY', 'FAILED']),
  failureReason: z.string().nullable(),
  originalUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  renditions: z.array(
    z.object({
      name: z.string(),
      contentType: z.string(),
      width: z.number().nullable(),
      height: z.number().nullable(),
      url: z.string(),
    }),
  ),
  createdAt: z.string(),
});
export type Media = z.infer<typeof mediaSchema>;

const uploadTicketSchema = z.object({
  mediaId: z.string(),
  url: z.string(),
  fields: z.array(z.object({ name: z.string(), value: z.string() })),
  expiresAt: z.string(),
  media: mediaSchema,
});
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

/** The media allow-list of `@stratum/data` (media-types.ts); a unit test keeps the two equal. */
export const ACCEPTED_MEDIA_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
  'video/mp4',
  'video/quicktime',
  'video/webm',
];

export class MediaApi {
  constructor(private readonly api: GraphqlClient) {}

  async createUpload(todoId: string, contentType: string, size: number): Promise<UploadTicket> {
    const data = await this.api.request(
      `mutation CreateUpload($todoId: ID!, $contentType: String!, $size: Int!) {
        createUpload(todoId: $todoId, contentType: $contentType, size: $size) {
          mediaId url fields { name value } expiresAt media { ${MEDIA_FIELDS} }
        }
      }`,
      { todoId, contentType, size },
      z.object({ createUpload: uploadTicketSchema }),
    );
    return data.createUpload;
  }

  async get(id: string): Promise<Media> {
    const data = await this.api.request(
      `query Media($id: ID!) { media(id: $id) { ${MEDIA_FIELDS} } }`,
      { id },
      z.object({ media: mediaSchema }),
    );
    return data.media;
  }

  async remove(id: string): Promise<void> {
    await this.api.request(
      'mutation DeleteMedia($id: ID!) { deleteMedia(id: $id) }',
      { id },
      z.object({ deleteMedia: z.string() }),
    );
  }
}
