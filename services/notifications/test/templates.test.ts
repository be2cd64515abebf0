import { describe, expect, it } from 'vitest';
import { renderEmail } from '../src/templates/render-email.ts';

describe('e-mail templates', () => {
  it('escape user content in HTML and keep it readable in text', () => {
    const email = renderEmail({
      kind: 'due-soon',
      displayName: 'Bo "the <b>boss</b>"',
      title: '<script>alert(1)</script> & taxes',
      dueDate: '2030-01-31',
      todoUrl: 'https://app.example.com/t/acme/todos/1?a=1&b=2',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; taxes');
    expect(email.html).toContain('Bo &quot;the &lt;b&gt;boss&lt;/b&gt;&quot;');
    expect(email.html).toContain('href="https://app.example.com/t/acme/todos/1?a=1&amp;b=2"');
    expect(email.text).toContain('“<script>alert(1)</script> & taxes” is due on 31 January 2030.');
    expect(email.text).toContain('Open the todo: https://app.example.com/t/acme/todos/1?a=1&b=2');
    expect(email.subject).toBe('Due 31 January 2030: <script>alert(1)</script> & taxes');
  });

  it('keeps subjects on one line', () => {
    const email = renderEmail({
      kind: 'welcome',
      displayName: 'Al',
      tenantName: 'Acme\r\nBcc: x@evil.test',
      appUrl: 'https://a',
    });
    expect(email.subject).toBe('Welcome to Acme Bcc: x@evil.test');
  });

  it('renders each of the four templates with HTML and text', () => {
    const rendered = [
      renderEmail({ kind: 'welcome', displayName: 'Al', tenantName: 'Acme', appUrl: 'https://a' }),
      renderEmail({
        kind: 'invitation',
        tenantName: 'Acme',
        inviterName: 'Olive',
        role: 'owner',
        acceptUrl: 'https://a/invitations/acme/1',
        expiresAt: '2030-02-06T08:00:00.000Z',
      }),
      renderEmail({
        kind: 'due-soon',
        displayName: 'Al',
        title: 'T',
        dueDate: '2030-01-31',
        todoUrl: 'https://a/t',
      }),
      renderEmail({ kind: 'media-ready', displayName: 'Al', mediaUrl: 'https://a/m' }),
    ];
    expect(rendered.map((email) => email.subject)).toEqual([
      'Welcome to Acme',
      'Olive invited you to Acme',
      'Due 31 January 2030: T',
      'Your upload is ready',
    ]);
    for (const email of rendered) {
      expect(email.html).toMatch(/^<!doctype html>/);
      expect(email.text.length).toBeGreaterThan(20);
    }
    expect(rendered[1]?.text).toContain('as an owner');
    expect(rendered[1]?.text).toContain('expires on 6 February 2030');
  });
});
