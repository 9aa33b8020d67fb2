import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fixture, importCsv, waitForImport } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { IMPORT_WRITE_LOCK } from './import-connection.store.ts';
import { importTestTools, NOW } from './imports.test-helpers.ts';

// Encodings (Windows-1252 read as such, UTF-16 with a byte-order mark transcoded, without one
// refused at once, a mixed file refused naming the line) and absurd headers refused before the
// import's write lock (docs/import-export.md#encodings, docs/security.md#csv-files).

const app = await createTestApp({ now: NOW });
const { admin, pool, counts } = importTestTools(app);

async function accountNamed(name: string) {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM accounts WHERE name = $1', [name]);
  expect(rows, name).toHaveLength(1);
  return (await admin.get(`/api/v1/accounts/${rows[0]!.id}`)).body;
}

/** POSTs a body that never ends; resolves with the upload's status and the job's id. */
async function uploadNeverEnding(object: string, first: Buffer) {
  const body = new Readable({ read() {} });
  body.push(first);
  const response = await app.http.inject({
    method: 'POST',
    url: `/api/v1/imports?object=${object}`,
    headers: { authorization: `Bearer ${app.adminToken}`, 'content-type': 'text/csv' },
    payload: body,
  });
  body.destroy();
  return { status: response.statusCode, id: JSON.parse(response.body.split('\n')[0]!).id as string };
}

describe('encodings', () => {
  it('reads a Windows-1252 (Latin-1) file as such: é is 0xE9, € and curly quotes too', async () => {
    const bytes = fixture('windows-1252-accounts.csv');
    expect(bytes.includes(0xe9)).toBe(true);
    const job = await importCsv(app, 'accounts', bytes);
    expect(job).toMatchObject({ status: 'completed', rows: { read: 3, created: 3 }, error: null });
    expect(await accountNamed('Café Crème SARL')).toMatchObject({
      industry: 'Bäckerei & Konditorei',
      sentimentReason: 'Renewal “likely”: budget € 12k – see notes',
    });
    expect(await accountNamed('Société Générale Test')).toMatchObject({
      sentimentReason: 'Über-zufrieden; naïve façade',
    });
    expect((await accountNamed('Ørsted Demo')).industry).toBe('Énergie');
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM accounts WHERE name LIKE '%\uFFFD%'`);
    expect(rows[0].n).toBe(0);
  });

  it('transcodes UTF-16 with a byte-order mark, little- and big-endian', async () => {
    const csv = 'Name,Industry,Segment__c,Region__c\r\nUtf Sixteen Zoë,Künstler 🙂,smb,apac\r\n';
    const little = Buffer.from(csv, 'utf16le');
    const job = await importCsv(app, 'accounts', Buffer.concat([Buffer.from([0xff, 0xfe]), little]));
    expect(job).toMatchObject({ status: 'completed', rows: { created: 1 } });
    expect((await accountNamed('Utf Sixteen Zoë')).industry).toBe('Künstler 🙂');
    const big = Buffer.from(csv.replace('Zoë', 'Zoë BE'), 'utf16le').swap16();
    expect(await importCsv(app, 'accounts', Buffer.concat([Buffer.from([0xfe, 0xff]), big]))).toMatchObject({
      status: 'completed',
      rows: { created: 1 },
    });
    expect((await accountNamed('Utf Sixteen Zoë BE')).industry).toBe('Künstler 🙂');
  });

  it('refuses UTF-16 without a byte-order mark at once, while the upload is still open', async () => {
    const before = await counts();
    // The upload never ends: the job must fail from its first bytes (it used to sit in "reading").
    const csv = `Name,Segment__c,Region__c\r\n${'No Bom,smb,emea\r\n'.repeat(500)}`;
    const { status, id } = await uploadNeverEnding('accounts', Buffer.from(csv, 'utf16le'));
    expect(status).toBe(202);
    const job = await waitForImport(app, id);
    expect(job.status).toBe('failed');
    expect(job.error).toBe(
      'The file looks like UTF-16 (or UTF-32) without a byte-order mark: 2,048 of its first 4,096 bytes are NUL. ' +
        'Save it as UTF-8 ("CSV UTF-8" in Excel) and import it again.',
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses a file that turns from UTF-8 to another encoding, naming the line', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Name,Segment__c,Region__c\r\nZoë Mixed,smb,emea\r\nPlain,smb,emea\r\nCaf'),
      Buffer.from([0xe9, 0x2c]),
      Buffer.from('smb,emea\r\n'),
    ]);
    const job = await importCsv(app, 'accounts', bytes);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(
      /^The file is not valid UTF-8: line 4 \(byte \d+\) holds the byte 0xE9, while earlier lines are UTF-8\./,
    );
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM accounts WHERE name = 'Zoë Mixed'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('absurd headers', () => {
  it('refuses a 100,000-column header at once, without waiting for the import lock', async () => {
    // Another import holds the write lock: a file that got as far as writing would wait for it.
    const holder = await pool.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [IMPORT_WRITE_LOCK]);
      const header = Array.from({ length: 100_000 }, (_, index) => `C${index}`).join(',');
      const job = await importCsv(app, 'users', `${header}\r\n`);
      expect(job).toMatchObject({
        status: 'failed',
        error: 'the header has 100,000 columns; an import reads at most 1,000',
        rows: { read: 0 },
      });
      const wide = await importCsv(app, 'users', `Email,Name,${'x,'.repeat(999)}y\r\n`);
      expect(wide.error).toBe('the header has 1,002 columns; an import reads at most 1,000');
      const long = await importCsv(app, 'users', `Email,${'N'.repeat(300)}\r\na@example.com,x\r\n`);
      expect(long.error).toBe('the header of column 2 has 300 characters; a header has at most 255');
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1)', [IMPORT_WRITE_LOCK]);
      holder.release();
    }
  });

  it('still reads a header of 1,000 columns', async () => {
    const header = ['Email', 'Name', ...Array.from({ length: 998 }, (_, index) => `Extra${index}`)];
    const job = await importCsv(
      app,
      'users',
      `${header.join(',')}\r\nwide@example.com,Wide Header${','.repeat(998)}\r\n`,
    );
    expect(job).toMatchObject({ status: 'completed', rows: { created: 1 } });
    expect(job.ignoredColumns).toHaveLength(998);
  });
});
