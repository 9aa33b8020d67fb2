import { ErrorBody } from '@liaison/contracts';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Case } from './cases.ts';
import type { DatabaseState } from './database-state.ts';
import { type Operation, WRITE_METHODS } from './openapi.ts';
import { valid } from './values.ts';

/**
 * Cases per route: a few hundred by default (the suite stays within about two minutes on a
 * two-core machine); `LIAISON_FUZZ_RUNS=5000` for a long run. A failure prints the seed and the
 * path that reproduce it: `LIAISON_FUZZ_SEED=<seed> LIAISON_FUZZ_PATH=<path>` with `-t "<route>"`.
 */
export const RUNS = Number(process.env.LIAISON_FUZZ_RUNS ?? 200);

export function fuzzOptions(runs = RUNS): fc.Parameters<[Case]> {
  const seed = process.env.LIAISON_FUZZ_SEED;
  const path = process.env.LIAISON_FUZZ_PATH;
  return {
    numRuns: runs,
    ...(seed ? { seed: Number(seed) } : {}),
    ...(path ? { path } : {}),
  };
}

const excerpt = (response: LightMyRequestResponse) => `${response.statusCode} ${response.body.slice(0, 400)}`;

/**
 * Checks one answer: never a 5xx; a refusal is a coded error body and changed nothing. Returns
 * the parsed body of an accepted request (the state it left is the next case's starting point).
 */
export async function checkAnswer(
  response: LightMyRequestResponse,
  sent: Case,
  before: DatabaseState,
  state: () => Promise<DatabaseState>,
): Promise<{ json: unknown } | null> {
  if (response.statusCode >= 500) throw new Error(`${sent.what}: answered ${excerpt(response)}`);
  const isJson = String(response.headers['content-type'] ?? '').includes('json');
  // An import answers its job as the first line, then streams until the upload is read.
  const text = response.statusCode === 202 ? response.body.split('\n')[0]! : response.body;
  const json = isJson && text ? (JSON.parse(text) as unknown) : undefined;
  if (response.statusCode < 400) return { json };
  if (!ErrorBody.safeParse(json).success)
    throw new Error(`${sent.what}: not a coded error: ${excerpt(response)}`);
  expectUnchanged(before, await state(), `${sent.what}: refused (${excerpt(response)})`);
  return null;
}

/** Throws when a table's count or versions moved between the two states. */
export function expectUnchanged(before: DatabaseState, after: DatabaseState, what: string) {
  const changed = Object.keys(before).filter((table) => before[table] !== after[table]);
  if (changed.length > 0)
    throw new Error(
      `${what} yet changed ${changed.map((table) => `${table}: ${before[table]} → ${after[table]}`).join('; ')}`,
    );
}

const sample = <T>(arbitrary: fc.Arbitrary<T>) => fc.sample(arbitrary, { numRuns: 1, seed: 42 })[0]!;

/**
 * Every read the document lists, with its required parameters: those of one account when
 * `accountId` is given (paths under /accounts/{id}), else those that take no id (the lists, the
 * book-wide views, each export). Each must answer below 500.
 */
export async function readsAnswer(
  http: FastifyInstance,
  all: Operation[],
  token: string,
  accountId: string | null,
) {
  const failures: string[] = [];
  for (const operation of all) {
    if (WRITE_METHODS.includes(operation.method.toLowerCase()) || operation.method !== 'GET') continue;
    const underAccount = operation.path.startsWith('/api/v1/accounts/{id}');
    if ((accountId !== null) !== underAccount) continue;
    const names = operation.pathParameters.map((parameter) => parameter.name);
    if (accountId === null && names.some((name) => name !== 'file')) continue;
    const files = operation.pathParameters.find((parameter) => parameter.name === 'file')?.schema.enum ?? [
      null,
    ];
    const query = operation.query
      .filter((parameter) => parameter.required)
      .map((parameter) => `${parameter.name}=${encodeURIComponent(String(sample(valid(parameter.schema))))}`);
    for (const file of files) {
      const path = operation.path.replace('{id}', accountId ?? '').replace('{file}', String(file));
      const url = `${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
      const response = await http.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.statusCode >= 500) failures.push(`GET ${url}: ${excerpt(response)}`);
    }
  }
  if (failures.length > 0) throw new Error(`Reads that failed:\n${failures.join('\n')}`);
}
