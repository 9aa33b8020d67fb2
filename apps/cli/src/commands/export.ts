import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ImportObjectName } from '@liaison/contracts';
import { Argument, Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { formatCount, note, plural } from '../output.ts';
import { get } from '../transfer.ts';

interface ExportOptions extends ApiOptions {
  out?: string;
  protectFormulas?: boolean;
}

export function exportCommand(): Command {
  return withConnectionOptions(
    new Command('export')
      .description('export an object as CSV in the import format (Salesforce API names), streamed')
      .addArgument(new Argument('<object>', 'what to export').choices(ImportObjectName.options))
      .option('--out <file>', 'write the CSV here (default: standard output)')
      .option(
        '--protect-formulas',
        "prefix with ' the cells a spreadsheet would read as formulas (=, +, -, @, tab, CR); the file then does not import back unchanged",
      ),
  ).action(runExport);
}

/** The export's address: `protectFormulas` only when asked for (docs/import-export.md#export). */
export function exportPath(object: string, options: Pick<ExportOptions, 'protectFormulas'>): string {
  return `/api/v1/exports/${object}.csv${options.protectFormulas ? '?protectFormulas=true' : ''}`;
}

async function runExport(object: string, options: ExportOptions): Promise<void> {
  await withSession(options, async ({ connection }) => {
    const response = await get(connection, exportPath(object, options));
    if (!response.body) return;
    let bytes = 0;
    const records = new CsvRecordCounter();
    const body = Readable.fromWeb(response.body as Parameters<typeof Readable.fromWeb>[0]);
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      records.push(chunk);
    });
    await pipeline(body, options.out ? fs.createWriteStream(options.out) : process.stdout);
    if (options.out)
      note(
        `Exported ${object} to ${options.out}: ${plural(records.dataRows(), 'row')}, ${formatCount(bytes)} bytes.`,
      );
  });
}

const QUOTE = 0x22;
const LF = 0x0a;

/**
 * Counts the records of a CSV as it streams by: a line break ends a record only outside quotes
 * (a cell may hold line breaks), and a doubled quote inside a quoted cell toggles twice, so one
 * bit of state carried across chunks is enough.
 */
export class CsvRecordCounter {
  private inQuotes = false;
  private lineBreaks = 0;
  private pending = false;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (byte === QUOTE) this.inQuotes = !this.inQuotes;
      else if (byte === LF && !this.inQuotes) this.lineBreaks += 1;
      this.pending = byte !== LF || this.inQuotes;
    }
  }

  /** Records after the header; a last record without a final line break counts too. */
  dataRows(): number {
    return Math.max(0, this.lineBreaks + (this.pending ? 1 : 0) - 1);
  }
}
