import type { z } from 'zod';
import type { RequestOptions, Transport } from './client-transport.ts';
import { Home, type HomeQuery } from './homes.ts';

export type HomeParams = z.input<typeof HomeQuery>;

/** A home for every role: the caller's home, another view their roles allow, or a TAM's (managers). */
export function homesApi({ call }: Transport) {
  return {
    get: (query: HomeParams = {}, request: RequestOptions = {}) =>
      call(Home, 'GET', '/home', { query, ...request }),
  };
}
