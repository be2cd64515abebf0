import type {
  BusEvent,
  LogEntry,
  QueueMessage,
  QueueSummary,
  ResourceRecord,
  SentEmail,
} from './console-data-source.ts';
import { html, type SafeHtml } from './html.ts';

export interface ConsolePageModel {
  readonly resources: readonly ResourceRecord[];
  readonly logs: readonly LogEntry[];
  readonly logFilter: {
    readonly function?: string;
    readonly requestId?: string;
    readonly correlationId?: string;
  };
  readonly functionNames: readonly string[];
  readonly events: readonly BusEvent[];
  readonly queues: readonly QueueSummary[];
  /** The queue whose messages are open (`?queue=`), with its messages. */
  readonly openQueue?: { readonly url: string; readonly messages: readonly QueueMessage[] | undefined };
  readonly emails: readonly SentEmail[];
}

const time = (epochMs: number | undefined) => (epochMs === undefined ? '' : new Date(epochMs).toISOString());
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A link to the page with the given log filters (built with URLSearchParams, then escaped). */
function filterLink(filter: Record<string, string | undefined>, label: string): SafeHtml {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value);
  return html`<a href="${`?${params}#logs`}">${label}</a>`;
}

function resourcesSection(resources: readonly ResourceRecord[]): SafeHtml {
  const rows = resources.map(
    (r) => html`<tr class="status-${r.status.replace(' ', '-')}">
      <td>${r.stack}</td><td>${r.logicalId}</td><td>${r.type}</td><td><code>${r.physicalId ?? ''}</code></td>
      <td>${r.status}${r.detail ? html`<div class="detail">${r.detail}</div>` : ''}</td></tr>`,
  );
  return html`<section id="resources"><h2>Resources <small>(${resources.length})</small></h2>
    <table><thead><tr><th>Stack</th><th>Logical id</th><th>Type</th><th>Physical id</th><th>Status</th></tr></thead>
    <tbody>${rows}</tbody></table></section>`;
}

function logsSection(model: ConsolePageModel): SafeHtml {
  const filter = model.logFilter;
  const options = model.functionNames.map(
    (name) =>
      html`<option value="${name}" ${name === filter.function ? html`selected` : ''}>${name}</option>`,
  );
  const rows = model.logs.map((entry) => {
    const level = typeof entry.json?.level === 'string' ? entry.json.level : entry.stream;
    const message = typeof entry.json?.message === 'string' ? entry.json.message : entry.message;
    const correlationId =
      typeof entry.json?.correlationId === 'string' ? entry.json.correlationId : undefined;
    return html`<tr class="level-${level.toLowerCase()}">
      <td>${time(entry.timestamp)}</td>
      <td>${filterLink({ function: entry.functionName }, entry.functionName)}</td>
      <td>${entry.awsRequestId ? filterLink({ requestId: entry.awsRequestId }, entry.awsRequestId) : ''}</td>
      <td>${correlationId ? filterLink({ correlationId }, correlationId) : ''}</td>
      <td>${level}</td>
      <td>${entry.json ? html`<details><summary>${message}</summary><pre>${json(entry.json)}</pre></details>` : html`<pre>${message}</pre>`}</td>
    </tr>`;
  });
  return html`<section id="logs"><h2>Function logs <small>(${model.logs.length})</small></h2>
    <form method="get" action="#logs">
      <label>Function <select name="function"><option value="">all</option>${options}</select></label>
      <label>Request id <input name="requestId" value="${filter.requestId ?? ''}"></label>
      <label>Correlation id <input name="correlationId" value="${filter.correlationId ?? ''}"></label>
      <button type="submit">Filter</button> <a href="?#logs">Clear</a>
    </form>
    <table><thead><tr><th>Time</th><th>Function</th><th>Request id</th><th>Correlation id</th><th>Level</th><th>Message</th></tr></thead>
    <tbody>${rows}</tbody></table></section>`;
}

