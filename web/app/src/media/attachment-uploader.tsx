import { describeError, ErrorMessage, useServices } from '@stratum/web-shared';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ACCEPTED_MEDIA_TYPES, type Media, MediaApi } from './media-api.ts';
import { type UploadProgress, uploadWithPresignedPost } from './presigned-upload.ts';
import { waitUntilProcessed } from './wait-until-processed.ts';

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'uploading'; readonly progress: UploadProgress }
  | { readonly kind: 'processing' }
  | { readonly kind: 'error'; readonly message: string };

export interface AttachmentUploaderProps {
  readonly todoId: string;
  /** Every state the new media item goes through: PENDING after upload, then PROCESSING, READY or FAILED. */
  readonly onMediaChange: (media: Media) => void;
}

/**
 * Attaches one file: asks the API for a presigned POST, uploads with a progress bar, then reads
 * the media item until the processor has made its thumbnail or video rendition.
 */
export function AttachmentUploader({ todoId, onMediaChange }: AttachmentUploaderProps) {
  const { api } = useServices();
  const media = useMemo(() => new MediaApi(api), [api]);
  const [file, setFile] = useState<File>();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abortRef = useRef<AbortController | undefined>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const progressLabel = useId();

  useEffect(() => () => abortRef.current?.abort(), []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    if (!ACCEPTED_MEDIA_TYPES.includes(file.type)) {
      setPhase({ kind: 'error', message: `Files of type ${file.type || 'unknown'} cannot be attached.` });
      return;
    }
    const abort = new AbortController();
    abortRef.current = abort;
    try {
      setPhase({ kind: 'uploading', progress: { loaded: 0, total: file.size } });
      const ticket = await media.createUpload(todoId, file.type, file.size);
      onMediaChange(ticket.media);
      await uploadWithPresignedPost(
        ticket,
        file,
        (progress) => setPhase({ kind: 'uploading', progress }),
        abort.signal,
      );
      setPhase({ kind: 'processing' });
      await waitUntilProcessed(() => media.get(ticket.mediaId), onMediaChange, { signal: abort.signal });
      setPhase({ kind: 'idle' });
      setFile(undefined);
      if (inputRef.current) inputRef.current.value = '';
    } catch (error) {
      if (!abort.signal.aborted) setPhase({ kind: 'error', message: describeError(error) });
    }
  };

  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  return (
    <form onSubmit={onSubmit} aria-label="Attach a file">
      <label>
        File to attach
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPTED_MEDIA_TYPES.join(',')}
          disabled={busy}
          onChange={(event) => setFile(event.target.files?.[0])}
        />
      </label>
      <p className="hint">Images up to 20 MB, videos up to 1 GB.</p>
      {phase.kind === 'uploading' ? (
        <div>
          <span id={progressLabel}>Uploading {file?.name}</span>
          <progress aria-labelledby={progressLabel} max={phase.progress.total} value={phase.progress.loaded}>
            {Math.round((phase.progress.loaded / Math.max(phase.progress.total, 1)) * 100)}%
          </progress>
        </div>
      ) : null}
      {phase.kind === 'processing' ? <p role="status">Upload complete. Processing…</p> : null}
      {phase.kind === 'error' ? <ErrorMessage>{phase.message}</ErrorMessage> : null}
      <div className="actions">
        <button type="submit" disabled={!file || busy}>
          Upload
        </button>
        {busy ? (
          <button type="button" onClick={() => abortRef.current?.abort() ?? setPhase({ kind: 'idle' })}>
            Cancel upload
          </button>
        ) : null}
      </div>
    </form>
  );
}
