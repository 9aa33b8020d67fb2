import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { download, importCsv, startImport } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { importTestTools, NOW, sf } from './imports.test-helpers.ts';

// All or nothing: a bad row rejects the file, skipInvalid writes the rest, a dry run writes
// nothing, a crash at any point leaves no trace; and who may import what.

const app = await createTestApp({ now: NOW });
const { pool, accountBySalesforceId, counts } = importTestTools(app);
const f = factories(app);

describe('all or nothing', () => {
  function accountsFile(rows: number, bad?: { row: number; arr: string }) {
    const lines = ['Id,Name,ARR__c,Segment__c,Region__c,Plan__c'];
    for (let index = 0; index < rows; index++) {
      const arr = bad && index + 2 === bad.row ? bad.arr : String(1000 + index);
      lines.push(`,Bulk Account ${index},${arr},smb,noram,premium`);
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  it('rejects a file with one bad row among thousands, writes nothing, and names the row', async () => {
    const before = await counts();
    const job = await importCsv(app, 'accounts', accountsFile(3_000, { row: 1_735, arr: '12k' }), {
      query: { fileName: 'bulk.csv' },
    });
    expect(job).toMatchObject({
      status: 'rejected',
      done: true,
      rows: { read: 3_000, valid: 2_999, invalid: 1, created: 0, updated: 0, unchanged: 0 },
      errors: {
        count: 1,
        sample: [{ row: 1_735, column: 'ARR__c', message: '"12k" is not a number' }],
        file: `/api/v1/imports/${job.id}/errors.csv`,
      },
    });
    expect(await counts()).toEqual(before);
    const errors = await download(app, job.errors.file!);
    expect(errors.type).toContain('text/csv');
    expect(errors.text).toBe(
      'Id,Name,ARR__c,Segment__c,Region__c,Plan__c,ERROR\r\n' +
        ',Bulk Account 1733,12k,smb,noram,premium,"Row 1735: ARR__c: ""12k"" is not a number"\r\n',
    );
  });

  it('with skipInvalid, writes the valid rows and reports the rest, children of rejected rows included', async () => {
    const csv = [
      'Id,Name,ParentId,Segment__c,Region__c',
      '0015000000Skp01,Skip Parent,,enterprise,emea',
      '0015000000Skp02,Skip Bad,,galactic,emea',
      '0015000000Skp03,Skip Child Of Bad,0015000000Skp02,smb,emea',
      '0015000000Skp04,Skip Child Of Good,0015000000Skp01,smb,emea',
    ].join('\n');
    const job = await importCsv(app, 'accounts', csv, { query: { skipInvalid: 'true' } });
    expect(job).toMatchObject({
      status: 'completed',
      rows: { read: 4, valid: 2, invalid: 2, created: 2 },
      errors: {
        count: 2,
        sample: [
          { row: 3, column: 'Segment__c', message: expect.stringContaining('"galactic" is not one of') },
          { row: 4, column: 'ParentId', message: 'row 3 is rejected, so this row is too' },
        ],
      },
    });
    const child = await accountBySalesforceId(sf('0015000000Skp04'));
    expect(child.name).toBe('Skip Child Of Good');
  });

  it('a dry run validates and counts, and writes nothing', async () => {
    const before = await counts();
    const job = await importCsv(app, 'accounts', accountsFile(50), { query: { dryRun: 'true' } });
    expect(job).toMatchObject({ status: 'validated', rows: { read: 50, valid: 50, created: 50 } });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['the connection is killed after the accounts are written', 'accounts inserted', 'kill'],
    ['the connection is killed after their history is written', 'account history written', 'kill'],
    ['an error is thrown just before the commit', 'before commit', 'throw'],
  ] as const)('leaves no trace when %s', async (_case, step, how) => {
    const before = await counts();
    const stop = app.services.imports.onCheckpoint(async (event) => {
      if (event.step !== step) return;
      if (how === 'throw') throw new Error('simulated crash');
      await pool.query('SELECT pg_terminate_backend($1)', [event.backendPid]);
    });
    try {
      const job = await importCsv(app, 'accounts', accountsFile(500));
      expect(job).toMatchObject({ status: 'failed', rows: { read: 500, created: 0, updated: 0 } });
      expect(job.error).toMatch(/Nothing was written/);
    } finally {
      stop();
    }
    expect(await counts()).toEqual(before);
    const { rows } = await pool.query(`SELECT 1 FROM accounts WHERE name LIKE 'Bulk Account %'`);
    expect(rows).toEqual([]);
  });
});

describe('permissions', () => {
  it('lets TAM managers import accounts but not users; viewers nothing', async () => {
    for (const [roles, object, status] of [
      [['viewer'], 'accounts', 403],
      [['tam_manager'], 'users', 403],
      [['tam_manager'], 'accounts', 202],
    ] as const) {
      const { token } = await f.buildUser({ roles: [...roles] });
      const response = await startImport(app, object, 'Name\n', { token });
      expect(response.status).toBe(status);
      if (status === 202) await app.services.imports.wait(response.body.id);
    }
  });
});
