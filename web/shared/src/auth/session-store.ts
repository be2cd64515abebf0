import { type Session, sessionSchema } from './session.ts';

/**
 * Keeps the session across page loads in Web Storage, under a key per app client. A stored
 * value that does not parse (older format, tampering) is dropped rather than trusted.
 */
export class SessionStore {
  readonly #storage: Storage;
  readonly #key: string;

  constructor(storage: Storage, clientId: string) {
    this.#storage = storage;
    this.#key = `stratum.session.${clientId}`;
  }

  load(): Session | undefined {
    const raw = this.#storage.getItem(this.#key);
    if (raw === null) return undefined;
    try {
      return sessionSchema.parse(JSON.parse(raw));
    } catch {
      this.#storage.removeItem(this.#key);
      return undefined;
    }
  }

  save(session: Session): void {
    this.#storage.setItem(this.#key, JSON.stringify(session));
  }

  clear(): void {
    this.#storage.removeItem(this.#key);
  }
}
