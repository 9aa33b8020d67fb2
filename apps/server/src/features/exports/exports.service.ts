import { Readable } from 'node:stream';
import { exportHeaders, type ImportObject, protectFormula } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { csvWriter } from '../../kernel/csv-writer.ts';
import { exportRow, exportValues } from './exports.presenter.ts';
import { exportsStore } from './exports.store.ts';

const PAGE = 2_000;

/**
 * Exports stream: keyset pages of 2,000 records, each page formatted and handed to csv-stringify
 * as the client reads, so memory stays flat whatever the book's size. The format is the import's
 * (`IMPORT_FORMATS`): an export imports back into an empty database unchanged.
 */
export function createExportsService(db: Database) {
  async function* rows(object: ImportObject, now: string): AsyncGenerator<string[]> {
    yield exportHeaders(object);
    let after: string | null = null;
    for (;;) {
      let page: { key: string; values: Record<string, unknown> }[];
      switch (object) {
        case 'accounts':
          page = (await exportsStore.accounts(db, after, PAGE, now)).map((row) => ({
            key: row.account.id,
            values: exportValues.accounts(row),
          }));
          break;
        case 'contacts':
          page = (await exportsStore.contacts(db, after, PAGE)).map((row) => ({
            key: row.contact.id,
            values: exportValues.contacts(row),
          }));
          break;
        case 'opportunities':
          page = (await exportsStore.opportunities(db, after, PAGE)).map((row) => ({
            key: row.opportunity.id,
            values: exportValues.opportunities(row),
          }));
          break;
        case 'activities':
          page = (await exportsStore.activities(db, after, PAGE)).map((row) => ({
            key: row.activity.id,
            values: exportValues.activities(row),
          }));
          break;
        case 'users':
          page = (await exportsStore.users(db, after, PAGE)).map((row) => ({
            key: row.user.email,
            values: exportValues.users(row),
          }));
          break;
      }
      for (const row of page) yield exportRow(object, row.values);
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.key;
    }
  }

  return {
    /**
     * `<object>.csv` as a stream: UTF-8, RFC 4180 (CRLF, every cell with a comma, a quote or a
     * line break quoted); `records()` counts the data rows written so far (all of them once the
     * stream has ended). `protectFormulas` prefixes the cells a spreadsheet would evaluate.
     */
    stream(
      context: RequestContext,
      object: ImportObject,
      options: { protectFormulas?: boolean } = {},
    ): { body: Readable; records: () => number } {
      let records = -1; // the header is not a record
      async function* counted() {
        for await (const row of rows(object, context.now.toISOString())) {
          records += 1;
          yield options.protectFormulas && records > 0 ? row.map(protectFormula) : row;
        }
      }
      return { body: Readable.from(counted()).pipe(csvWriter()), records: () => Math.max(records, 0) };
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
