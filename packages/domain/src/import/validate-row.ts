import {
  CellProblem,
  CLEAR,
  isUuid,
  normaliseWord,
  parseBoolean,
  parseDate,
  parseEmail,
  parseInstant,
  parseInteger,
  parseNumber,
  problem,
  splitList,
} from './cell-values.ts';
import type { ColumnPlan, ImportPlan, ImportVocabulary } from './import-mapping.ts';
import { parseSalesforceId } from './salesforce-id.ts';

export interface RowProblem {
  /** The file's header of the offending column; empty for the row as a whole. */
  column: string;
  message: string;
}

/**
 * One row, parsed. `values[i]` belongs to `plan.staged[i]`: undefined when the cell was empty
 * (the field is left as it is, or gets its default on a new record), null when it was `#N/A`
 * (the field is cleared). Bit `i` of `provided` says whether the cell was given.
 */
export interface ValidatedRow {
  values: unknown[];
  provided: number;
  problems: RowProblem[] | null;
}

type CellValue = string | number | boolean | string[] | null | undefined;

/** Value-map results per column, so a million rows resolve each distinct enumeration value once. */
const enumCache = new WeakMap<ColumnPlan, Map<string, string | null | CellProblem>>();
const CACHE_LIMIT = 2_000;

function allowedValues(column: ColumnPlan, vocabulary: ImportVocabulary): readonly string[] {
  const values = column.spec.values ?? [];
  if (values === 'plans') return vocabulary.plans;
  if (values === 'stages') return vocabulary.stages;
  return values;
}

function resolveWord(
  column: ColumnPlan,
  text: string,
  vocabulary: ImportVocabulary,
): string | null | CellProblem {
  let cache = enumCache.get(column);
  if (!cache) {
    cache = new Map();
    enumCache.set(column, cache);
  }
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const value = text.trim();
  const allowed = allowedValues(column, vocabulary);
  let result: string | null | CellProblem;
  const mapped = column.valueMap?.has(value)
    ? column.valueMap.get(value)
    : column.valueMap?.get(value.toLowerCase());
  if (mapped !== undefined) {
    result =
      mapped === null || allowed.includes(mapped)
        ? mapped
        : problem(`"${mapped}" (mapped from "${value}") is not one of ${allowed.join(', ')}`);
  } else {
    const builtIn = column.spec.valueMap ? lookupInsensitive(column.spec.valueMap, value) : undefined;
    const word = builtIn === undefined ? normaliseWord(value) : builtIn;
    result =
      word === null || allowed.includes(word)
        ? word
        : problem(`"${value}" is not one of ${allowed.join(', ')} (a mapping file can map it)`);
  }
  if (cache.size < CACHE_LIMIT) cache.set(text, result);
  return result;
}

const insensitiveMaps = new WeakMap<object, Map<string, string | null>>();
function lookupInsensitive(
  map: Readonly<Record<string, string | null>>,
  key: string,
): string | null | undefined {
  let lowered = insensitiveMaps.get(map);
  if (!lowered) {
    lowered = new Map(Object.entries(map).map(([from, to]) => [from.toLowerCase(), to]));
    insensitiveMaps.set(map, lowered);
  }
  return lowered.get(key.toLowerCase());
}

function parseCell(column: ColumnPlan, raw: string, vocabulary: ImportVocabulary): CellValue | CellProblem {
  const spec = column.spec;
  switch (spec.kind) {
    case 'text': {
      if (raw.trim() === '') return undefined;
      if (spec.maxLength !== undefined && raw.length > spec.maxLength)
        return problem(`is longer than ${spec.maxLength} characters`);
      return raw;
    }
    case 'name': {
      const value = raw.trim();
      if (value === '') return undefined;
      if (value.length > 200) return problem('is longer than 200 characters');
      return value;
    }
    case 'email': {
      const value = parseEmail(raw);
      return spec.lowercase && typeof value === 'string' ? value.toLowerCase() : value;
    }
    case 'enum': {
      // A value mapped to null is ignored, as if the cell were empty.
      const value = resolveWord(column, raw, vocabulary);
      return value === null ? undefined : value;
    }
    case 'list': {
      const items: string[] = [];
      for (const item of splitList(raw)) {
        const value = resolveWord(column, item, vocabulary);
        if (value instanceof CellProblem) return value;
        if (value !== null && !items.includes(value)) items.push(value);
      }
      if (spec.maxItems !== undefined && items.length > spec.maxItems)
        return problem(`has more than ${spec.maxItems} values`);
      return items;
    }
    case 'number':
      return parseNumber(raw, spec.min ?? -1e15, spec.max ?? 1e15);
    case 'integer':
      return parseInteger(raw, spec.min ?? -2_147_483_648, spec.max ?? 2_147_483_647);
    case 'boolean':
      return parseBoolean(raw);
    case 'date':
      return parseDate(raw, column.dateFormat ?? undefined);
    case 'instant':
      return parseInstant(raw, column.dateFormat ?? undefined);
    case 'salesforceId': {
      const result = parseSalesforceId(raw);
      return 'id' in result ? result.id : problem(result.error);
    }
    case 'liaisonId': {
      const value = raw.trim();
      return isUuid(value) ? value.toLowerCase() : problem(`"${value}" is not a Liaison id (a UUID)`);
    }
    case 'recordRef': {
      const value = raw.trim();
      if (isUuid(value)) return value.toLowerCase();
      const result = parseSalesforceId(value);
      return 'id' in result ? result.id : problem(result.error);
    }
    case 'userRef': {
      const value = raw.trim();
      if (isUuid(value)) return value.toLowerCase();
      if (value.includes('@')) {
        const email = parseEmail(value);
        return typeof email === 'string' ? email.toLowerCase() : email;
      }
      const result = parseSalesforceId(value);
      return 'id' in result ? result.id : problem(`${result.error}, nor an e-mail address`);
    }
  }
}

