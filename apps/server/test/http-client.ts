import type { FastifyInstance } from 'fastify';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A tiny client over Fastify's inject: real routing, validation and serialisation, no socket. */
export function httpClient(http: FastifyInstance, token?: string) {
  async function call<T>(
    method: string,
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await http.inject({
      method: method as 'GET',
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text && response.headers['content-type']?.toString().includes('json')
        ? JSON.parse(text)
        : text) as T,
      headers: response.headers,
    } satisfies TestResponse<T>;
  }
  return {
    get: <T = any>(url: string, headers?: Record<string, string>) => call<T>('GET', url, undefined, headers),
    post: <T = any>(url: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', url, body ?? {}, headers),
    patch: <T = any>(url: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', url, body, headers),
    put: <T = any>(url: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', url, body, headers),
    delete: <T = any>(url: string, headers?: Record<string, string>) =>
      call<T>('DELETE', url, undefined, headers),
    /** Any method; sends no body at all when `body` is undefined (`post` always sends one). */
    send: <T = any>(method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>(method, url, body, headers),
  };
}
