import { html, type SafeHtml } from './escape-html.ts';

/** A rendered e-mail: subject, HTML body and plain-text alternative (always both). */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

export interface EmailParts {
  readonly subject: string;
  /** First line of the body, also the preview text. */
  readonly heading: string;
  readonly paragraphs: readonly string[];
  readonly action?: { readonly label: string; readonly url: string };
}

/** Subjects are a header: no line breaks, bounded length. */
const headerSafe = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 200);

/** The one layout every Stratum e-mail uses: inline styles only (mail clients drop <style>). */
export function renderLayout(parts: EmailParts): RenderedEmail {
  const button: SafeHtml = parts.action
    ? html`<p><a href="${parts.action.url}" style="display:inline-block;padding:10px 18px;background:#2f5bea;color:#fff;border-radius:6px;text-decoration:none">${parts.action.label}</a></p>`
    : html``;
  const body = html`<!doctype html>
<html><body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1d2330">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${parts.heading}</h1>
${parts.paragraphs.map((paragraph) => html`<p style="line-height:1.5">${paragraph}</p>`)}
${button}
<p style="color:#6b7280;font-size:12px;margin-top:24px">Sent by Stratum.</p>
</div></body></html>`;
  const text = [
    parts.heading,
    '',
    ...parts.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ''] : []),
    '— Stratum',
  ].join('\n');
  return { subject: headerSafe(parts.subject), html: body.value, text };
}
