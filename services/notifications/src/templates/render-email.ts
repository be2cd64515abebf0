import { type RenderedEmail, renderLayout } from './layout.ts';

/** The four e-mails, each with exactly the data it needs. */
export type EmailTemplate =
  | {
      readonly kind: 'welcome';
      readonly displayName: string;
      readonly tenantName: string;
      readonly appUrl: string;
    }
  | {
      readonly kind: 'invitation';
      readonly tenantName: string;
      readonly inviterName: string;
      readonly role: 'owner' | 'member';
      readonly acceptUrl: string;
      /** ISO time. */
      readonly expiresAt: string;
    }
  | {
      readonly kind: 'due-soon';
      readonly displayName: string;
      readonly title: string;
      /** YYYY-MM-DD. */
      readonly dueDate: string;
      readonly todoUrl: string;
    }
  | { readonly kind: 'media-ready'; readonly displayName: string; readonly mediaUrl: string };

const longDate = (iso: string) =>
  new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * Renders a template to subject, HTML and text. Every value that comes from users (names,
 * titles) is escaped in the HTML by the layout; links are built by the caller from ids.
 *
 * @example
 * renderEmail({ kind: 'due-soon', displayName: 'Bo', title: 'File taxes', dueDate: '2030-01-31', todoUrl });
 */
export function renderEmail(template: EmailTemplate): RenderedEmail {
  switch (template.kind) {
    case 'welcome':
      return renderLayout({
        subject: `Welcome to ${template.tenantName}`,
        heading: `Welcome, ${template.displayName}!`,
        paragraphs: [`You are now a member of ${template.tenantName} on Stratum.`],
        action: { label: 'Open Stratum', url: template.appUrl },
      });
    case 'invitation':
      return renderLayout({
        subject: `${template.inviterName} invited you to ${template.tenantName}`,
        heading: `Join ${template.tenantName}`,
        paragraphs: [
          `${template.inviterName} invited you to join ${template.tenantName} as ${template.role === 'owner' ? 'an owner' : 'a member'}.`,
          `The invitation expires on ${longDate(template.expiresAt)}.`,
        ],
        action: { label: 'Accept the invitation', url: template.acceptUrl },
      });
    case 'due-soon':
      return renderLayout({
        subject: `Due ${longDate(template.dueDate)}: ${template.title}`,
        heading: `Hi ${template.displayName}, a todo is due soon`,
        paragraphs: [`“${template.title}” is due on ${longDate(template.dueDate)}.`],
        action: { label: 'Open the todo', url: template.todoUrl },
      });
    case 'media-ready':
      return renderLayout({
        subject: 'Your upload is ready',
        heading: `Hi ${template.displayName}, your upload is ready`,
        paragraphs: ['It has been processed and can be viewed now.'],
        action: { label: 'View it', url: template.mediaUrl },
      });
  }
}
