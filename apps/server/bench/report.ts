import fs from 'node:fs/promises';
import os from 'node:os';
import type { BookSummary } from './book-generator.ts';
import type { ColdStartFigure } from './cold-start-bench.ts';
import type { PortfolioFigure, WriteFigure } from './http-bench.ts';
import type { ImportFigure } from './import-bench.ts';
import { mb } from './measure.ts';
import type { ReassessFigure } from './reassess-bench.ts';

/** What a run measured; a figure that was not run is absent, one that failed has its error. */
export interface RunResults {
  accounts: number;
  figures: string[];
  date: Date;
  postgres: string;
  loadAverage: number[];
  book?: BookSummary;
  import?: ImportFigure;
  reassess?: ReassessFigure;
  portfolio?: PortfolioFigure;
  write?: WriteFigure;
  coldStart?: ColdStartFigure;
  errors: Record<string, string>;
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(1)} ms`;
const s = (value: number) => `${value.toFixed(2)} s`;
const verdict = (met: boolean) => (met ? 'met' : '**missed**');
const MB = 1024 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The one table: figure, Liaison, the limit in the same run, ratio, target. */
export function figuresTable(results: RunResults): string {
  const lines = [
    row(['figure', 'Liaison', 'limit / baseline in the same run', 'ratio', 'target']),
    row(['---', '---', '---', '---', '---']),
  ];
  const failed = (figure: string, label: string) => {
    const error = results.errors[figure];
    if (error)
      lines.push(row([label, `failed: ${error.split('\n')[0]!.replaceAll('|', '/')}`, '—', '—', '—']));
    return Boolean(error);
  };
  const figure = results.import;
  if (!failed('import', 'CSV import, rows/s') && figure) {
    const liaison = figure.rows / figure.importSeconds;
    const copy = figure.rows / figure.copySeconds;
    lines.push(
      row([
        'CSV import, rows/s',
        `${int(liaison)} (${int(figure.rows)} rows in ${s(figure.importSeconds)})`,
        `raw COPY: ${int(copy)} (${s(figure.copySeconds)})`,
        (liaison / copy).toFixed(3),
        `≥ 0.6: ${verdict(liaison / copy >= 0.6)}`,
      ]),
      row([
        'CSV import, server resident peak',
        `${mb(figure.peakRss)} (\`liaison serve\`, heap limit ${figure.heapLimitMb ?? 'Node default'} MB)`,
        `before the import: ${mb(figure.baselineRss)}`,
        '—',
        `< 300 MB: ${verdict(figure.peakRss !== null && figure.peakRss < 300 * MB)}`,
      ]),
    );
  }
  const reassess = results.reassess;
  if (!failed('reassess', 'full reassessment, accounts/s') && reassess) {
    const liaison = reassess.accounts / reassess.seconds;
    const pass = reassess.baselineRows / reassess.baselineSeconds;
    lines.push(
      row([
        'full reassessment, accounts/s',
        `${int(liaison)} (${int(reassess.accounts)} in ${s(reassess.seconds)})`,
        `one SQL pass: ${int(pass)} (${s(reassess.baselineSeconds)})`,
        (liaison / pass).toFixed(3),
        `≥ 0.5: ${verdict(liaison / pass >= 0.5)}`,
      ]),
    );
  }
  const portfolio = results.portfolio;
  if (!failed('portfolio', 'portfolio API, req/s and p99') && portfolio) {
    const { liaison, baseline } = portfolio;
    const ratio = liaison.perSecond / baseline.perSecond;
    lines.push(
      row([
        'portfolio API, req/s and p99',
        `${int(liaison.perSecond)} req/s, p99 ${ms(liaison.p99)}`,
        `bare route, one query: ${int(baseline.perSecond)} req/s, p99 ${ms(baseline.p99)}`,
        ratio.toFixed(3),
        `≥ 0.5, p99 ≤ 25 ms: ${verdict(ratio >= 0.5 && liaison.p99 <= 25)}`,
      ]),
    );
  }
  const write = results.write;
  if (!failed('write', 'write → fresh assessment, p99 ms') && write) {
    lines.push(
      row([
        'write → fresh assessment, p99 ms',
        `p99 ${ms(write.p99)} (p50 ${ms(write.p50)}; ${write.pairs} pairs)`,
        '—',
        '—',
        `≤ 15 ms: ${verdict(write.p99 <= 15 && write.failures.length === 0)}`,
      ]),
    );
  }
  const cold = results.coldStart;
  if (!failed('coldstart', 'cold start to first 200 (embedded, demo book)') && cold) {
    lines.push(
      row([
        'cold start to first 200 (embedded, demo book)',
        `first start ${s(cold.first.seconds)}, restart ${s(cold.restart.seconds)}`,
        '—',
        '—',
        `≤ 3 s: ${verdict(Math.max(cold.first.seconds, cold.restart.seconds) <= 3)}`,
      ]),
    );
  }
  const peaks: [string, number | null][] = [];
  if (figure) peaks.push(['import (server process)', figure.peakRss]);
  if (reassess) peaks.push(['reassessment', reassess.peakRss]);
  if (portfolio) peaks.push(['portfolio', portfolio.peakRss]);
  if (write) peaks.push(['write', write.peakRss]);
  if (cold) peaks.push(['cold start', cold.first.peakRss], ['restart', cold.restart.peakRss]);
  if (peaks.length > 0) {
    const highest = Math.max(...peaks.map(([, bytes]) => bytes ?? 0));
    lines.push(
      row([
        'peak resident memory',
        peaks.map(([name, bytes]) => `${name} ${mb(bytes)}`).join(' · '),
        '—',
        '—',
        `≤ 500 MB: ${verdict(highest <= 500 * MB)}`,
      ]),
    );
  }
  return lines.join('\n');
}

