import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { JsonSchema, Operation } from './openapi.ts';
import { Deep, Long, nastyFor, nastyString, nastyValue, RawNumber, valid } from './values.ts';

// One fuzz case: a valid call to the route (its baseline) with one part made malformed — a body
// field, the whole body, the JSON text itself, a query parameter, a path parameter or a header.

export interface Baseline {
  /** Path parameter values, by name (already URL-safe). */
  path: Record<string, string>;
  query: [string, string][];
  body: unknown;
  headers: Record<string, string>;
}

export interface Case {
  what: string;
  path: Record<string, string>;
  /** Each pair is written to the URL as is: values are already percent-encoded. */
  query: [string, string][];
  /** A value to send as JSON, or `{ text }` to send exactly these bytes; undefined: no body. */
  body: unknown;
  headers: Record<string, string>;
}

/** Stands for the target's current value (its version), read when the case is sent. */
export class Live {
  constructor(readonly name: 'version') {}
  [fc.toStringMethod]() {
    return `Live(${this.name})`;
  }
}

/** A value made anew each time a case is sent (an e-mail a create needs unique). */
export class Fresh {
  constructor(readonly make: () => unknown) {}
  [fc.toStringMethod]() {
    return 'Fresh(…)';
  }
}

/** What live values and `{id}`-style placeholders stand for when a case is sent. */
export interface LiveTarget {
  id: string;
  accountId: string;
  userId: string;
  version: number;
}

/** A body sent as these exact bytes. */
export class RawBody {
  constructor(readonly text: string | Buffer) {}
  [fc.toStringMethod]() {
    return `RawBody(${typeof this.text === 'string' ? JSON.stringify(this.text.slice(0, 120)) : `${this.text.length} bytes`})`;
  }
}

/** JSON text for a value that may hold long strings, deep nesting or numbers JSON cannot write. */
export function toJsonText(value: unknown, target?: LiveTarget): string {
  if (value instanceof Live) return String(target?.[value.name] ?? 1);
  if (value instanceof Fresh) return toJsonText(value.make(), target);
  if (value instanceof Long) return JSON.stringify(value.build());
  if (value instanceof Deep)
    return `${'['.repeat(value.depth)}${toJsonText(value.inner, target)}${']'.repeat(value.depth)}`;
  if (value instanceof RawNumber) return value.literal;
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item, target)).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item, target)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

// Node.js refuses a request line over 16 KB (431) before any route sees it: longer query and path
// values only cost time here, so they are cut to 20,000 characters.
const encode = (value: unknown): string => {
  const whole = value instanceof Long ? value.build() : typeof value === 'string' ? value : toJsonText(value);
  const text = whole.slice(0, 20_000);
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate has no UTF-8: send the bytes a careless client would (CESU-8).
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
};

const rawPercent = fc.constantFrom(
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%FF',
  '%C3',
  '%',
  '%%',
  '%zz',
  '%E2%80%AE',
  '+',
  '%2F..%2F',
);

const rawBodies = fc.constantFrom(
  new RawBody('{"name":'),
  new RawBody('{"name":"\\ud800"}'),
  new RawBody('{"name":"\\u0000"}'),
  new RawBody('{"a":1e309,"b":-1e309}'),
  new RawBody(''),
  new RawBody('null'),
  new RawBody('"just a string"'),
  new RawBody('{"__proto__":{"isAdmin":true}}'),
  new RawBody('{"constructor":{"prototype":{"isAdmin":true}}}'),
  new RawBody('\ufeff{}'),
  new RawBody(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
  new RawBody(Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])),
  new RawBody(`{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`),
);

const headerMutations = fc.oneof(
  fc.record({
    'if-match': fc.constantFrom('"abc"', 'W/"-1"', '999999999999999999999999', '*', '"1", "2"', ''),
  }),
  fc.record({
    'content-type': fc.constantFrom(
      'text/plain',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/JSON',
      'application/json-patch+json',
      'text/csv',
    ),
  }),
  fc.record({
    'x-liaison-mapping': fc.oneof(
      nastyString.filter((text): text is string => typeof text === 'string' && /^[\x20-\x7e]*$/.test(text)),
      fc.constant(Buffer.from('{"columns":{"\\u0000":"name"}}').toString('base64url')),
    ),
  }),
);

