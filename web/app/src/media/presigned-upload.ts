import type { UploadTicket } from './media-api.ts';

export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** The storage refused the upload (policy violated, ticket expired) or the network failed. */
export class UploadFailedError extends Error {
  override readonly name = 'UploadFailedError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Sends the file to the media bucket with the presigned POST: every policy field first, the file
 * last (S3 ignores fields after `file`). XMLHttpRequest, not fetch, because only XHR reports
 * upload progress in browsers. Abort with `signal`.
 */
export function uploadWithPresignedPost(
  ticket: Pick<UploadTicket, 'url' | 'fields'>,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const field of ticket.fields) form.append(field.name, field.value);
    form.append('file', file);

    const request = new XMLHttpRequest();
    request.open('POST', ticket.url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    });
    request.addEventListener('load', () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress({ loaded: file.size, total: file.size });
        resolve();
      } else {
        reject(new UploadFailedError(storageMessage(request.status, request.responseText), request.status));
      }
    });
    request.addEventListener('error', () =>
      reject(new UploadFailedError('The upload failed: network error.')),
    );
    request.addEventListener('abort', () => reject(new UploadFailedError('The upload was cancelled.')));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

/** S3 answers XML errors; their <Message> says what was wrong (e.g. size outside the policy's range). */
function storageMessage(status: number, body: string): string {
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  return message ? `The upload was refused: ${message}` : `The upload was refused (HTTP ${status}).`;
}
