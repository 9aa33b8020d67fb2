import { type ApiClient, ApiError } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import type { CliError } from '../output.ts';
import { withCliHints } from './journey-outputs.ts';
import { resolveAccount, resolveUser } from './journey-targets.ts';

// Accounts by id or name and people by id or e-mail, against a fake of the two list calls used.

const id = (n: number) => `0190c7e2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const accounts = [
  { id: id(1), name: 'Lumen Freight' },
  { id: id(2), name: 'Lumen Freight Europe' },
  { id: id(3), name: 'Harbour Logistics' },
];
const users = [{ id: id(9), name: 'Tia Tam', email: 'tia@vendor.example' }];

const client = {
  accounts: {
    list: async ({ q }: { q: string }) => ({
      items: accounts.filter((account) => account.name.toLowerCase().includes(q.toLowerCase())),
      nextCursor: null,
    }),
  },
  users: { list: async () => users },
} as unknown as ApiClient;

describe('resolveAccount', () => {
  it.each([
    [id(3).toUpperCase(), { id: id(3), name: null }],
    ['lumen freight', { id: id(1), name: 'Lumen Freight' }],
    ['harbour', { id: id(3), name: 'Harbour Logistics' }],
    ['freight europe', { id: id(2), name: 'Lumen Freight Europe' }],
  ])('%s → %o', async (text, expected) => {
    expect(await resolveAccount(client, text)).toEqual(expected);
  });

  it('refuses a name that matches several accounts (usage, exit 2) or none (exit 1)', async () => {
    const several = await resolveAccount(client, 'lumen').catch((error: CliError) => error);
    expect(several).toMatchObject({ exitCode: 2 });
    expect((several as CliError).message).toBe(
      `"lumen" matches 2 accounts: Lumen Freight (${id(1)}); Lumen Freight Europe (${id(2)}); give the id`,
    );
    await expect(resolveAccount(client, 'Nowhere')).rejects.toMatchObject({ exitCode: 1, code: 'NOT_FOUND' });
  });
});

describe('resolveUser', () => {
  it('takes an id as it is and finds an e-mail address whatever its case', async () => {
    expect(await resolveUser(client, id(5))).toEqual({ id: id(5), name: id(5) });
    expect(await resolveUser(client, 'TIA@Vendor.example')).toEqual({ id: id(9), name: 'Tia Tam' });
  });

  it('refuses an unknown address and what is neither an id nor an address', async () => {
    await expect(resolveUser(client, 'nobody@vendor.example')).rejects.toThrow(
      'no user has the e-mail address nobody@vendor.example',
    );
    await expect(resolveUser(client, 'Tia Tam')).rejects.toMatchObject({ exitCode: 2 });
  });
});

describe('withCliHints', () => {
  const refusal = (details: { path: string; message: string }[]) =>
    new ApiError({ status: 422, code: 'INVALID_STATE', message: 'Step x is not complete.', details });

  it.each([
    [[{ path: 'body.activityId', message: 'link the logged meeting (activityId)' }], '--activity <id>'],
    [[{ path: 'body.data.notes', message: 'Notes is required' }], '--data notes=…'],
    [[{ path: 'body.skipReason', message: 'Say why' }], '--reason <text>'],
    [
      [{ path: 'body.state', message: 'attach the blueprint (POST /accounts/{id}/artefacts with stepId)' }],
      'liaison journey attach',
    ],
    [[{ path: 'body.state', message: 'sign-off missing from pse, tam' }], 'liaison journey sign-off'],
    [
      [
        { path: 'body.data.account_name', message: 'Account name is required' },
        { path: 'body.activityId', message: 'link the logged meeting (activityId)' },
      ],
      '--data account_name=…, --activity <id>',
    ],
  ])('%o → %s', (details, hint) => {
    const error = withCliHints(refusal(details)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.code, error.status, error.message]).toEqual([
      'INVALID_STATE',
      422,
      `Step x is not complete. (with the CLI: ${hint})`,
    ]);
  });

  it('leaves other errors as they are', () => {
    const plain = refusal([{ path: 'body.version', message: 'stale' }]);
    expect(withCliHints(plain)).toBe(plain);
    const other = new Error('boom');
    expect(withCliHints(other)).toBe(other);
  });
});
