import {
  AccountListItem,
  type AccountListQuery,
  ApiError,
  createApiClient,
  EmeaParameter,
  ErrorBody,
  Initiative,
  PriorityException,
  PriorityProposal,
  page,
  SuccessPlan,
  SupportTicket,
} from '@liaison/contracts';
import { z } from 'zod';

/** The shared typed client; the browser keeps the session cookie, so no token is needed. */
export const api = createApiClient({ baseUrl: '' });

export { ApiError };

type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * Calls an endpoint the shared client has no method for (yet), with the same error shape:
 * every failure is an `ApiError` with the server's code, message and field details.
 */
export async function call<T extends z.ZodType>(
  schema: T,
  method: string,
  path: string,
  init: { query?: Query; body?: unknown } = {},
): Promise<z.output<T>> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(init.query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${search ? `?${search}` : ''}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    throw new ApiError(
      { status: 0, code: 'UNREACHABLE', message: 'Cannot reach the Liaison server.' },
      { cause: error },
    );
  }
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    if (parsed.success) {
      const { code, message, details, requestId } = parsed.data.error;
      throw new ApiError({ status: response.status, code, message, details, requestId });
    }
    throw new ApiError({
      status: response.status,
      code: `HTTP_${response.status}`,
      message: `${method} ${path} failed with HTTP ${response.status}`,
    });
  }
  return schema.parse(body);
}

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const none = z.unknown();

export type AccountFilters = Partial<Omit<AccountListQuery, 'limit' | 'cursor'>>;

export const DemoInfo = z.object({
  demo: z.boolean(),
  logins: z.array(
    z.object({ email: z.string(), name: z.string(), password: z.string(), roles: z.array(z.string()) }),
  ),
});
export type DemoInfo = z.infer<typeof DemoInfo>;

/** Endpoints used by the web app beyond the shared client's methods. */
export const extra = {
  demoInfo: () => call(DemoInfo, 'GET', '/demo-info'),
  /** The accounts list with each account's stored assessment (tier, priority, health). */
  listAccounts: (query: AccountFilters & { limit?: number; cursor?: string }) =>
    call(page(AccountListItem), 'GET', '/accounts', { query }),
  successPlan: async (accountId: string) => {
    try {
      return await call(SuccessPlan, 'GET', `/accounts/${accountId}/success-plan`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  putSuccessPlan: (accountId: string, body: { status: string; strategy?: string | null; version?: number }) =>
    call(SuccessPlan, 'PUT', `/accounts/${accountId}/success-plan`, { body }),
  addObjective: (accountId: string, body: { title: string; status?: string; dueDate?: string | null }) =>
    call(none, 'POST', `/accounts/${accountId}/success-plan/objectives`, { body }),
  updateObjective: (objectiveId: string, body: { status?: string; version: number }) =>
    call(none, 'PATCH', `/objectives/${objectiveId}`, { body }),
  supportTickets: async (accountId: string) =>
    (await call(items(SupportTicket), 'GET', `/accounts/${accountId}/support-tickets`)).items,
  initiatives: async (accountId: string) =>
    (await call(items(Initiative), 'GET', `/accounts/${accountId}/initiatives`)).items,
  createInitiative: (
    accountId: string,
    body: {
      kind: string;
      description: string;
      startsOn: string;
      endsOn: string | null;
      hoursPerWeek: number;
    },
  ) => call(Initiative, 'POST', `/accounts/${accountId}/initiatives`, { body }),
  emeaParameters: async (accountId: string) =>
    (await call(items(EmeaParameter), 'GET', `/accounts/${accountId}/emea-parameters`)).items,
  createEmeaParameter: (
    accountId: string,
    body: { parameter: string; note: string | null; startsOn: string; endsOn: string | null },
  ) => call(EmeaParameter, 'POST', `/accounts/${accountId}/emea-parameters`, { body }),
  updateEmeaParameter: (
    parameterId: string,
    body: { note?: string | null; startsOn?: string; endsOn?: string | null; version: number },
  ) => call(EmeaParameter, 'PATCH', `/emea-parameters/${parameterId}`, { body }),
  deleteEmeaParameter: (parameterId: string, version: number) =>
    call(none, 'DELETE', `/emea-parameters/${parameterId}`, { query: { version } }),
  priorityProposal: async (accountId: string) => {
    try {
      return await call(PriorityProposal, 'GET', `/accounts/${accountId}/priority-proposal`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  proposePriority: (accountId: string, body: { priority: string; reason: string | null }) =>
    call(PriorityProposal, 'PUT', `/accounts/${accountId}/priority-proposal`, { body }),
  approveProposal: (accountId: string, version: number) =>
    call(PriorityProposal, 'POST', `/accounts/${accountId}/priority-proposal/approve`, { body: { version } }),
  priorityExceptions: async (accountId: string) =>
    (await call(items(PriorityException), 'GET', `/accounts/${accountId}/priority-exceptions`)).items,
  requestException: (accountId: string, body: { kind: string; reason: string }) =>
    call(PriorityException, 'POST', `/accounts/${accountId}/priority-exceptions`, { body }),
  decideException: (exceptionId: string, decision: 'approve' | 'reject', version: number) =>
    call(PriorityException, 'POST', `/priority-exceptions/${exceptionId}/decision`, {
      body: { decision, version },
    }),
};

/** Field errors from a 400: `body.arr` → `{ arr: 'must be …' }` (the prefix is dropped). */
export function fieldErrors(error: unknown, prefix = 'body.'): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const path = detail.path.startsWith(prefix) ? detail.path.slice(prefix.length) : detail.path;
    errors[path] ??= detail.message;
  }
  return errors;
}

export const isConflict = (error: unknown) => error instanceof ApiError && error.code === 'VERSION_CONFLICT';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
