import type { z } from 'zod';
import {
  Account,
  AccountListItem,
  type AccountListQuery,
  type CreateAccountRequest,
  type UpdateAccountRequest,
} from './accounts.ts';
import { id, paginate, type RequestOptions, type Transport } from './client-transport.ts';
import { page } from './common.ts';
import { AccountDiff, type DiffQuery, HistoryEntry, type HistoryQuery } from './history.ts';
import {
  BusinessProfile,
  TechnicalProfile,
  type UpdateBusinessProfileRequest,
  type UpdateTechnicalProfileRequest,
} from './profiles.ts';

/** Query types as callers write them: defaults optional, everything as its JSON type. */
export type AccountListParams = Partial<z.input<typeof AccountListQuery>>;
export type HistoryParams = Partial<z.input<typeof HistoryQuery>>;
export type DiffParams = z.input<typeof DiffQuery>;

const accountPage = page(AccountListItem);
const historyPage = page(HistoryEntry);

/** Accounts: the list, the record (as of any instant), its history and diff, its two profiles. */
export function accountsApi({ call, callEmpty }: Transport) {
  const accounts = {
    list: (query: AccountListParams = {}, request: RequestOptions = {}) =>
      call(accountPage, 'GET', '/accounts', { query, ...request }),
    /** Every account matching the filters, following cursors. */
    iterate: (query: Omit<AccountListParams, 'cursor'> = {}, request: RequestOptions = {}) =>
      paginate((cursor) => accounts.list({ ...query, cursor }, request)),
    /** The account with profiles, contacts and team; with `asOf`, exactly as it was at that instant. */
    get: (accountId: string, query: { asOf?: string | undefined } = {}, request: RequestOptions = {}) =>
      call(Account, 'GET', `/accounts/${id(accountId)}`, { query, ...request }),
    create: (body: z.input<typeof CreateAccountRequest>, request: RequestOptions = {}) =>
      call(Account, 'POST', '/accounts', { body, ...request }),
    /** `body.version` must be the version you read (409 VERSION_CONFLICT otherwise). */
    update: (accountId: string, body: z.input<typeof UpdateAccountRequest>, request: RequestOptions = {}) =>
      call(Account, 'PATCH', `/accounts/${id(accountId)}`, { body, ...request }),
    delete: (accountId: string, version: number, request: RequestOptions = {}) =>
      callEmpty('DELETE', `/accounts/${id(accountId)}`, { query: { version }, ...request }),
    history: (accountId: string, query: HistoryParams = {}, request: RequestOptions = {}) =>
      call(historyPage, 'GET', `/accounts/${id(accountId)}/history`, { query, ...request }),
    iterateHistory: (
      accountId: string,
      query: Omit<HistoryParams, 'cursor'> = {},
      request: RequestOptions = {},
    ) => paginate((cursor) => accounts.history(accountId, { ...query, cursor }, request)),
    diff: (accountId: string, query: DiffParams, request: RequestOptions = {}) =>
      call(AccountDiff, 'GET', `/accounts/${id(accountId)}/diff`, { query, ...request }),
    updateBusinessProfile: (
      accountId: string,
      body: z.input<typeof UpdateBusinessProfileRequest>,
      request: RequestOptions = {},
    ) => call(BusinessProfile, 'PATCH', `/accounts/${id(accountId)}/business-profile`, { body, ...request }),
    updateTechnicalProfile: (
      accountId: string,
      body: z.input<typeof UpdateTechnicalProfileRequest>,
      request: RequestOptions = {},
    ) =>
      call(TechnicalProfile, 'PATCH', `/accounts/${id(accountId)}/technical-profile`, { body, ...request }),
  };
  return accounts;
}
