// biome-ignore-all lint/suspicious/noTemplateCurlyInString: S3's ${filename} placeholder
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type S3Sandbox, startS3Sandbox } from './s3-sandbox.ts';

const BUCKET = 'media-uploads';
let sandbox: S3Sandbox;

beforeAll(async () => {
  sandbox = await startS3Sandbox({ partSize: 5 * 1024 * 1024 });
  await sandbox.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(() => sandbox.close());

const MEDIA_POLICY: Omit<PresignedPostOptions, 'Key'> = {
  Bucket: BUCKET,
  Conditions: [
    ['content-length-range', 1, 200 * 1024],
    ['starts-with', '$Content-Type', 'image/'],
  ],
  Fields: { 'Content-Type': 'image/png', success_action_status: '201' },
  Expires: 300,
};

async function postForm(
  url: string,
  fields: Record<string, string>,
  file: Uint8Array,
  filename = 'photo.png',
): Promise<{ status: number; body: string; headers: Headers }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file]), filename);
  const response = await fetch(url, { method: 'POST', body: form });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

function bytes(size: number): Uint8Array {
  return Uint8Array.from({ length: size }, (_, index) => index % 251);
}

describe('browser POST uploads with a SigV4 POST policy', () => {
  it('accepts a presigned POST, stores the file with its type and answers 201 with PostResponse', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/u1/${filename}' });
    const file = bytes(1000);
    const answer = await postForm(post.url, post.fields, file);
    expect(answer.status).toBe(201);
    expect(answer.body).toContain(`<Bucket>${BUCKET}</Bucket><Key>uploads/u1/photo.png</Key>`);
    const stored = await sandbox.s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'uploads/u1/photo.png' }),
    );
    expect(stored.ContentType).toBe('image/png');
    expect(Buffer.from((await stored.Body?.transformToByteArray()) ?? [])).toEqual(Buffer.from(file));
    expect(answer.headers.get('etag')).toBe(stored.ETag);
  });

  it('streams a file larger than a part (5 MiB here) into the engine in parts and keeps every byte', async () => {
    const post = await createPresignedPost(sandbox.s3, {
      ...MEDIA_POLICY,
      Conditions: [['content-length-range', 1, 16 * 1024 * 1024]],
      Key: 'uploads/big.png',
    });
    const file = bytes(11 * 1024 * 1024 + 5);
    expect((await postForm(post.url, post.fields, file)).status).toBe(201);
    const head = await sandbox.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/big.png' }));
    expect(head.ContentLength).toBe(file.length);
    expect(head.ContentType).toBe('image/png');
    expect(head.ETag).toMatch(/-3"$/);
    const stored = await sandbox.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'uploads/big.png' }));
    expect(Buffer.from((await stored.Body?.transformToByteArray()) ?? []).equals(Buffer.from(file))).toBe(
      true,
    );
  });

  it('answers 204 by default', async () => {
    const post = await createPresignedPost(sandbox.s3, { Bucket: BUCKET, Key: 'plain.txt' });
    expect((await postForm(post.url, post.fields, bytes(3))).status).toBe(204);
  });

  it('refuses a file above content-length-range with EntityTooLarge and stores nothing', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/huge.png' });
    const answer = await postForm(post.url, post.fields, bytes(200 * 1024 + 1));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>EntityTooLarge</Code>');
    expect(answer.body).toContain(
      '<ProposedSize>204801</ProposedSize><MaxSizeAllowed>204800</MaxSizeAllowed>',
    );
    await expect(
      sandbox.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploads/huge.png' })),
    ).rejects.toThrow();
  });

  it('refuses an empty file below the range with EntityTooSmall', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/empty.png' });
    const answer = await postForm(post.url, post.fields, new Uint8Array(0));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('<Code>EntityTooSmall</Code>');
    expect(answer.body).toContain('<MinSizeAllowed>1</MinSizeAllowed>');
  });

  it('refuses a content type the policy does not allow', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/x.png' });
    const answer = await postForm(post.url, { ...post.fields, 'Content-Type': 'text/html' }, bytes(10));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>AccessDenied</Code>');
    expect(answer.body).toContain(
      'Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "image/"]',
    );
  });

  it('refuses a key outside the signed prefix', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/u1/${filename}' });
    const answer = await postForm(post.url, { ...post.fields, key: 'private/u2/photo.png' }, bytes(10));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('Policy Condition failed: ["starts-with", "$key", "uploads/u1/"]');
  });

  it('refuses an expired policy', async () => {
    const post = await createPresignedPost(sandbox.s3, {
      ...MEDIA_POLICY,
      Key: 'uploads/late.png',
      Expires: -1,
    });
    const answer = await postForm(post.url, post.fields, bytes(10));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Message>Invalid according to Policy: Policy expired.</Message>');
  });

  it('refuses a tampered policy or signature, and an unknown access key', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/t.png' });
    const policy = JSON.parse(Buffer.from(post.fields.Policy ?? '', 'base64').toString('utf8'));
    policy.conditions[0] = ['content-length-range', 1, 10 * 1024 * 1024 * 1024];
    const widened = { ...post.fields, Policy: Buffer.from(JSON.stringify(policy)).toString('base64') };
    const tampered = await postForm(post.url, widened, bytes(10));
    expect(tampered.status).toBe(403);
    expect(tampered.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const flipped = post.fields['X-Amz-Signature']?.replace(/^./, (c) => (c === '0' ? '1' : '0')) ?? '';
    const badSignature = await postForm(post.url, { ...post.fields, 'X-Amz-Signature': flipped }, bytes(10));
    expect(badSignature.body).toContain('<Code>SignatureDoesNotMatch</Code>');
    const stranger = {
      ...post.fields,
      'X-Amz-Credential': post.fields['X-Amz-Credential']?.replace(/^[^/]+/, 'AKIASTRANGER') ?? '',
    };
    const unknown = await postForm(post.url, stranger, bytes(10));
    expect(unknown.status).toBe(403);
    expect(unknown.body).toContain('<Code>InvalidAccessKeyId</Code>');
  });

  it('refuses a field no condition covers, and a form without a file', async () => {
    const post = await createPresignedPost(sandbox.s3, { ...MEDIA_POLICY, Key: 'uploads/m.png' });
    const extra = await postForm(post.url, { ...post.fields, 'x-amz-meta-owner': 'eve' }, bytes(10));
    expect(extra.status).toBe(403);
    expect(extra.body).toContain('Invalid according to Policy: Extra input fields: x-amz-meta-owner');
    const form = new FormData();
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
    const noFile = await fetch(post.url, { method: 'POST', body: form });
    expect(noFile.status).toBe(400);
    expect(await noFile.text()).toContain('POST requires exactly one file upload per request.');
  });
});
