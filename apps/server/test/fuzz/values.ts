import fc from 'fast-check';
import type { JsonSchema } from './openapi.ts';

// The values the fuzz suite sends: what a schema allows (so a request gets past the fields it
// does not aim at) and what no schema should let through to PostgreSQL.

/** A long string, built only when sent, so a failing case prints as `Long(1000000 × "x")`. */
export class Long {
  constructor(
    readonly length: number,
    readonly unit: string,
  ) {}
  build(): string {
    return this.unit.repeat(Math.ceil(this.length / this.unit.length)).slice(0, this.length);
  }
  [fc.toStringMethod]() {
    return `Long(${this.length} × ${JSON.stringify(this.unit)})`;
  }
}

/** Arrays nested `depth` deep around `inner`, built only when sent. */
export class Deep {
  constructor(
    readonly depth: number,
    readonly inner: unknown,
  ) {}
  build(): unknown {
    let value = this.inner;
    for (let level = 0; level < this.depth; level++) value = [value];
    return value;
  }
  [fc.toStringMethod]() {
    return `Deep(${this.depth}, ${fc.stringify(this.inner)})`;
  }
}

/** A number JSON.stringify cannot write (NaN, 1e309): sent as this literal in the JSON text. */
export class RawNumber {
  constructor(readonly literal: string) {}
  [fc.toStringMethod]() {
    return `RawNumber(${this.literal})`;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Instants of any year JavaScript has, in every shape RFC 3339 allows and some it does not. */
export const oddInstant: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1899-12-31T23:59:59.999Z',
    '3000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999999999Z',
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00.000Z',
    '-000001-01-01T00:00:00.000Z',
    '2026-01-01T00:00:00.123456789Z',
    '2026-01-01T00:00:00+25:00',
    '2026-01-01T00:00:00-23:59',
    '2026-01-01T00:00:00+05:60',
    '2026-02-30T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-12-31T23:59:60Z',
    '2026-01-01T00:00Z',
    '2026-01-01t00:00:00z',
    '2026-01-01 00:00:00Z',
    '2026-01-01T00:00:00',
    '2026-01-01',
    'now',
    '',
  ),
  fc
    .record({
      year: fc.integer({ min: 0, max: 10_000 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      digits: fc.integer({ min: 0, max: 12 }),
      offsetHours: fc.integer({ min: -30, max: 30 }),
      zulu: fc.boolean(),
    })
    .map(({ year, month, day, hour, digits, offsetHours, zulu }) => {
      const fraction = digits === 0 ? '' : `.${'9'.repeat(digits)}`;
      const zone = zulu ? 'Z' : `${offsetHours < 0 ? '-' : '+'}${pad(offsetHours)}:00`;
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:59:59${fraction}${zone}`;
    }),
);

/** Business dates, real and not. */
export const oddDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0000-01-01',
    '1899-12-31',
    '3000-01-01',
    '9999-12-31',
    '2026-02-30',
    '2026-02-29',
    '2026-1-1',
    '20260101',
  ),
  fc
    .record({
      year: fc.integer({ min: 0, max: 10_000 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
    })
    .map(({ year, month, day }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`),
);

const around = (inner: fc.Arbitrary<string>) =>
  fc.tuple(fc.string({ maxLength: 8 }), inner, fc.string({ maxLength: 8 })).map((parts) => parts.join(''));

/** Text PostgreSQL cannot store: a NUL character somewhere in it. */
export const withNul = around(fc.constant('\u0000'));
/** Text UTF-8 cannot hold: a lone UTF-16 surrogate somewhere in it. */
export const withLoneSurrogate = around(fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'));

/** Strings PostgreSQL, JavaScript or a careless parser trip over. */
export const nastyString: fc.Arbitrary<string | Long> = fc.oneof(
  { weight: 3, arbitrary: withNul },
  { weight: 3, arbitrary: withLoneSurrogate },
  { weight: 2, arbitrary: oddInstant },
  { weight: 1, arbitrary: oddDate },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\ud83d\ude00',
      '\ufeff',
      '\u202e\u0645\u0631\u062d\u0628\u0627',
      'NaN',
      '1e309',
      '-1e309',
      'Infinity',
      '-0',
      '0x10',
      '1_000',
      "'; DROP TABLE accounts; --",
      '%',
      '\\',
      '__proto__',
      'constructor',
      '00000000-0000-0000-0000-000000000000',
      'not-a-uuid',
      'A'.repeat(201),
      '\r\n',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      maxLength: 20,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Long(1_000_000, 'x'),
      new Long(1_000_000, '\u0000'),
      new Long(300_000, 'é😀'),
    ),
  },
);

export const nastyNumber: fc.Arbitrary<number | RawNumber> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.5,
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    1e12,
    999_999_999_999.995,
    -1e12,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.double(),
  fc.constantFrom(
    new RawNumber('NaN'),
    new RawNumber('1e309'),
    new RawNumber('-1e309'),
    new RawNumber('1e-400'),
  ),
);

/** Any value of the wrong kind, a huge one or a deep one. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }) },
  { weight: 1, arbitrary: fc.constantFrom(new Deep(40, 'x'), new Deep(10_000, {}), new Deep(33, '\u0000')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      Array.from({ length: 1000 }, (_, i) => i),
      { nested: { '\u0000': 1 } },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const inRange = (schema: JsonSchema, fallback: [number, number]): [number, number] => {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : fallback[0]);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : fallback[1]);
  return [Math.max(min, fallback[0]), Math.min(max, fallback[1])];
};

/** A value the schema allows (mostly: patterns and lengths are kept to small samples). */
export function valid(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => valid(alternative, depth + 1)));
  if (schema.allOf?.[0]) return valid(schema.allOf[0], depth + 1);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return fc.uuid({ version: 4 });
      if (schema.format === 'date-time')
        return fc
          .date({
            min: new Date('1900-01-01T00:00:00Z'),
            max: new Date('2999-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((date) => date.toISOString());
      if (schema.format === 'date')
        return fc
          .date({
            min: new Date('1900-01-01T00:00:00Z'),
            max: new Date('2999-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((date) => date.toISOString().slice(0, 10));
      if (schema.format === 'email') return fc.emailAddress();
      const maxLength = Math.min(schema.maxLength ?? 40, 40);
      if (schema.pattern)
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((text) => text.length <= (schema.maxLength ?? Infinity));
      return fc
        .string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength })
        .filter((text) => text.trim().length >= (schema.minLength ?? 0));
    }
    case 'integer': {
      const [min, max] = inRange(schema, [-(2 ** 31), 2 ** 31 - 1]);
      return fc.integer({ min, max });
    }
    case 'number': {
      const [min, max] = inRange(schema, [-1e12, 1e12]);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, valid(value, depth + 1)]),
      );
      return fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values aimed at a field of this schema: just outside what it allows, or of another shape. */
export function nastyFor(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const alternatives = schema?.anyOf ?? schema?.oneOf;
  const base = alternatives?.find((alternative) => alternative.type !== 'null') ?? schema;
  const aimed: fc.Arbitrary<unknown>[] = [];
  if (base?.type === 'string') {
    // A value the field would take but for one character: only the refinement stands in the way.
    const spoiled = fc
      .tuple(valid(base), fc.nat(), fc.constantFrom('\u0000', '\ud800', '\udfff'))
      .map(([text, at, bad]) => {
        const value = String(text);
        const cut = at % (value.length + 1);
        return `${value.slice(0, cut)}${bad}${value.slice(cut)}`;
      });
    aimed.push(spoiled, spoiled, withNul, withLoneSurrogate);
  }
  if (base?.type === 'array' && base.items?.type === 'string')
    aimed.push(fc.array(nastyFor(base.items), { minLength: 1, maxLength: 2 }));
  if (base?.format === 'date-time') aimed.push(oddInstant);
  if (base?.format === 'date') aimed.push(oddDate);
  if (base?.format === 'uuid')
    aimed.push(
      fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
      fc.uuid(),
    );
  if (base?.enum)
    aimed.push(
      fc.constantFrom(
        ...base.enum.map((value) => String(value).toUpperCase()),
        `${String(base.enum[0])}\u0000`,
      ),
    );
  if (base?.maxLength !== undefined) aimed.push(fc.constant(new Long(base.maxLength + 1, 'x')));
  if (base?.maximum !== undefined)
    aimed.push(fc.constantFrom(base.maximum + 0.001, base.maximum + 1, base.maximum * 10));
  if (base?.minimum !== undefined) aimed.push(fc.constantFrom(base.minimum - 0.001, base.minimum - 1));
  if (base?.type === 'array')
    aimed.push(
      fc.array(nastyValue, { maxLength: 4 }),
      fc.constant(Array.from({ length: (base.maxItems ?? 100) + 1 }, () => 'x')),
    );
  if (base?.type === 'object' && base.properties)
    aimed.push(fc.dictionary(fc.constantFrom(...Object.keys(base.properties)), nastyValue, { maxKeys: 3 }));
  return aimed.length > 0 ? fc.oneof(...aimed) : nastyValue;
}
