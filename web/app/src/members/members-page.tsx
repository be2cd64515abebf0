import {
  describeError,
  EmptyState,
  ErrorMessage,
  Loading,
  PageHeading,
  useAsync,
  useServices,
} from '@stratum/web-shared';
import { useMemo, useState } from 'react';
import { InviteForm } from './invite-form.tsx';
import { MembersApi } from './members-api.ts';

/** The tenant's members and pending invitations; owners invite and revoke. */
export function MembersPage() {
  const { api } = useServices();
  const members = useMemo(() => new MembersApi(api), [api]);
  const [state, reload] = useAsync(() => members.team(), 'team');
  const [actionError, setActionError] = useState<string>();
  const team = state.status === 'error' ? undefined : state.data;

  return (
    <main>
      <PageHeading title="Members · Stratum">Members</PageHeading>
      {state.status === 'loading' && !team ? <Loading>Loading members…</Loading> : null}
      {state.status === 'error' ? (
        <ErrorMessage onRetry={reload}>{describeError(state.error)}</ErrorMessage>
      ) : null}
      {team ? (
        <>
          <p>
            Team: <strong>{team.tenantName}</strong>
          </p>
          <table>
            <caption className="visually-hidden">Members of your team</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
              </tr>
            </thead>
            <tbody>
              {team.members.map((member) => (
                <tr key={member.id}>
                  <td>{member.displayName}</td>
                  <td>{member.email}</td>
                  <td>{member.role === 'OWNER' ? 'Owner' : 'Member'}</td>
                  <td>{member.joinedAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {team.hasMoreMembers ? <p className="hint">Showing the first 100 members.</p> : null}
          <section aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">Invitations</h2>
            {actionError ? <ErrorMessage>{actionError}</ErrorMessage> : null}
            {team.invitations.length === 0 ? <EmptyState>No pending invitations.</EmptyState> : null}
            <ul className="cards" aria-label="Pending invitations">
              {team.invitations.map((invitation) => (
                <li key={invitation.id}>
                  {invitation.email} ({invitation.role === 'OWNER' ? 'Owner' : 'Member'}), expires{' '}
                  {invitation.expiresAt.slice(0, 10)}
                  {team.me.role === 'OWNER' ? (
                    <button
                      type="button"
                      aria-label={`Revoke the invitation of ${invitation.email}`}
                      onClick={() => {
                        setActionError(undefined);
                        members
                          .revoke(invitation.id)
                          .then(reload, (error: unknown) => setActionError(describeError(error)));
                      }}
                    >
                      Revoke
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
            {team.me.role === 'OWNER' ? (
              <InviteForm
                onInvite={async (email, role) => {
                  const invitation = await members.invite(email, role);
                  reload();
                  return invitation;
                }}
              />
            ) : (
              <p className="hint">Only owners of the team can invite members.</p>
            )}
          </section>
        </>
      ) : null}
    </main>
  );
}
