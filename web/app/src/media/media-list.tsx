import { ConfirmDialog, EmptyState } from '@stratum/web-shared';
import { useState } from 'react';
import type { Media } from './media-api.ts';

export interface MediaListProps {
  readonly items: readonly Media[];
  readonly onDelete: (media: Media) => void;
}

const kindOf = (media: Media): string => (media.contentType.startsWith('video/') ? 'Video' : 'Image');

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function MediaPreview({ media, label }: { media: Media; label: string }) {
  if (media.status === 'FAILED') {
    return <p className="error">Processing failed{media.failureReason ? `: ${media.failureReason}` : '.'}</p>;
  }
  if (media.status !== 'READY') {
    return <p role="status">{media.status === 'PENDING' ? 'Waiting for the upload…' : 'Processing…'}</p>;
  }
  const mp4 = media.renditions.find((rendition) => rendition.name === 'mp4');
  if (mp4) {
    const poster = media.renditions.find((rendition) => rendition.name === 'poster')?.url;
    return (
      // biome-ignore lint/a11y/useMediaCaption: user uploads carry no caption track to offer.
      <video
        controls
        preload="metadata"
        src={mp4.url}
        poster={poster ?? media.thumbnailUrl ?? undefined}
        aria-label={label}
      />
    );
  }
  if (media.thumbnailUrl) {
    const image = <img src={media.thumbnailUrl} alt={label} loading="lazy" />;
    return media.originalUrl ? (
      <a href={media.originalUrl} target="_blank" rel="noreferrer">
        {image}
      </a>
    ) : (
      image
    );
  }
  return <p>{label}</p>;
}

/** The todo's attachments: thumbnails, playable videos, processing states and deletion. */
export function MediaList({ items, onDelete }: MediaListProps) {
  const [pendingDelete, setPendingDelete] = useState<Media>();
  if (items.length === 0) return <EmptyState>No attachments yet.</EmptyState>;
  return (
    <>
      <ul className="media-grid" aria-label="Attachments">
        {items.map((media) => {
          const label = `${kindOf(media)} attachment, ${formatSize(media.size)}`;
          return (
            <li key={media.id}>
              <MediaPreview media={media} label={label} />
              <button type="button" onClick={() => setPendingDelete(media)} aria-label={`Delete ${label}`}>
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      {pendingDelete ? (
        <ConfirmDialog
          title="Delete this attachment?"
          confirmLabel="Delete attachment"
          onCancel={() => setPendingDelete(undefined)}
          onConfirm={() => {
            onDelete(pendingDelete);
            setPendingDelete(undefined);
          }}
        >
          The file and its thumbnails or video renditions are deleted for everyone in your team.
        </ConfirmDialog>
      ) : null}
    </>
  );
}
