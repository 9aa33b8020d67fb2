import { z } from 'zod';
import {
  Account,
  type AccountListQuery,
  AccountSummary,
  type CreateAccountRequest,
  type UpdateAccountRequest,
} from './accounts.ts';
import {
  Activity,
  type ActivityListQuery,
  type CreateActivityRequest,
  type UpdateActivityRequest,
} from './activities.ts';
import {
  Assessment,
  type AssessmentQuery,
  DryRunResult,
  type OwnerQuery,
  PlaybookDocument,
  PlaybookValidation,
  Portfolio,
  type PutPlaybookRequest,
  type ReassessRequest,
  ReassessResult,
  TeamOverview,
  Worklist,
} from './assessments.ts';
import { ApiToken, type CreateApiTokenRequest, CreatedApiToken, type LoginRequest, Me } from './auth.ts';
import { ErrorBody, page } from './common.ts';
import { Contact, type CreateContactRequest, type UpdateContactRequest } from './contacts.ts';
import { AccountDiff, type DiffQuery, HistoryEntry, type HistoryQuery } from './history.ts';
import {
  type CreateOpportunityRequest,
  Opportunity,
  type UpdateOpportunityRequest,
} from './opportunities.ts';
import {
  BusinessProfile,
  TechnicalProfile,
  type UpdateBusinessProfileRequest,
  type UpdateTechnicalProfileRequest,
} from './profiles.ts';
import {
  type CreateTeamAssignmentRequest,
  TeamAssignment,
  type UpdateTeamAssignmentRequest,
} from './team.ts';
import { type CreateUserRequest, type UpdateUserRequest, User, type UserListQuery } from './users.ts';

/**
 * A small typed client of the Liaison HTTP API (`/api/v1`) over the global `fetch`, shared by the
 * CLI and the web app. Responses are parsed with the contracts' schemas; every failure is an
 * `ApiError` carrying the server's `{ error: { code, message, details, requestId } }`.
 */

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** Codes the client itself produces (the server's own codes come from its error body). */
export type ClientErrorCode = 'UNREACHABLE' | 'BAD_RESPONSE' | `HTTP_${number}`;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId: string | null;

  constructor(
    init: {
      status: number;
      code: string;
      message: string;
      details?: ApiErrorDetail[] | undefined;
      requestId?: string | null | undefined;
    },
    options?: { cause?: unknown },
  ) {
    super(init.message, options);
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId ?? null;
  }
}

export interface ApiClientOptions {
  /** Where Liaison runs, e.g. `http://localhost:3000` (a trailing `/api/v1` is accepted); `''` = same origin. */
  baseUrl: string;
  /** An API token, sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Sent with every request. */
  headers?: Record<string, string> | undefined;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

/** Query-string values; `undefined`, `null` and `''` are left out. */
type Query = Record<string, unknown>;

/** Query types as callers write them: defaults optional, everything as its JSON type. */
export type AccountListParams = Partial<z.input<typeof AccountListQuery>>;
export type HistoryParams = Partial<z.input<typeof HistoryQuery>>;
export type DiffParams = z.input<typeof DiffQuery>;
export type ActivityListParams = Partial<z.input<typeof ActivityListQuery>>;
export type TeamParams = { at?: string | undefined; all?: boolean | undefined };
export type UserListParams = z.input<typeof UserListQuery>;
export type AssessmentParams = z.input<typeof AssessmentQuery>;
export type OwnerParams = z.input<typeof OwnerQuery>;
export type ReassessParams = z.input<typeof ReassessRequest>;
/** A playbook document as sent to validate, dry-run and apply: any JSON object (the server validates it). */
export type PlaybookCandidateBody = Record<string, unknown>;

/** One slice of a whole-book reassessment (`POST /assessments/reassess`). */
export type ReassessSlice = z.output<typeof ReassessResult>;
export type PlaybookValidationResult = z.output<typeof PlaybookValidation>;
/** An entry of the playbook's version history (the built-in defaults, version 0, are not listed). */
export const PlaybookVersionSummary = z.object({
  version: z.int(),
  createdAt: z.string(),
  createdBy: z.string(),
  note: z.string().nullable(),
});
export type PlaybookVersionSummary = z.output<typeof PlaybookVersionSummary>;

type Page<T> = { items: T[]; nextCursor: string | null };

const SESSION_COOKIE = 'liaison_session';
const API_PREFIX = '/api/v1';

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, '');
  return trimmed.endsWith(API_PREFIX) ? trimmed : `${trimmed}${API_PREFIX}`;
}

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The `liaison_session` cookie from a login response, where the platform lets us read it (not browsers). */
function sessionFrom(response: Response): string | undefined {
  const headers = response.headers as Headers & { getSetCookie?: () => string[] };
  const cookies = headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''];
  for (const cookie of cookies) {
    const match = new RegExp(`(?:^|[,\\s])${SESSION_COOKIE}=([^;,\\s]+)`).exec(cookie);
    if (match) return match[1];
  }
  return undefined;
}

