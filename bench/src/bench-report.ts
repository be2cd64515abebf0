import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_DIR = new URL('../results/', import.meta.url).pathname;

/** Writes `<name>.json` and `<name>.md` under bench/results/ and prints the table. */
export function writeBenchReport(
  name: string,
  data: unknown,
  table: {
    title: string;
    header: readonly string[];
    rows: readonly (readonly string[])[];
    notes?: readonly string[];
  },
): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(data, null, 2)}\n`);
  const lines = [
    `## ${table.title}`,
    '',
    `| ${table.header.join(' | ')} |`,
    `| ${table.header.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    ...(table.notes ?? []),
  ];
  const markdown = `${lines.join('\n')}\n`;
  writeFileSync(join(RESULTS_DIR, `${name}.md`), markdown);
  console.log(markdown);
}