/** Details behind the table: the book, phases, counts, errors. */
export function notes(results: RunResults): string[] {
  const lines: string[] = [];
  const { book, import: figure, reassess, portfolio, write, coldStart } = results;
  if (book) {
    const rows = Object.entries(book.rows)
      .filter(([, count]) => count > 0)
      .map(([table, count]) => `${table} ${int(count)}`)
      .join(', ');
    lines.push(
      `Book: ${int(book.accounts)} accounts (${int(book.managedAccounts)} TAM-managed, ${book.tams} TAMs), generated in SQL in ${s(book.seconds)}; rows: ${rows}.`,
    );
  }
  if (figure)
    lines.push(
      `Import: ${int(figure.rows)} Salesforce-style accounts (${mb(figure.fileBytes)} CSV) through POST /imports as the CLI sends them; phases ${Object.entries(
        figure.phases,
      )
        .map(([phase, seconds]) => `${phase} ${s(seconds)}`)
        .join(
          ', ',
        )}; ${int(figure.accountsAssessed)} accounts assessed. The server ran as \`liaison serve\` in its own process (DATABASE_URL): resident ${mb(figure.baselineRss)} before the import, highest sampled per phase ${Object.entries(
        figure.peakRssByPhase,
      )
        .map(([phase, bytes]) => `${phase} ${mb(bytes)}`)
        .join(
          ', ',
        )}, peak (VmHWM) ${mb(figure.peakRss)}; the launcher standing by: ${mb(figure.launcherPeakRss)}.`,
    );
  if (reassess)
    lines.push(
      `Reassessment: services.assessments.reassessAll(now) in-process; the SQL pass is one query joining accounts with per-account aggregates of every input table, streamed by COPY TO STDOUT and discarded (${int(reassess.baselineRows)} rows).`,
    );
  if (portfolio)
    lines.push(
      `Portfolio: autocannon from a separate process, ${portfolio.connections} connections, ${portfolio.duration} s per run after a 2 s warm-up, cycling over ${portfolio.owners} TAMs; Liaison p50 ${ms(portfolio.liaison.p50)} (${int(portfolio.liaison.requests)} requests, ${portfolio.liaison.non2xx} non-2xx, ${portfolio.liaison.errors} errors, ${kb(portfolio.liaison.bytesPerResponse)} per response), bare route p50 ${ms(portfolio.baseline.p50)} (${kb(portfolio.baseline.bytesPerResponse)} per response: its rows carry the assessment documents).`,
    );
  if (write)
    lines.push(
      `Write → fresh assessment: POST /accounts/{id}/activities (a cadence call) then GET /worklist?owner=<its TAM>, in sequence from a separate process; POST p99 ${ms(write.postP99)}, GET p99 ${ms(write.getP99)}${write.failures.length > 0 ? `; failures: ${write.failures.join('; ')}` : ''}.`,
    );
  if (coldStart)
    lines.push(
      `Cold start: node apps/cli/bin/liaison.js serve --demo (the launcher, then the server as its child with a bounded heap) on a fresh LIAISON_DATA_DIR (initdb, migrations, demo seed), polled on GET /api/v1/health; stopped with SIGINT in ${s(coldStart.first.stopSeconds)} (exit ${coldStart.first.exitCode}), restart stopped in ${s(coldStart.restart.stopSeconds)} (exit ${coldStart.restart.exitCode}). Peak memory: VmHWM of the server process (its PostgreSQL not included); in-process figures: this process's RSS (server and bench client), sampled every 100 ms.`,
    );
  for (const [figureName, error] of Object.entries(results.errors))
    lines.push(`**${figureName} failed:** ${error}`);
  return lines;
}

export function machineFacts(results: RunResults): string[] {
  const cpus = os.cpus();
  return [
    `- date: ${results.date.toISOString()}`,
    `- accounts (N): ${int(results.accounts)}; figures: ${results.figures.join(', ')}`,
    `- CPU: ${cpus.length} cores, ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `- RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- Node: ${process.version}`,
    `- PostgreSQL: ${results.postgres}`,
    `- load average at start: ${results.loadAverage.map((load) => load.toFixed(2)).join(', ')}`,
  ];
}

/** Writes the generated results file; resolves to its path. */
export async function writeResults(results: RunResults, file: string): Promise<void> {
  const text = [
    `# Benchmark results: ${int(results.accounts)} accounts`,
    '',
    `Generated by \`npm run bench -- --accounts ${results.accounts}${
      results.figures.length < 5 ? ` --only ${results.figures.join(',')}` : ''
    }\` (apps/server/bench/run.ts); rerun it to refresh this file rather than editing it. Figures vary with the machine; see [../benchmarks.md](../benchmarks.md).`,
    '',
    ...machineFacts(results),
    '',
    figuresTable(results),
    '',
    ...notes(results).flatMap((line) => [line, '']),
  ].join('\n');
  await fs.writeFile(file, text);
}