export function createApiClient(options: ApiClientOptions) {
  const root = apiRoot(options.baseUrl);
  const origin =
    options.baseUrl
      .trim()
      .replace(/\/+$/, '')
      .replace(/\/api\/v1$/, '') || '(same origin)';
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  // Outside a browser nobody keeps cookies for us: remember the session from login for later calls.
  let session: string | undefined;

  async function send(
    method: string,
    path: string,
    init: { query?: Query | undefined; body?: unknown; signal?: AbortSignal | undefined } = {},
  ): Promise<{ response: Response; body: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    else if (session) headers.cookie = `${SESSION_COOKIE}=${session}`;
    let response: Response;
    try {
      response = await doFetch(`${root}${path}${queryString(init.query)}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
        credentials: 'same-origin',
      });
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') throw error;
      throw new ApiError(
        {
          status: 0,
          code: 'UNREACHABLE',
          message: `cannot reach Liaison at ${origin}: is the server running? (liaison serve)`,
        },
        { cause: error },
      );
    }
    const requestId = response.headers.get('x-request-id');
    const text = await response.text();
    let body: unknown;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError({
          status: response.status,
          code: response.ok ? 'BAD_RESPONSE' : `HTTP_${response.status}`,
          message: `${origin} answered ${method} ${API_PREFIX}${path} with ${response.status} and a body that is not JSON: is this a Liaison server?`,
          requestId,
        });
      }
    }
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(body);
      if (parsed.success) {
        const { code, message, details, requestId: id } = parsed.data.error;
        throw new ApiError({ status: response.status, code, message, details, requestId: id });
      }
      throw new ApiError({
        status: response.status,
        code: `HTTP_${response.status}`,
        message: `${method} ${API_PREFIX}${path} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        requestId,
      });
    }
    return { response, body };
  }

  async function call<T extends z.ZodType>(
    schema: T,
    method: string,
    path: string,
    init: { query?: Query | undefined; body?: unknown; signal?: AbortSignal | undefined } = {},
  ): Promise<z.output<T>> {
    const { response, body } = await send(method, path, init);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
        .join('; ');
      throw new ApiError({
        status: response.status,
        code: 'BAD_RESPONSE',
        message: `unexpected response to ${method} ${API_PREFIX}${path}: ${where}`,
        requestId: response.headers.get('x-request-id'),
      });
    }
    return parsed.data;
  }

  async function callEmpty(
    method: string,
    path: string,
    init: { query?: Query | undefined; signal?: AbortSignal | undefined } = {},
  ): Promise<void> {
    await send(method, path, init);
  }

  const id = (value: string) => encodeURIComponent(value);

  /** Every item of a cursor-paginated list, page after page. */
  async function* paginate<T>(
    fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  ): AsyncGenerator<T, void, undefined> {
    let cursor: string | undefined;
    do {
      const result = await fetchPage(cursor);
      yield* result.items;
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
  }

  const accountPage = page(AccountSummary);
  const historyPage = page(HistoryEntry);
  const activityPage = page(Activity);

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

  const assessments = {
    /** Tier, alignment, gemstone, priority, health and obligations, each explained; with `at`, the record as it was then. */
    get: (accountId: string, query: AssessmentParams = {}, request: RequestOptions = {}) =>
      call(Assessment, 'GET', `/accounts/${id(accountId)}/assessment`, { query, ...request }),
    /** A TAM's accounts (`owner`, default: you) with capacity load and P1 share against guidance. */
    portfolio: (query: OwnerParams = {}, request: RequestOptions = {}) =>
      call(Portfolio, 'GET', '/portfolio', { query, ...request }),
    /** This week's work for a TAM (`owner`, default: you), overdue first. */
    worklist: (query: OwnerParams = {}, request: RequestOptions = {}) =>
      call(Worklist, 'GET', '/worklist', { query, ...request }),
    /** Every TAM's load and P1 balance, accounts needing a TAM, disengagement candidates, reviews due (managers). */
    teamOverview: (request: RequestOptions = {}) => call(TeamOverview, 'GET', '/team-overview', request),
    /** Reassesses one slice of the book (managers): send back `nextCursor` until it is null. */
    reassess: (body: ReassessParams = {}, request: RequestOptions = {}) =>
      call(ReassessResult, 'POST', '/assessments/reassess', { body, ...request }),
    /** The whole book, slice after slice: yields each slice's result, following `nextCursor`. */
    async *reassessAll(
      body: Omit<ReassessParams, 'cursor'> = {},
      request: RequestOptions = {},
    ): AsyncGenerator<ReassessSlice, void, undefined> {
      let cursor: string | null = null;
      do {
        const slice: ReassessSlice = await assessments.reassess({ ...body, cursor }, request);
        yield slice;
        if (slice.nextCursor !== null && slice.nextCursor === cursor) {
          throw new ApiError({
            status: 200,
            code: 'BAD_RESPONSE',
            message: `POST ${API_PREFIX}/assessments/reassess returned the cursor it was given: stopping`,
          });
        }
        cursor = slice.nextCursor;
      } while (cursor);
    },
  };

  const playbook = {
    /** The playbook in force (version 0 = the handbook defaults). */
    get: (request: RequestOptions = {}) => call(PlaybookDocument, 'GET', '/playbook', request),
    versions: async (request: RequestOptions = {}) =>
      (await call(items(PlaybookVersionSummary), 'GET', '/playbook/versions', request)).items,
    /** `{ valid, issues: [{ path, message }] }`; an invalid candidate is a result, not an error. */
    validate: (candidate: PlaybookCandidateBody, request: RequestOptions = {}) =>
      call(PlaybookValidation, 'POST', '/playbook/validate', { body: { playbook: candidate }, ...request }),
    /** What the candidate would change across the whole book, changing nothing (400 when it is invalid). */
    dryRun: (candidate: PlaybookCandidateBody, request: RequestOptions = {}) =>
      call(DryRunResult, 'POST', '/playbook/dry-run', { body: { playbook: candidate }, ...request }),
    /** Applies a new version (admins); `body.version` must be the version you read (409 VERSION_CONFLICT otherwise). */
    apply: (body: z.input<typeof PutPlaybookRequest>, request: RequestOptions = {}) =>
      call(PlaybookDocument, 'PUT', '/playbook', { body, ...request }),
  };

  return {
    /** The API root every path is relative to, e.g. `http://localhost:3000/api/v1`. */
    root,
    auth: {
      /**
       * Signs in with email and password. Browsers keep the session cookie; elsewhere the client
       * remembers it, so calls without an API token (e.g. `createToken`) act as this user.
       */
      login: async (body: LoginRequest, request: RequestOptions = {}) => {
        const { response, body: json } = await send('POST', '/auth/login', { body, ...request });
        session = sessionFrom(response) ?? session;
        const parsed = Me.safeParse(json);
        if (!parsed.success) {
          throw new ApiError({
            status: response.status,
            code: 'BAD_RESPONSE',
            message: `unexpected response to POST ${API_PREFIX}/auth/login`,
          });
        }
        return parsed.data;
      },
      logout: async (request: RequestOptions = {}) => {
        await callEmpty('POST', '/auth/logout', request);
        session = undefined;
      },
      me: (request: RequestOptions = {}) => call(Me, 'GET', '/auth/me', request),
      listTokens: async (request: RequestOptions = {}) =>
        (await call(items(ApiToken), 'GET', '/auth/tokens', request)).items,
      /** The secret is in the result's `token`, shown this once. */
      createToken: (body: z.input<typeof CreateApiTokenRequest>, request: RequestOptions = {}) =>
        call(CreatedApiToken, 'POST', '/auth/tokens', { body, ...request }),
      revokeToken: (tokenId: string, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/auth/tokens/${id(tokenId)}`, request),
    },
    users: {
      list: async (query: UserListParams = {}, request: RequestOptions = {}) =>
        (await call(items(User), 'GET', '/users', { query, ...request })).items,
      get: (userId: string, request: RequestOptions = {}) =>
        call(User, 'GET', `/users/${id(userId)}`, request),
      create: (body: z.input<typeof CreateUserRequest>, request: RequestOptions = {}) =>
        call(User, 'POST', '/users', { body, ...request }),
      update: (userId: string, body: z.input<typeof UpdateUserRequest>, request: RequestOptions = {}) =>
        call(User, 'PATCH', `/users/${id(userId)}`, { body, ...request }),
    },
    accounts,
    team: {
      /** Who is on the team now, at `at`, or with `all` every assignment past and present. */
      list: async (accountId: string, query: TeamParams = {}, request: RequestOptions = {}) =>
        (await call(items(TeamAssignment), 'GET', `/accounts/${id(accountId)}/team`, { query, ...request }))
          .items,
      assign: (
        accountId: string,
        body: z.input<typeof CreateTeamAssignmentRequest>,
        request: RequestOptions = {},
      ) => call(TeamAssignment, 'POST', `/accounts/${id(accountId)}/team`, { body, ...request }),
      update: (
        assignmentId: string,
        body: z.input<typeof UpdateTeamAssignmentRequest>,
        request: RequestOptions = {},
      ) => call(TeamAssignment, 'PATCH', `/team-assignments/${id(assignmentId)}`, { body, ...request }),
      delete: (assignmentId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/team-assignments/${id(assignmentId)}`, { query: { version }, ...request }),
    },
    contacts: {
      list: async (accountId: string, request: RequestOptions = {}) =>
        (await call(items(Contact), 'GET', `/accounts/${id(accountId)}/contacts`, request)).items,
      create: (accountId: string, body: z.input<typeof CreateContactRequest>, request: RequestOptions = {}) =>
        call(Contact, 'POST', `/accounts/${id(accountId)}/contacts`, { body, ...request }),
      update: (contactId: string, body: z.input<typeof UpdateContactRequest>, request: RequestOptions = {}) =>
        call(Contact, 'PATCH', `/contacts/${id(contactId)}`, { body, ...request }),
      delete: (contactId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/contacts/${id(contactId)}`, { query: { version }, ...request }),
    },
    opportunities: {
      list: async (accountId: string, request: RequestOptions = {}) =>
        (await call(items(Opportunity), 'GET', `/accounts/${id(accountId)}/opportunities`, request)).items,
      get: (opportunityId: string, request: RequestOptions = {}) =>
        call(Opportunity, 'GET', `/opportunities/${id(opportunityId)}`, request),
      create: (
        accountId: string,
        body: z.input<typeof CreateOpportunityRequest>,
        request: RequestOptions = {},
      ) => call(Opportunity, 'POST', `/accounts/${id(accountId)}/opportunities`, { body, ...request }),
      update: (
        opportunityId: string,
        body: z.input<typeof UpdateOpportunityRequest>,
        request: RequestOptions = {},
      ) => call(Opportunity, 'PATCH', `/opportunities/${id(opportunityId)}`, { body, ...request }),
      delete: (opportunityId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/opportunities/${id(opportunityId)}`, { query: { version }, ...request }),
    },
    activities: {
      /** The account timeline, newest first. */
      list: (accountId: string, query: ActivityListParams = {}, request: RequestOptions = {}) =>
        call(activityPage, 'GET', `/accounts/${id(accountId)}/activities`, { query, ...request }),
      iterate: (
        accountId: string,
        query: Omit<ActivityListParams, 'cursor'> = {},
        request: RequestOptions = {},
      ) =>
        paginate((cursor) =>
          call(activityPage, 'GET', `/accounts/${id(accountId)}/activities`, {
            query: { ...query, cursor },
            ...request,
          }),
        ),
      get: (activityId: string, request: RequestOptions = {}) =>
        call(Activity, 'GET', `/activities/${id(activityId)}`, request),
      create: (
        accountId: string,
        body: z.input<typeof CreateActivityRequest>,
        request: RequestOptions = {},
      ) => call(Activity, 'POST', `/accounts/${id(accountId)}/activities`, { body, ...request }),
      update: (
        activityId: string,
        body: z.input<typeof UpdateActivityRequest>,
        request: RequestOptions = {},
      ) => call(Activity, 'PATCH', `/activities/${id(activityId)}`, { body, ...request }),
      delete: (activityId: string, version: number, request: RequestOptions = {}) =>
        callEmpty('DELETE', `/activities/${id(activityId)}`, { query: { version }, ...request }),
    },
    assessments,
    playbook,
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
