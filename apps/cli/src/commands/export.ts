import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportObjectName } from '@liaison/contracts';
import { Argument, Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { formatCount, note } from '../output.ts';
import { get } from '../transfer.ts';

interface ExportOptions extends ApiOptions {
  out?: string;
}

export function exportCommand(): Command {
  return withConnectionOptions(
    new Command('export')
      .description('export an object as CSV in the import format (Salesforce API names), streamed')
      .addArgument(new Argument('<object>', 'what to export').choices(ImportObjectName.options))
      .option('--out <file>', 'write the CSV here (default: standard output)'),
  ).action(runExport);
}

async function runExport(object: string, options: ExportOptions): Promise<void> {
  await withSession(options, async ({ connection }) => {
    const response = await get(connection, `/api/v1/exports/${object}.csv`);
    if (!response.body) return;
    let bytes = 0;
    let rows = -1;
    const body = Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]);
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      // Records end with CRLF; a line break inside a quoted cell is a bare LF or CRLF too, so
      // this count is an upper bound, close enough for a summary.
      for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) rows += 1;
    });
    await pipeline(body, options.out ? fs.createWriteStream(options.out) : process.stdout);
    if (options.out)
      note(
        `Exported ${object} to ${options.out}: ~${formatCount(Math.max(0, rows))} rows, ${formatCount(bytes)} bytes.`,
      );
  });
}
