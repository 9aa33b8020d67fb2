import { z } from 'zod';
import {
  Assessment,
  type AssessmentQuery,
  DryRunResult,
  type OwnerQuery,
  PlaybookDocument,
  type PlaybookInput,
  PlaybookValidation,
  Portfolio,
  type PutPlaybookRequest,
  type ReassessRequest,
  ReassessResult,
  TeamOverview,
  Worklist,
} from './assessments.ts';
import { API_PREFIX, ApiError, id, items, type RequestOptions, type Transport } from './client-transport.ts';

/** Query and body types as callers write them: defaults optional, everything as its JSON type. */
export type AssessmentParams = z.input<typeof AssessmentQuery>;
export type OwnerParams = z.input<typeof OwnerQuery>;
export type ReassessParams = z.input<typeof ReassessRequest>;
/**
 * A playbook as sent to validate, dry-run and apply: a `Playbook` you built or edited, or any
 * JSON object read from a file — the server validates it and lists every issue.
 */
export type PlaybookCandidateBody = PlaybookInput | Record<string, unknown>;

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

/** What the playbook makes of the book: one account, a TAM's portfolio and week, the team, reassessment. */
export function assessmentsApi({ call }: Transport) {
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
  return assessments;
}

/** The playbook: the version in force, its history, and validate / dry-run / apply of a candidate. */
export function playbookApi({ call }: Transport) {
  return {
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
    apply: (
      body: Omit<z.input<typeof PutPlaybookRequest>, 'playbook'> & { playbook: PlaybookCandidateBody },
      request: RequestOptions = {},
    ) => call(PlaybookDocument, 'PUT', '/playbook', { body, ...request }),
  };
}
