/**
 * `npm run bench [-- options]`: measures Liaison against a limit measured in the same run and
 * prints one markdown table; asserts nothing (figures vary with the machine). Against
 * DATABASE_URL's server when set (each figure in a fresh database created there and dropped
 * after; the database named in the URL is not touched), else a throw-away embedded PostgreSQL.
 *
 *   --accounts N      book size and import rows (default 10000, the quick mode; 100000 and
 *                     1000000 on demand)
 *   --only LIST       a subset of import,reassess,portfolio,write,coldstart (default: all)
 *   --duration S      seconds per autocannon run of the portfolio figure (default 10)
 *   --connections C   autocannon connections (default 10)
 *   --pairs P         write → read pairs (default 300)
 *   --import-rows N   the import figure alone with N rows (= --accounts N --only import)
 *   --records N [--concurrency C]
 *                     the foundation's API micro-benchmark alone (create, read, update, as-of,
 *                     list on an empty database); prints its own table, writes no file
 *
 * The table and the machine facts also go to docs/benchmarks/results-<N>.md (with a subset,
 * results-<N>-<figures>.md). Progress goes to stderr. The process exits 1 if a figure failed.
 *
 * Figures: the CSV import (HTTP upload as the CLI does) against a raw COPY of the same file; the
 * whole-book reassessment in-process against one SQL pass over the same inputs; GET /portfolio
 * under autocannon against a bare Fastify route running its one query; POST activity → GET
 * worklist pairs; cold start of `liaison serve --demo` on the embedded PostgreSQL; peak RSS.
 * The book (users, accounts, teams, contacts, opportunities, a year of activities, success plans,
 * tickets, priority inputs, history) is generated in SQL by book-generator.ts.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runApiBench } from './api-bench.ts';
import {
  type BenchPostgres,
  type BenchServer,
  startBenchPostgres,
  startBenchServer,
} from './bench-server.ts';
import { generateBook } from './book-generator.ts';
import { runColdStartFigure } from './cold-start-bench.ts';
import { runPortfolioFigure, runWriteFigure } from './http-bench.ts';
import { runImportFigure } from './import-bench.ts';
import { runReassessFigure } from './reassess-bench.ts';
import { figuresTable, machineFacts, notes, type RunResults, writeResults } from './report.ts';

const FIGURES = ['import', 'reassess', 'portfolio', 'write', 'coldstart'] as const;
type Figure = (typeof FIGURES)[number];

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    pairs: { type: 'string', default: '300' },
    'import-rows': { type: 'string' },
    records: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
  },
});

const positive = (name: string, value: string | undefined) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    console.error(`--${name} must be a positive integer (got ${value})`);
    process.exit(2);
  }
  return number;
};
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const postgres = await startBenchPostgres();
  try {
    if (values.records !== undefined) {
      const table = await runApiBench(
        postgres,
        positive('records', values.records),
        positive('concurrency', values.concurrency),
      );
      console.log(
        `\nLiaison API benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, ${postgres.description}\n`,
      );
      console.log(table);
      return 0;
    }
    const importRows = values['import-rows'];
    const accounts = positive('accounts', importRows ?? values.accounts);
    const wanted = importRows !== undefined ? ['import'] : (values.only?.split(',') ?? [...FIGURES]);
    const unknown = wanted.filter((figure) => !FIGURES.includes(figure as Figure));
    if (unknown.length > 0) {
      log(`unknown figure(s): ${unknown.join(', ')}; choose from ${FIGURES.join(', ')}`);
      return 2;
    }
    const figures = FIGURES.filter((figure) => wanted.includes(figure));
    const results: RunResults = {
      accounts,
      figures,
      date: new Date(),
      postgres: postgres.description,
      loadAverage: os.loadavg(),
      errors: {},
    };
    await runFigures(postgres, results, {
      duration: positive('duration', values.duration),
      connections: positive('connections', values.connections),
      pairs: positive('pairs', values.pairs),
    });
    const header = `Liaison benchmark — ${int(accounts)} accounts, ${os.cpus().length} cores, Node ${process.version}, ${postgres.description}`;
    console.log(`\n${header}\n\n${figuresTable(results)}\n`);
    for (const line of notes(results)) console.log(`${line}\n`);
    const directory = fileURLToPath(new URL('../../../docs/benchmarks/', import.meta.url));
    await fs.mkdir(directory, { recursive: true });
    const file = path.join(
      directory,
      `results-${accounts}${figures.length < FIGURES.length ? `-${figures.join('-')}` : ''}.md`,
    );
    await writeResults(results, file);
    log(machineFacts(results).join('\n'));
    log(`written: ${path.relative(process.cwd(), file)}`);
    return Object.keys(results.errors).length > 0 ? 1 : 0;
  } finally {
    await postgres.close();
  }
}

const int = (value: number) => value.toLocaleString('en-US');

/** Runs each wanted figure; a failure is recorded in `results.errors` and the run goes on. */
async function runFigures(
  postgres: BenchPostgres,
  results: RunResults,
  options: { duration: number; connections: number; pairs: number },
) {
  const wants = (figure: Figure) => results.figures.includes(figure);
  const attempt = async (figure: Figure, task: () => Promise<void>) => {
    log(`— ${figure}…`);
    try {
      await task();
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.errors[figure] = message;
      log(`${figure} failed: ${message}`);
    }
  };
  if (wants('import'))
    await attempt('import', async () => {
      results.import = await runImportFigure(postgres, results.accounts);
    });
  const onBook = (['reassess', 'portfolio', 'write'] as const).filter(wants);
  if (onBook.length > 0) {
    let server: BenchServer | undefined;
    const today = new Date().toISOString().slice(0, 10);
    log(`— generating a book of ${int(results.accounts)} accounts…`);
    try {
      server = await startBenchServer(postgres, 'book', async (database) => {
        results.book = await generateBook(database.pool, { accounts: results.accounts, today }, log);
      });
    } catch (error) {
      for (const figure of onBook) results.errors[figure] = `book generation failed: ${String(error)}`;
      log(`book generation failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    if (server) {
      const book = server;
      try {
        if (wants('reassess'))
          await attempt('reassess', async () => {
            results.reassess = await runReassessFigure(book, new Date());
          });
        // The read figures need the assessments: made now if the reassessment was not measured.
        else
          await attempt('reassess', async () => {
            await book.services.assessments.reassessAll(new Date());
          });
        if (wants('portfolio'))
          await attempt('portfolio', async () => {
            results.portfolio = await runPortfolioFigure(book, { now: new Date(), ...options });
          });
        if (wants('write'))
          await attempt('write', async () => {
            results.write = await runWriteFigure(book, { now: new Date(), count: options.pairs });
          });
      } finally {
        await book.close();
      }
    }
  }
  if (wants('coldstart'))
    await attempt('coldstart', async () => {
      results.coldStart = await runColdStartFigure();
    });
}

// Exit explicitly: a figure that failed half-way may leave a socket or timer behind.
process.exit(
  await main().catch((error: unknown) => {
    console.error(error);
    return 1;
  }),
);
