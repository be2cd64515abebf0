import type { DomainEvent } from '@stratum/events';
import type { Directory } from './directory.ts';
import type { EmailTemplate } from './templates/render-email.ts';

/** Links into the web app, built from ids only (never from user text). */
export interface AppLinks {
  readonly home: string;
  todo(tenantId: string, todoId: string): string;
  invitation(tenantId: string, invitationId: string): string;
  media(tenantId: string, mediaId: string): string;
}

export function appLinks(appUrl: string): AppLinks {
  const base = appUrl.replace(/\/+$/, '');
  const path = (...segments: string[]) => `${base}/${segments.map(encodeURIComponent).join('/')}`;
  return {
    home: base,
    todo: (tenantId, todoId) => path('t', tenantId, 'todos', todoId),
    invitation: (tenantId, invitationId) => path('invitations', tenantId, invitationId),
    media: (tenantId, mediaId) => path('t', tenantId, 'media', mediaId),
  };
}

export interface PushMessage {
  readonly userId: string;
  readonly title: string;
  readonly body: string;
  readonly url: string;
}

/** What to send for one event. */
export interface NotificationPlan {
  readonly email: { readonly to: string; readonly template: EmailTemplate } | null;
  readonly push: PushMessage | null;
}

/** Why an event yields nothing; logged, and the message is done (a retry would not change it). */
export type NothingToSend = { readonly skip: string };

/**
 * Decides who gets what for an event: the welcome e-mail for a new member, the invitation for
 * an invitee, the due-soon reminder (e-mail and push) for the todo's creator, the media-ready
 * notice (e-mail and push) for the uploader. Other events notify nobody.
 */
export async function planNotification(
  event: DomainEvent,
  directory: Directory,
  links: AppLinks,
): Promise<NotificationPlan | NothingToSend> {
  const { tenantId } = event.detail;
  switch (event.detailType) {
    case 'MemberJoined': {
      const tenantName = await directory.tenantName(tenantId);
      if (!tenantName) return { skip: 'tenant not found' };
      const { email, displayName } = event.detail;
      return {
        email: { to: email, template: { kind: 'welcome', displayName, tenantName, appUrl: links.home } },
        push: null,
      };
    }
    case 'MemberInvited': {
      const { email, role, invitedBy, invitationId, expiresAt } = event.detail;
      const [tenantName, inviter] = await Promise.all([
        directory.tenantName(tenantId),
        directory.member(tenantId, invitedBy),
      ]);
      if (!tenantName) return { skip: 'tenant not found' };
      const template: EmailTemplate = {
        kind: 'invitation',
        tenantName,
        inviterName: inviter?.displayName ?? 'A teammate',
        role,
        acceptUrl: links.invitation(tenantId, invitationId),
        expiresAt,
      };
      return { email: { to: email, template }, push: null };
    }
    case 'TodoDueSoon': {
      const { createdBy, title, dueDate, todoId } = event.detail;
      const member = await directory.member(tenantId, createdBy);
      if (!member) return { skip: 'recipient is not a member' };
      const todoUrl = links.todo(tenantId, todoId);
      return {
        email: {
          to: member.email,
          template: { kind: 'due-soon', displayName: member.displayName, title, dueDate, todoUrl },
        },
        push: { userId: createdBy, title: 'Due soon', body: `${title} is due ${dueDate}`, url: todoUrl },
      };
    }
    case 'MediaProcessed': {
      const { uploadedBy, status, mediaId } = event.detail;
      if (status !== 'ready') return { skip: `media ${status}` };
      const member = await directory.member(tenantId, uploadedBy);
      if (!member) return { skip: 'recipient is not a member' };
      const mediaUrl = links.media(tenantId, mediaId);
      return {
        email: {
          to: member.email,
          template: { kind: 'media-ready', displayName: member.displayName, mediaUrl },
        },
        push: {
          userId: uploadedBy,
          title: 'Upload ready',
          body: 'Your upload has been processed.',
          url: mediaUrl,
        },
      };
    }
    default:
      return { skip: `${event.detailType} notifies nobody` };
  }
}
