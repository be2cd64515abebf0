export { type ApiAnswer, answerApi } from './console-api.ts';
export type {
  BusEvent,
  ConsoleDataSource,
  LogEntry,
  LogQuery,
  QueueMessage,
  QueueSummary,
  ResourceRecord,
  SentEmail,
} from './console-data-source.ts';
export { renderConsolePage } from './console-page.ts';
export { ConsoleServer, type ConsoleServerOptions } from './console-server.ts';
export { escapeHtml, html, SafeHtml } from './html.ts';
export { InMemoryConsoleData } from './in-memory-console-data.ts';
