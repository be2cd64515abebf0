import type { Sandbox } from '../sandbox/sandbox.ts';

/** The lines `npm start` prints once everything is deployed. */
export function printReady(sandbox: Sandbox, elapsedMs: number): void {
  const e = sandbox.endpoints;
  const rows: [string, string | undefined][] = [
    ['Public web app', e.webAppUrl],
    ['Internal app', e.internalAppUrl],
    ['GraphQL API', e.apiUrl],
    ['Mail inbox', e.inboxUrl],
    ['Console', e.consoleUrl],
    ['AWS endpoint', e.awsEndpoint],
  ];
  const lines = rows.filter((row): row is [string, string] => row[1] !== undefined);
  console.log(
    `\nStratum sandbox ready in ${(elapsedMs / 1000).toFixed(1)} s (${e.region}, account ${e.accountId})\n`,
  );
  for (const [label, url] of lines) console.log(`  ${label.padEnd(16)} ${url}`);
  const { tables, queues, functions, notEmulated } = sandbox.inventory;
  console.log(
    `\n  ${functions.length} functions, ${tables.length} tables, ${queues.length} queues deployed.`,
  );
  if (notEmulated.size > 0) {
    const list = [...notEmulated].map(([type, count]) => `${type} ×${count}`).join(', ');
    console.log(`  Not emulated (no local meaning; see sandbox/README.md): ${list}`);
  }
  console.log(
    `\n  aws --endpoint-url ${e.awsEndpoint} dynamodb list-tables   (any credentials work)\n` +
      '  Outputs: .stratum/outputs.json    Stop: Ctrl-C\n',
  );
}
