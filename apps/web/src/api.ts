import { type AccountListQuery, ApiError, createApiClient, ErrorBody } from '@liaison/contracts';
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

const _items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const _none = z.unknown();

export type AccountFilters = Partial<Omit<AccountListQuery, 'limit' | 'cursor'>>;

export const DemoInfo = z.object({
  demo: z.boolean(),
  logins: z.array(
    z.object({ email: z.string(), name: z.string(), password: z.string(), roles: z.array(z.string()) }),
  ),
  /** The demo's customers who sign in to the customer portal. */
  customerLogins: z.array(
    z.object({ email: z.string(), name: z.string(), accountName: z.string(), password: z.string() }),
  ),
});
export type DemoInfo = z.infer<typeof DemoInfo>;

/** The one endpoint the web app needs beyond the shared client: the demo's sign-in hints. */
export const extra = {
  demoInfo: () => call(DemoInfo, 'GET', '/demo-info'),
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