function eventsSection(events: readonly BusEvent[]): SafeHtml {
  const rows = events.map(
    (
      event,
    ) => html`<tr><td>${time(event.receivedAt)}</td><td>${event.eventBusName}</td><td>${event.source}</td>
      <td>${event.detailType}</td><td>${event.matchedRules.join(', ') || html`<em>no rule matched</em>`}</td>
      <td><details><summary><code>${event.id}</code></summary><pre>${json(event.detail)}</pre></details></td></tr>`,
  );
  return html`<section id="events"><h2>Bus events <small>(${events.length})</small></h2>
    <table><thead><tr><th>Time</th><th>Bus</th><th>Source</th><th>Detail type</th><th>Matched rules</th><th>Event</th></tr></thead>
    <tbody>${rows}</tbody></table></section>`;
}

function queuesSection(queues: readonly QueueSummary[], open: ConsolePageModel['openQueue']): SafeHtml {
  const rows = queues.map(
    (q) => html`<tr class="${q.isDeadLetterQueue && q.visibleMessages > 0 ? 'alert' : ''}">
      <td>${q.name}${q.isDeadLetterQueue ? html` <span class="badge">DLQ</span>` : ''}</td>
      <td>${q.visibleMessages}</td><td>${q.inFlightMessages}</td><td><code>${q.deadLetterTargetArn ?? ''}</code></td>
      <td><a href="${`?${new URLSearchParams({ queue: q.url })}#queues`}">peek</a></td></tr>`,
  );
  let messages: SafeHtml | string = '';
  if (open) {
    messages =
      open.messages === undefined
        ? html`<p class="alert">No queue with URL <code>${open.url}</code>.</p>`
        : html`<h3>Messages in <code>${open.url}</code> <small>(peek: nothing is received or deleted)</small></h3>
          <table><thead><tr><th>Sent</th><th>Message id</th><th>Receives</th><th>Body</th></tr></thead><tbody>
          ${open.messages.map(
            (
              m,
            ) => html`<tr><td>${time(m.sentAt)}</td><td><code>${m.messageId}</code></td><td>${m.receiveCount ?? ''}</td>
              <td><pre>${m.body}</pre></td></tr>`,
          )}</tbody></table>`;
  }
  return html`<section id="queues"><h2>Queues <small>(${queues.length})</small></h2>
    <table><thead><tr><th>Queue</th><th>Visible</th><th>In flight</th><th>DLQ</th><th></th></tr></thead>
    <tbody>${rows}</tbody></table>${messages}</section>`;
}

function emailsSection(emails: readonly SentEmail[]): SafeHtml {
  const items = emails.map(
    (email) => html`<article class="email"><header><strong>${email.subject}</strong>
      <div>${time(email.sentAt)} — from ${email.from} to ${email.to.join(', ')}</div></header>
      ${email.text ? html`<pre>${email.text}</pre>` : ''}
      ${email.html ? html`<details><summary>HTML source</summary><pre>${email.html}</pre></details>` : ''}</article>`,
  );
  return html`<section id="emails"><h2>Sent emails <small>(${emails.length})</small></h2>${items}</section>`;
}

/**
 * The console page, rendered on the server: every value goes through `html`, so it is escaped;
 * the page runs no inline script (its Content-Security-Policy forbids it) and only
 * `/console.js`, which refreshes the page's sections without ever writing data as markup.
 */
export function renderConsolePage(model: ConsolePageModel): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stratum sandbox console</title><link rel="stylesheet" href="/console.css"><script src="/console.js" defer></script></head>
<body><header class="top"><h1>Stratum sandbox console</h1>
<nav><a href="#resources">Resources</a> <a href="#logs">Logs</a> <a href="#events">Events</a> <a href="#queues">Queues</a> <a href="#emails">Emails</a></nav>
<label class="refresh"><input type="checkbox" id="auto-refresh"> auto-refresh</label></header>
<main id="main">${resourcesSection(model.resources)}${logsSection(model)}${eventsSection(model.events)}${queuesSection(model.queues, model.openQueue)}${emailsSection(model.emails)}</main>
</body></html>`.value;
}
