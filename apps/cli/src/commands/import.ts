import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type ImportJob, ImportObjectName } from '@liaison/contracts';
import { parseImportMapping } from '@liaison/domain';
import cliProgress from 'cli-progress';
import { Argument, Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { CliError, formatCount, note, plural, print, printJson } from '../output.ts';
import { get, getJson, uploadFile } from '../transfer.ts';

interface ImportOptions extends ApiOptions {
  mapping?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  report?: string;
}

export function importCommand(): Command {
  return withConnectionOptions(
    new Command('import')
      .description(
        'import a CSV file (Salesforce Data Loader format): all or nothing, unless --skip-invalid; see docs/import-export.md',
      )
      .addArgument(new Argument('<object>', 'what the file holds').choices(ImportObjectName.options))
      .argument(
        '<file>',
        'the CSV file (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252/Latin-1)',
      )
      .option('--mapping <file>', 'a mapping file (JSON): other headers, value maps, date formats')
      .option('--dry-run', 'validate every row and count, write nothing')
      .option('--skip-invalid', 'write the valid rows; the invalid ones go to the error file')
      .option('--report <file>', 'write the error file here (the rejected rows, original columns + ERROR)')
      .addHelpText(
        'after',
        '\nExit codes: 0 written (or a clean dry run), 1 rejected or failed (nothing written), 2 usage.',
      ),
  ).action(runImport);
}

function readMapping(file: string): string {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`cannot read the mapping file ${file}: ${(error as Error).message}`, 2);
  }
  const result = parseImportMapping(value);
  if ('problems' in result) throw new CliError(`${file}: ${result.problems.join('; ')}`, 2);
  return Buffer.from(JSON.stringify(result.mapping)).toString('base64url');
}

export interface ImportProgress {
  update(job: ImportJob, sentBytes: number): void;
  stop(): void;
}

/** Bytes uploaded as the bar (the file's size is known, rows are not); rows and rows/s beside it. */
function progressBar(totalBytes: number): ImportProgress {
  const bar = new cliProgress.SingleBar(
    {
      format: '{status} [{bar}] {percentage}% · {rows} rows · {rate} rows/s{eta}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(Math.max(1, totalBytes), 0, { status: 'Uploading', rows: '0', rate: '—', eta: '' });
  return {
    update: (job, sentBytes) =>
      bar.update(Math.min(sentBytes, totalBytes), {
        status:
          job.status === 'reading'
            ? 'Reading  '
            : job.status === 'queued'
              ? 'Queued   '
              : `${job.status[0]!.toUpperCase()}${job.status.slice(1)}`,
        rows: formatCount(job.rows.read),
        rate: formatCount(job.rowsPerSecond),
        eta: uploadEta(totalBytes, sentBytes, (performance.now() - started) / 1000),
      }),
    stop: () => bar.stop(),
  };
}

/**
 * ` · ETA 1m 05s` while the file goes up (its rate so far); nothing once it is up, when the
 * server's phases (checking, writing, assessing) have no size to extrapolate from.
 */
export function uploadEta(totalBytes: number, sentBytes: number, seconds: number): string {
  if (sentBytes >= totalBytes || sentBytes <= 0 || seconds <= 0) return '';
  const left = Math.ceil(((totalBytes - sentBytes) * seconds) / sentBytes);
  const minutes = Math.floor(left / 60);
  return ` · ETA ${minutes > 0 ? `${minutes}m ${String(left % 60).padStart(2, '0')}s` : `${left}s`}`;
}

/** The closing summary, one fact per line. */
export function renderImportSummary(job: ImportJob, report: string | undefined): string {
  const lines: string[] = [];
  const name = `${job.fileName} (${job.object})`;
  const timing = `${job.seconds.toFixed(1)} s, ${formatCount(job.rowsPerSecond)} rows/s`;
  const written = `${formatCount(job.rows.created)} created, ${formatCount(job.rows.updated)} updated, ${formatCount(job.rows.unchanged)} unchanged`;
  switch (job.status) {
    case 'completed':
      lines.push(`Imported ${name}: ${plural(job.rows.read, 'row')} read; ${written} (${timing}).`);
      if (job.accountsAssessed > 0) lines.push(`Reassessed ${plural(job.accountsAssessed, 'account')}.`);
      if (job.rows.invalid > 0) lines.push(`Skipped ${plural(job.rows.invalid, 'invalid row')}.`);
      break;
    case 'validated':
      lines.push(
        `Dry run of ${name}: ${plural(job.rows.read, 'row')}, all valid; would be ${written} (${timing}). Nothing was written.`,
      );
      break;
    case 'rejected':
      lines.push(
        `Rejected ${name}: ${plural(job.rows.invalid, 'row')} of ${formatCount(job.rows.read)} with errors. Nothing was written.`,
      );
      break;
    default:
      lines.push(`Import of ${name} failed: ${job.error ?? 'unknown error'}`);
  }
  if (job.errors.count > 0) {
    for (const error of job.errors.sample.slice(0, 10)) {
      lines.push(`  row ${error.row}${error.column ? `, ${error.column}` : ''}: ${error.message}`);
    }
    if (job.errors.count > 10 || job.errors.sample.length > 10) lines.push('  …');
    lines.push(
      report
        ? `Error file (original columns + ERROR): ${report}`
        : 'Add --report errors.csv for the error file (the rejected rows, original columns + ERROR).',
    );
  }
  if (job.ignoredColumns.length > 0) {
    lines.push(`Ignored columns: ${job.ignoredColumns.map((column) => column.header).join(', ')}`);
  }
  return lines.join('\n');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runImport(object: string, file: string, options: ImportOptions): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`${file}: no such file`, 2);
  const mapping = options.mapping ? readMapping(options.mapping) : undefined;
  await withSession(options, async ({ connection }) => {
    const query = new URLSearchParams({ object, fileName: path.basename(file) });
    if (options.dryRun) query.set('dryRun', 'true');
    if (options.skipInvalid) query.set('skipInvalid', 'true');
    const size = fs.statSync(file).size;
    const upload = uploadFile<ImportJob>(
      connection,
      `/api/v1/imports?${query}`,
      file,
      mapping ? { 'x-liaison-mapping': mapping } : {},
    );
    let job = await upload.response;
    const bar = !options.json && process.stderr.isTTY ? progressBar(size) : undefined;
    try {
      while (!job.done) {
        await sleep(300);
        job = await getJson<ImportJob>(connection, `/api/v1/imports/${job.id}`);
        bar?.update(job, upload.sent());
      }
    } finally {
      bar?.stop();
    }
    if (options.report && job.errors.file) {
      const response = await get(connection, `/api/v1/imports/${job.id}/errors.csv`);
      await pipeline(response.body as unknown as NodeJS.ReadableStream, fs.createWriteStream(options.report));
    }
    if (options.json) printJson(job);
    else print(renderImportSummary(job, options.report && job.errors.file ? options.report : undefined));
    if (job.status === 'rejected' || job.status === 'failed') {
      throw new CliError(
        job.status === 'rejected'
          ? `${plural(job.rows.invalid, 'row')} with errors; nothing was written`
          : (job.error ?? 'the import failed'),
        1,
        job.status === 'rejected' ? 'IMPORT_REJECTED' : 'IMPORT_FAILED',
        true,
      );
    }
    if (!options.json && job.status === 'completed' && job.rows.invalid > 0)
      note(`warning: ${plural(job.rows.invalid, 'row')} skipped (--skip-invalid)`);
  });
}
