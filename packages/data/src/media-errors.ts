import { NotFoundError } from './errors.ts';

/** No media item with this id in the caller's tenant (absent, or another tenant's: indistinguishable). */
export class MediaNotFoundError extends NotFoundError {
  constructor(readonly mediaId: string) {
    super(`Media ${mediaId} not found`);
  }
}
