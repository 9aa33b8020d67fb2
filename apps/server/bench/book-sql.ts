/**
 * SQL building blocks of the deterministic book: every value is derived from the row's number by
 * `hashint8extended` (no random()), every id is a UUID built from a prefix and the number, and
 * every instant is counted back from `anchor` (the run's UTC midnight), so the same N on the same
 * day gives the same book.
 */

/** What one generation works from; all values are inlined in the SQL as literals. */
export interface BookParams {
  accounts: number;
  /** `YYYY-MM-DD`: today (UTC). Instants are counted back from its midnight, so all are in the past. */
  today: string;
}

/** A deterministic integer in [0, mod) from the integer SQL expression `expr` and a seed. */
export const h = (expr: string, seed: number, mod: number | string) =>
  `((hashint8extended((${expr})::int8, ${seed}) % (${mod}) + (${mod})) % (${mod}))`;

/** The UUIDs of the book: `<prefix>-0000-4000-8000-<number in hex>`. */
export const ID = {
  account: 'ac000000',
  tam: 'b0000001',
  manager: 'b0000002',
  rep: 'b0000003',
  sa: 'b0000004',
  contact: 'c0000000',
  team: 'd0000000',
  opportunity: 'e0000000',
  activity: 'f0000000',
  objective: 'a0000001',
  ticket: 'a0000002',
  initiative: 'a0000003',
  emeaParameter: 'a0000004',
  exception: 'a0000005',
} as const;

export const uid = (prefix: string, expr: string) =>
  `('${prefix}-0000-4000-8000-' || lpad(to_hex((${expr})::int8), 12, '0'))::uuid`;

/** The run's UTC midnight, as a timestamptz literal. */
export const anchor = (params: BookParams) => `'${params.today}T00:00:00Z'::timestamptz`;

/** `anchor` minus `days` (an SQL expression) and `minutes` (another), as a timestamptz. */
export const daysAgo = (params: BookParams, days: string, minutes = '0') =>
  `(${anchor(params)} - (${days}) * interval '1 day' - (${minutes}) * interval '1 minute')`;

/** `timestamptz` → `2026-03-01T09:30:00.000Z`, as the presenters print instants. */
export const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A text[] literal of `values` (plain words only). */
export const textArray = (values: readonly string[]) =>
  `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

/** `values[1 + h(expr, seed, values.length)]`: one of `values`, deterministically. */
export const pick = (values: readonly string[], expr: string, seed: number) =>
  `(${textArray(values)})[1 + ${h(expr, seed, values.length)}]`;

export const REGIONS = ['noram', 'emea', 'apac', 'latam'] as const;
export const INDUSTRIES = ['Software', 'Banking', 'Retail', 'Healthcare', 'Manufacturing', 'Energy', 'Media'];
export const STAGES = [
  'plan',
  'create',
  'verify',
  'package',
  'secure',
  'release',
  'configure',
  'monitor',
  'govern',
];
export const COLOURS = ['green', 'yellow', 'red'] as const;

/** Users per kind, from the number of accounts and of TAM-managed accounts. */
export function staffCounts(accounts: number, tams: number) {
  const reps = Math.max(4, 2 * Math.ceil(accounts / 800));
  return { managers: Math.max(1, Math.ceil(tams / 8)), reps, sas: Math.max(1, Math.ceil(tams / 4)) };
}
