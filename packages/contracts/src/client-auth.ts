import type { z } from 'zod';
import { ApiToken, type CreateApiTokenRequest, CreatedApiToken, type LoginRequest, Me } from './auth.ts';
import { API_PREFIX, ApiError, id, items, type RequestOptions, type Transport } from './client-transport.ts';
import { type CreateUserRequest, type UpdateUserRequest, User, type UserListQuery } from './users.ts';

/** Query types as callers write them. */
export type UserListParams = z.input<typeof UserListQuery>;

/** Signing in and out, who you are, API tokens. */
export function authApi({ send, call, callEmpty, rememberSession, forgetSession }: Transport) {
  return {
    /**
     * Signs in with email and password. Browsers keep the session cookie; elsewhere the client
     * remembers it, so calls without an API token (e.g. `createToken`) act as this user.
     */
    login: async (body: LoginRequest, request: RequestOptions = {}) => {
      const { response, body: json } = await send('POST', '/auth/login', { body, ...request });
      rememberSession(response);
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
      forgetSession();
    },
    me: (request: RequestOptions = {}) => call(Me, 'GET', '/auth/me', request),
    listTokens: async (request: RequestOptions = {}) =>
      (await call(items(ApiToken), 'GET', '/auth/tokens', request)).items,
    /** The secret is in the result's `token`, shown this once. */
    createToken: (body: z.input<typeof CreateApiTokenRequest>, request: RequestOptions = {}) =>
      call(CreatedApiToken, 'POST', '/auth/tokens', { body, ...request }),
    revokeToken: (tokenId: string, request: RequestOptions = {}) =>
      callEmpty('DELETE', `/auth/tokens/${id(tokenId)}`, request),
  };
}

/** The people who use Liaison (admins manage them). */
export function usersApi({ call }: Transport) {
  return {
    list: async (query: UserListParams = {}, request: RequestOptions = {}) =>
      (await call(items(User), 'GET', '/users', { query, ...request })).items,
    get: (userId: string, request: RequestOptions = {}) => call(User, 'GET', `/users/${id(userId)}`, request),
    create: (body: z.input<typeof CreateUserRequest>, request: RequestOptions = {}) =>
      call(User, 'POST', '/users', { body, ...request }),
    update: (userId: string, body: z.input<typeof UpdateUserRequest>, request: RequestOptions = {}) =>
      call(User, 'PATCH', `/users/${id(userId)}`, { body, ...request }),
  };
}
