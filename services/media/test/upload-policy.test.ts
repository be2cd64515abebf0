import { S3Client } from '@aws-sdk/client-s3';
import type { Media } from '@stratum/data';
import { describe, expect, it } from 'vitest';
import { createS3MediaStorage } from '../src/storage/media-storage.ts';

const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
});

const media: Media = {
  tenantId: 'tenant-a',
  mediaId: '01JZ0000000000000000000001',
  todoId: '01JZ0000000000000000000002',
  contentType: 'image/png',
  kind: 'image',
  declaredSize: 1000,
  size: null,
  status: 'pending',
  failureReason: null,
  originalKey: 'tenants/tenant-a/media/01JZ0000000000000000000001/original',
  renditions: [],
  originalETag: null,
  jobId: null,
  createdBy: 'user-a1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

interface Policy {
  expiration: string;
  conditions: unknown[];
}

const decodePolicy = (fields: Readonly<Record<string, string>>): Policy =>
  JSON.parse(Buffer.from(fields.Policy ?? '', 'base64').toString('utf8'));

describe('upload ticket (presigned POST)', () => {
  it('pins bucket, exact key, content type and size range, and expires within five minutes', async () => {
    const storage = createS3MediaStorage({ s3, bucket: 'media-bucket' });
    const before = Date.now();
    const ticket = await storage.uploadTicket(media);
    const policy = decodePolicy(ticket.fields);

    expect(ticket.url).toBe('https://media-bucket.s3.eu-west-1.amazonaws.com/');
    expect(ticket.fields).toMatchObject({ key: media.originalKey, 'Content-Type': 'image/png' });

    const expiresIn = Date.parse(policy.expiration) - before;
    expect(expiresIn).toBeGreaterThan(290_000);
    expect(expiresIn).toBeLessThanOrEqual(301_000);
    expect(Math.abs(Date.parse(ticket.expiresAt) - Date.parse(policy.expiration))).toBeLessThan(2_000);

    const signing = policy.conditions.filter(
      (condition) =>
        typeof condition === 'object' &&
        condition !== null &&
        !Array.isArray(condition) &&
        Object.keys(condition).some((key) => key.startsWith('X-Amz-')),
    );
    const rules = policy.conditions.filter((condition) => !signing.includes(condition));
    // Every rule the storage enforces, and nothing else: no starts-with on the key, no open field.
    expect(rules).toEqual([
      ['content-length-range', 1, 20 * 1024 * 1024],
      ['eq', '$Content-Type', 'image/png'],
      // The library also turns every preset field into an exact-match condition.
      { 'Content-Type': 'image/png' },
      { bucket: 'media-bucket' },
      { key: 'tenants/tenant-a/media/01JZ0000000000000000000001/original' },
    ]);
    expect(signing.map((condition) => Object.keys(condition as object)[0]).sort()).toEqual([
      'X-Amz-Algorithm',
      'X-Amz-Credential',
      'X-Amz-Date',
    ]);
    for (const name of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Signature']) {
      expect(ticket.fields[name]).toBeTruthy();
    }
  });

  it('bounds a video by the video limit and pins its own type', async () => {
    const storage = createS3MediaStorage({ s3, bucket: 'media-bucket', uploadTtlSeconds: 60 });
    const ticket = await storage.uploadTicket({ ...media, contentType: 'video/mp4', kind: 'video' });
    const policy = decodePolicy(ticket.fields);
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 1024 * 1024 * 1024]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'video/mp4']);
    expect(Date.parse(policy.expiration) - Date.now()).toBeLessThanOrEqual(61_000);
  });

  it('refuses an upload lifetime over five minutes, and a content type outside the allow-list', async () => {
    expect(() => createS3MediaStorage({ s3, bucket: 'b', uploadTtlSeconds: 301 })).toThrow(/1 to 300/);
    const storage = createS3MediaStorage({ s3, bucket: 'b' });
    await expect(storage.uploadTicket({ ...media, contentType: 'text/html' })).rejects.toThrow(/allow-list/);
  });

  it('signs GET URLs for the exact key with the configured lifetime', async () => {
    const storage = createS3MediaStorage({ s3, bucket: 'media-bucket', downloadTtlSeconds: 600 });
    const url = new URL(await storage.downloadUrl(`${media.originalKey}`));
    expect(url.hostname).toBe('media-bucket.s3.eu-west-1.amazonaws.com');
    expect(url.pathname).toBe(`/${media.originalKey}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });
});
