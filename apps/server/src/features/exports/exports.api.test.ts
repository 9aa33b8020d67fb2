import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { download, fixture, importCsv } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });

describe('exports', () => {
  it('writes each object in the import format, references as Salesforce Ids', async () => {
    for (const object of ['users', 'accounts', 'contacts', 'opportunities', 'activities']) {
      await importCsv(app, object, fixture(`salesforce-${object}.csv`));
    }
    const response = await download(app, '/api/v1/exports/contacts.csv');
    expect(response.type).toBe('text/csv; charset=utf-8');
    const rows = parse(response.text) as string[][];
    expect(rows[0]).toEqual([
      'Id',
      'Liaison_Id__c',
      'AccountId',
      'FirstName',
      'LastName',
      'Email',
      'Title',
      'Phone',
      'Stakeholder_Roles__c',
    ]);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[8]])).toEqual(
      expect.arrayContaining([
        ['003Dn00000MaRy1IAF', '001Dn00000AcmeAIAR', 'Mary Ann', 'Smith', 'champion;economic_buyer'],
        ['003Dn00000LiSa3IAF', '001Dn00000GloBxIAJ', '', 'Lisa', ''],
      ]),
    );
    const activities = parse((await download(app, '/api/v1/exports/activities.csv')).text) as string[][];
    expect(activities[0]).toEqual([
      'Id',
      'Liaison_Id__c',
      'AccountId',
      'Type',
      'Subject',
      'ActivityDateTime',
      'Description',
      'OwnerId',
      'Purposes__c',
    ]);
    expect(activities.slice(1).find((row) => row[0] === '00TDn00000TaSk1MAF')).toEqual([
      '00TDn00000TaSk1MAF',
      expect.any(String),
      '001Dn00000AcmeAIAR',
      'meeting',
      'Quarterly cadence call',
      '2026-02-10T00:00:00.000Z',
      'Discussed roadmap, "pipeline" and\r\nnext steps:\r\n- EBR',
      '005Dn00000AnA01IAF',
      '',
    ]);
  });

  it('streams a large book page by page, in id order', async () => {
    const lines = ['Name,Segment__c,Region__c,ARR__c'];
    for (let index = 0; index < 4_500; index++) lines.push(`Streamed ${index},smb,emea,${index}`);
    expect((await importCsv(app, 'accounts', lines.join('\n'))).status).toBe('completed');
    const rows = parse((await download(app, '/api/v1/exports/accounts.csv')).text) as string[][];
    expect(rows.length - 1).toBe(4_505);
    const ids = rows.slice(1).map((row) => row[1]!);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('protects formulas only when asked: a quote before =, +, -, @, tab and CR, numbers left alone', async () => {
    const f = factories(app);
    const account = await f.buildAccount({
      name: '=HYPERLINK("http://evil.example","Refund")',
      segment: 'smb',
      region: 'emea',
      sentimentReason: '@SUM(1+1)*cmd|',
    });
    await f.buildOpportunity(account, { name: '+1 upsell', amount: -1500.5, closeDate: '2026-11-30' });
    await f.buildActivity(account, { summary: '-2+3', notes: '\t=tab first' });
    await f.buildContact(account, { name: 'Carriage \r=Return' });
    const row = (text: string, id: string) => (parse(text) as string[][]).find((cells) => cells[1] === id)!;

    const plain = await download(app, '/api/v1/exports/accounts.csv');
    const off = await download(app, '/api/v1/exports/accounts.csv?protectFormulas=false');
    expect(off.text).toBe(plain.text);
    expect(row(plain.text, account.id)).toEqual(
      expect.arrayContaining(['=HYPERLINK("http://evil.example","Refund")', '@SUM(1+1)*cmd|']),
    );
    const protectedAccounts = await download(app, '/api/v1/exports/accounts.csv?protectFormulas=true');
    expect(protectedAccounts.status).toBe(200);
    expect(protectedAccounts.text.split('\r\n')[0]).toBe(plain.text.split('\r\n')[0]);
    expect(row(protectedAccounts.text, account.id)).toEqual(
      expect.arrayContaining([`'=HYPERLINK("http://evil.example","Refund")`, "'@SUM(1+1)*cmd|"]),
    );
    const opportunities = parse(
      (await download(app, '/api/v1/exports/opportunities.csv?protectFormulas=true')).text,
    ) as string[][];
    expect(opportunities.find((cells) => cells[3] === "'+1 upsell")).toContain('-1500.5');
    const activities = parse(
      (await download(app, '/api/v1/exports/activities.csv?protectFormulas=true')).text,
    ) as string[][];
    expect(activities.find((cells) => cells[4] === "'-2+3")).toContain("'\t=tab first");
    const contacts = parse((await download(app, '/api/v1/exports/contacts.csv?protectFormulas=1')).text);
    expect(contacts.flat()).toContain("'\r=Return");
    expect((await download(app, '/api/v1/exports/accounts.csv?protectFormulas=maybe')).status).toBe(400);
  });

  it('needs a signed-in user and a known object', async () => {
    const anonymous = await app.http.inject({ method: 'GET', url: '/api/v1/exports/accounts.csv' });
    expect(anonymous.statusCode).toBe(401);
    expect((await download(app, '/api/v1/exports/tickets.csv')).status).toBe(400);
  });
});
