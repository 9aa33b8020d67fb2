import type { AccountListItem, HistoryEntry } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { renderHistory } from './accounts-history.ts';
import { renderAccounts } from './accounts-list.ts';
import { banner } from './serve.ts';

const accountId = '0190c7e2-0000-7000-8000-0000000000aa';

describe('renderAccounts', () => {
  it('shows one line per account with ARR formatted and its TAM', () => {
    const account = {
      id: accountId,
      name: 'Acme Corp',
      segment: 'mid_market',
      region: 'emea',
      plan: 'premium',
      arr: 1_250_000,
      renewalDate: '2026-09-30',
      relationshipStage: 'customer',
      tam: { userId: accountId, name: 'Priya Natarajan' },
    } as AccountListItem;
    const [header, row, second] = renderAccounts([account, { ...account, tam: null }]).split('\n');
    expect(header).toMatch(/^NAME\s+SEGMENT\s+REGION\s+PLAN\s+ARR\s+RENEWAL\s+STAGE\s+TAM\s+ID$/);
    expect(row).toMatch(
      /^Acme Corp\s+mid market\s+EMEA\s+premium\s+\$1,250,000\s+2026-09-30\s+customer\s+Priya Natarajan\s+0190c7e2/,
    );
    expect(second).toMatch(/customer\s+—\s+0190c7e2/);
  });
});

describe('renderHistory', () => {
  it('shows each changed field as before → after, the entry once', () => {
    const entry: HistoryEntry = {
      id: '42',
      at: '2026-03-02T10:00:00.000Z',
      actor: { type: 'user', id: null, name: 'Ada Lovelace' },
      entityType: 'account',
      entityId: accountId,
      operation: 'update',
      changes: [
        { field: 'arr', before: 100000, after: 150000 },
        { field: 'sentiment', before: null, after: 'green' },
      ],
    };
    const lines = renderHistory([entry], accountId).split('\n');
    expect(lines[0]).toMatch(/^TIME\s+ACTOR\s+ENTITY\s+OPERATION\s+FIELD\s+BEFORE → AFTER$/);
    expect(lines[1]).toMatch(
      /^2026-03-02 10:00 UTC\s+Ada Lovelace\s+account\s+update\s+arr\s+100000 → 150000$/,
    );
    expect(lines[2]).toMatch(/^\s+sentiment\s+— → green$/);
  });
});

describe('serve banner', () => {
  it('shows the URL, the database and the demo logins', () => {
    const text = banner({ url: 'http://localhost:3000' }, 'embedded PostgreSQL at /srv/data', [
      { email: 'admin@demo.liaison.test', password: 'liaison-demo', roles: ['admin'] },
      { email: 'tam@demo.liaison.test', password: 'liaison-demo', roles: ['tam', 'viewer'] },
    ]);
    const lines = text.split('\n');
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    expect(text).toContain('│ Liaison is running at http://localhost:3000');
    expect(text).toContain('Database:  embedded PostgreSQL at /srv/data');
    expect(text).toMatch(/tam@demo\.liaison\.test\s+liaison-demo {2}tam, viewer/);
    expect(banner({ url: 'http://x' }, 'external', null)).toContain('already holds accounts');
  });
});
