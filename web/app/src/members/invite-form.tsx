import { describeError, ErrorMessage, useDraft } from '@stratum/web-shared';
import { type FormEvent, useState } from 'react';
import * as z from 'zod';
import type { Invitation, Role } from './members-api.ts';

const draftSchema = z.object({ email: z.string(), role: z.enum(['OWNER', 'MEMBER']) });
const EMPTY = { email: '', role: 'MEMBER' as Role };

export function InviteForm({ onInvite }: { onInvite: (email: string, role: Role) => Promise<Invitation> }) {
  const [draft, setDraft, discard] = useDraft('invite', EMPTY, draftSchema);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())) {
      setError('Enter a valid e-mail address.');
      return;
    }
    setBusy(true);
    setError(undefined);
    setSent(undefined);
    try {
      const invitation = await onInvite(draft.email.trim(), draft.role);
      setSent(`Invitation sent to ${invitation.email}.`);
      discard();
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Invite a member" noValidate>
      <div className="filters">
        <label>
          E-mail of the person to invite
          <input
            type="email"
            required
            value={draft.email}
            onChange={(event) => setDraft({ ...draft, email: event.target.value })}
          />
        </label>
        <label>
          Role
          <select
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}
          >
            <option value="MEMBER">Member</option>
            <option value="OWNER">Owner</option>
          </select>
        </label>
      </div>
      {error ? <ErrorMessage>{error}</ErrorMessage> : null}
      {sent ? <p role="status">{sent}</p> : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Send invitation
        </button>
      </div>
    </form>
  );
}