const asObject = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Every kind of case for `operation`, around its baseline (a read's: its parameters only). */
export function casesFor(operation: Operation, baseline: Baseline): fc.Arbitrary<Case> {
  const parametersOnly = operation.method === 'GET';
  const properties: Record<string, JsonSchema | undefined> = { ...operation.body?.properties };
  for (const key of Object.keys(asObject(baseline.body))) properties[key] ??= undefined;
  const keys = Object.keys(properties);
  const base = (what: string, change: Partial<Case>): Case => ({
    what,
    path: baseline.path,
    query: baseline.query,
    body: baseline.body,
    headers: baseline.headers,
    ...change,
  });
  const fieldValue = (key: string) =>
    fc.oneof(
      { weight: 4, arbitrary: nastyFor(properties[key]) },
      { weight: 2, arbitrary: nastyValue },
      { weight: 1, arbitrary: valid(properties[key]) },
    );

  // A route that reads no body (a DELETE) ignores one that parses: mostly its parameters then.
  const reads = operation.body !== undefined;
  const kinds: fc.WeightedArbitrary<Case>[] = [
    { weight: 1, arbitrary: nastyValue.map((body) => base('the whole body', { body })) },
    { weight: 1, arbitrary: rawBodies.map((body) => base('the JSON text', { body })) },
    {
      weight: reads ? 1 : 0,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.string({ maxLength: 12 }),
            nastyString.filter((key) => typeof key === 'string'),
          ),
          nastyValue,
        )
        .map(([key, value]) =>
          base(`an extra field ${JSON.stringify(key)}`, {
            body: { ...asObject(baseline.body), [key as string]: value },
          }),
        ),
    },
    {
      weight: 1,
      arbitrary: headerMutations.map((headers) =>
        base('a header', { headers: { ...baseline.headers, ...headers } }),
      ),
    },
  ];
  if (keys.length > 0) {
    // Mostly one field at a time, so the others, valid, let it reach as deep as it can.
    const fields = fc
      .oneof(
        { weight: 4, arbitrary: fc.constantFrom(...keys).map((key) => [key]) },
        {
          weight: 1,
          arbitrary: fc.uniqueArray(fc.constantFrom(...keys), {
            minLength: 1,
            maxLength: Math.min(3, keys.length),
          }),
        },
      )
      .chain((chosen) =>
        fc.tuple(...chosen.map((key) => fieldValue(key).map((value) => [key, value] as const))),
      );
    kinds.push({
      weight: 8,
      arbitrary: fields.map((changes) =>
        base(`body ${changes.map(([key]) => key).join(', ')}`, {
          body: { ...asObject(baseline.body), ...Object.fromEntries(changes) },
        }),
      ),
    });
  }
  if (operation.body) {
    // A body the schema allows, valid but for chance: gets to the service and the database.
    kinds.push({
      weight: 1,
      arbitrary: valid(operation.body).map((body) => {
        const version = asObject(baseline.body).version;
        return base('a generated body', {
          body: { ...asObject(body), ...(version === undefined ? {} : { version }) },
        });
      }),
    });
  }
  const queryNames = [...operation.query.map((parameter) => parameter.name), 'unknown'];
  const queryKind: fc.WeightedArbitrary<Case> = {
    // An unknown parameter is ignored: the call goes through, as valid as its baseline.
    weight: (operation.query.length > 0 ? 2 : 1) * (reads ? 1 : 2),
    arbitrary: fc
      .tuple(
        fc.constantFrom(...queryNames),
        fc.oneof(
          nastyValue.map(encode),
          rawPercent,
          ...operation.query.map((parameter) => nastyFor(parameter.schema).map(encode)),
        ),
      )
      .map(([name, value]) =>
        base(`query ${name}`, { query: [...baseline.query.filter(([key]) => key !== name), [name, value]] }),
      ),
  };
  kinds.push(queryKind);
  const pathKinds = operation.pathParameters.map(
    (parameter): fc.WeightedArbitrary<Case> => ({
      weight: reads ? 1 : 2,
      arbitrary: fc
        .oneof(
          rawPercent,
          nastyFor(parameter.schema).map(encode),
          fc.constantFrom('x'.repeat(5_000), '..%2F..%2Fetc', 'not-a-uuid'),
        )
        .map((value) =>
          base(`path ${parameter.name}`, { path: { ...baseline.path, [parameter.name]: value } }),
        ),
    }),
  );
  kinds.push(...pathKinds);
  const parameters = new Set([queryKind, ...pathKinds]);
  return fc.oneof(...kinds.filter((kind) => kind.weight > 0 && (!parametersOnly || parameters.has(kind))));
}

/** Sends a case as `token`'s bearer, the way a client would put it on the wire. */
export function send(
  http: FastifyInstance,
  operation: Operation,
  token: string,
  sent: Case,
  target: LiveTarget,
) {
  const fill = (text: string) =>
    text.replace(/\{(id|accountId|userId|version)\}/g, (_, name: keyof LiveTarget) => String(target[name]));
  const url =
    operation.path.replace(/\{(\w+)\}/g, (_, name: string) => fill(sent.path[name] ?? 'missing')) +
    (sent.query.length > 0 ? `?${sent.query.map(([key, value]) => `${key}=${fill(value)}`).join('&')}` : '');
  let payload: string | Buffer | undefined;
  if (sent.body instanceof RawBody) payload = sent.body.text;
  else if (typeof sent.body === 'string' && sent.headers['content-type']?.startsWith('text/'))
    payload = sent.body;
  else if (sent.body !== undefined) payload = toJsonText(sent.body, target);
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
    ...sent.headers,
  };
  return http.inject({
    method: operation.method as 'POST',
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
}
