import type { IncomingMessage } from 'node:http';
import { Busboy, type BusboyFileStream, type BusboyInstance } from '@fastify/busboy';
import { S3Refusal } from './errors.ts';

/** The fields of a POST form (names lower-cased) up to its `file`, and the file as a stream. */
export interface PostForm {
  readonly fields: ReadonlyMap<string, string>;
  readonly file: BusboyFileStream;
  /** The file part's `filename`, path stripped, for `${filename}` in the key. */
  readonly filename: string;
}

/** S3 caps the form fields before the file at 20 KB. */
const MAX_FIELD_BYTES = 20 * 1024;

function malformed(): S3Refusal {
  return new S3Refusal(
    'MalformedPOSTRequest',
    'The body of your POST request is not well-formed multipart/form-data.',
    400,
  );
}

/**
 * Reads a browser POST upload as it streams in: resolves when the `file` part starts (S3 ignores
 * every field after it), with the file's bytes still unread.
 */
export function readPostForm(req: IncomingMessage): Promise<PostForm> {
  const contentType = req.headers['content-type'];
  if (contentType === undefined) return Promise.reject(malformed());
  let parser: BusboyInstance;
  try {
    parser = new Busboy({
      headers: { ...req.headers, 'content-type': contentType },
      isPartAFile: (name) => name === 'file',
      limits: { fieldSize: MAX_FIELD_BYTES, files: 1 },
    });
  } catch {
    return Promise.reject(malformed());
  }
  const fields = new Map<string, string>();
  let fileSeen = false;
  const form = new Promise<PostForm>((resolve, reject) => {
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (fileSeen) return;
      if (valueTruncated) {
        reject(
          new S3Refusal(
            'MaxPostPreDataLengthExceeded',
            'Your POST request fields preceeding the upload file were too large.',
            400,
          ),
        );
        return;
      }
      fields.set(name.toLowerCase(), value);
    });
    parser.on('file', (_name, stream, filename) => {
      if (fileSeen) {
        stream.resume();
        return;
      }
      fileSeen = true;
      const base = filename.slice(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
      resolve({ fields, file: stream, filename: base });
    });
    parser.on('finish', () => {
      if (!fileSeen) {
        reject(
          new S3Refusal('InvalidArgument', 'POST requires exactly one file upload per request.', 400, {
            ArgumentName: 'file',
            ArgumentValue: '0',
          }),
        );
      }
    });
    parser.on('error', () => reject(malformed()));
  });
  req.pipe(parser);
  return form;
}
