import { z } from 'zod';
import { ErrorBody } from './common.ts';

/**
 * The typed client's transport: requests over `fetch`, the `ApiError` every failure becomes,
 * response parsing with the contracts' schemas, and the session kept after a login outside a
 * browser. The per-area modules (`client-*.ts`) build their methods on it; `client.ts` puts
 * them together.
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
export type Query = Record<string, unknown>;

export type Page<T> = { items: T[]; nextCursor: string | null };

const SESSION_COOKIE = 'liaison_session';
export const API_PREFIX = '/api/v1';

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A path segment from an id. */
export const id = (value: string) => encodeURIComponent(value);

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

/** Every item of a cursor-paginated list, page after page. */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const result = await fetchPage(cursor);
    yield* result.items;
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
}

type SendInit = {
  query?: Query | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Headers of this request only (the portal's CSRF token). */
  headers?: Record<string, string> | undefined;
};

export function createTransport(options: ApiClientOptions) {
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
    init: SendInit = {},
  ): Promise<{ response: Response; body: unknown }> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...init.headers,
    };
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
    init: SendInit = {},
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

  async function callEmpty(method: string, path: string, init: Omit<SendInit, 'body'> = {}): Promise<void> {
    await send(method, path, init);
  }

  return {
    /** The API root every path is relative to, e.g. `http://localhost:3000/api/v1`. */
    root,
    send,
    call,
    callEmpty,
    /** Keeps the session cookie of a login response (when the platform lets us read it). */
    rememberSession(response: Response): void {
      session = sessionFrom(response) ?? session;
    },
    forgetSession(): void {
      session = undefined;
    },
  };
}

export type Transport = ReturnType<typeof createTransport>;