function joinName(first: string | null | undefined, last: string | null | undefined): string {
  const given = first ?? '';
  const family = last ?? '';
  return (given.trim() === '' ? family : family.trim() === '' ? given : `${given} ${family}`).trim();
}

/**
 * Parses one data row against the plan: each cell through its column's parser (value maps,
 * date formats, Salesforce Id checksums), `#N/A` as "clear", empty as "not given".
 */
export function validateRow(plan: ImportPlan, row: readonly string[]): ValidatedRow {
  const values: unknown[] = new Array(plan.staged.length);
  let provided = 0;
  let problems: RowProblem[] | null = null;
  if (row.length !== plan.headers.length) {
    problems = [
      { column: '', message: `the row has ${row.length} cells, the header has ${plan.headers.length}` },
    ];
  }
  // A NUL is no character of a text (PostgreSQL refuses it): the cell is reported, not read.
  let cells = row;
  for (let index = 0; index < row.length; index++) {
    if (!row[index]!.includes('\u0000')) continue;
    if (cells === row) cells = [...row];
    (cells as string[])[index] = '';
    problems = addProblem(problems, plan.headers[index] ?? `column ${index + 1}`, NUL_PROBLEM);
  }
  let first: string | null | undefined;
  let last: string | null | undefined;
  let nameHeader = '';
  const columns = plan.columns;
  for (let position = 0; position < columns.length; position++) {
    const column = columns[position]!;
    let raw = cells[column.index];
    let header = column.header;
    if ((raw === undefined || raw === '') && column.fallbacks.length > 0) {
      for (const fallback of column.fallbacks) {
        const cell = cells[fallback.index];
        if (cell !== undefined && cell !== '') {
          raw = cell;
          header = fallback.header;
          break;
        }
      }
    }
    if (raw === undefined || raw === '') continue;
    let value: CellValue | CellProblem;
    if (raw === CLEAR || raw.trim() === CLEAR) {
      value = !column.spec.nullable
        ? problem('cannot be cleared (#N/A)')
        : column.spec.kind === 'list'
          ? []
          : null;
    } else {
      value = parseCell(column, raw, plan.vocabulary);
    }
    if (value instanceof CellProblem) {
      problems = addProblem(problems, header, value.message);
      continue;
    }
    if (value === undefined) continue;
    if (column.stagedIndex < 0) {
      if (column.spec.field === 'firstName') first = value as string | null;
      else last = value as string | null;
      nameHeader ||= header;
      continue;
    }
    values[column.stagedIndex] = value;
    provided += 2 ** column.stagedIndex;
  }
  if (first !== undefined || last !== undefined) {
    const nameIndex = plan.staged.findIndex((spec) => spec.field === 'name');
    if (values[nameIndex] === undefined) {
      const name = joinName(first, last);
      if (name === '') problems = addProblem(problems, nameHeader, 'the name cannot be empty');
      else if (name.length > 200)
        problems = addProblem(problems, nameHeader, 'the name is longer than 200 characters');
      else {
        values[nameIndex] = name;
        provided += 2 ** nameIndex;
      }
    }
  }
  return { values, provided, problems };
}

const NUL_PROBLEM = 'holds a NUL character (byte 0x00): the file is damaged or not UTF-8';

function addProblem(problems: RowProblem[] | null, column: string, message: string): RowProblem[] {
  if (!problems) return [{ column, message }];
  problems.push({ column, message });
  return problems;
}

/** `Mary Ann Smith` → [`Mary Ann`, `Smith`]: what exports write as FirstName and LastName. */
export function splitName(name: string): [first: string, last: string] {
  const space = name.lastIndexOf(' ');
  return space > 0 ? [name.slice(0, space), name.slice(space + 1)] : ['', name];
}
