import { z } from 'zod';
import { TEAM_ROLES, type TeamRole } from '../assessment/vocabulary.ts';
import { CellProblem, compileDateFormat, type DateFormat } from './cell-values.ts';
import { headerProblems } from './import-limits.ts';
import { type FieldSpec, IMPORT_FORMATS, type ImportObject, stagedFields } from './import-objects.ts';

/**
 * A mapping file: how a CSV that is not a Salesforce export (or has other column names) maps
 * onto Liaison's format. `columns` maps a header of the file to a column of the format (its
 * header, e.g. `ARR__c`, or Liaison's field name, e.g. `arr`), or to null to ignore it.
 * `values` maps cell values of a column (keyed by the file's header or the format's) to Liaison
 * values (null: ignore the cell). `dateFormats` gives a date layout per column, or `*` for all.
 * `ownerRole`: the account-team role an account's `OwnerId` fills (default: SAL for enterprise
 * and public-sector accounts, AE for the others).
 */
// A NUL or half a surrogate pair is no text: PostgreSQL refuses it in the job's stored mapping.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MappingText = z
  .string()
  .refine(
    (text) => !text.includes('\u0000') && !text.match(LONE_SURROGATE),
    'must not hold a NUL character or half a surrogate pair',
  );

export const ImportMappingSchema = z
  .object({
    columns: z.record(MappingText, MappingText.min(1).nullable()).optional(),
    values: z.record(MappingText, z.record(MappingText, MappingText.nullable())).optional(),
    dateFormats: z.record(MappingText, MappingText.min(1)).optional(),
    ownerRole: z.enum(TEAM_ROLES).optional(),
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** The configurable vocabularies (from the playbook in force). */
export interface ImportVocabulary {
  plans: readonly string[];
  stages: readonly string[];
}

export interface ColumnPlan {
  /** Position of the cell in each row. */
  index: number;
  /** The header as the file writes it. */
  header: string;
  spec: FieldSpec;
  /** Columns for the same field with lower priority (aliases): they fill in where this cell is empty. */
  fallbacks: { index: number; header: string }[];
  /** Position among the staged fields; -1 for FirstName/LastName, which feed Name. */
  stagedIndex: number;
  /** The mapping file's value map for this column, keys as written and lower-cased. */
  valueMap: Map<string, string | null> | null;
  dateFormat: DateFormat | null;
}

export interface IgnoredColumn {
  header: string;
  reason: string;
}

export interface ImportPlan {
  object: ImportObject;
  headers: string[];
  columns: ColumnPlan[];
  staged: FieldSpec[];
  ignored: IgnoredColumn[];
  vocabulary: ImportVocabulary;
  ownerRole: TeamRole | null;
}

const lower = (text: string) => text.trim().toLowerCase();

interface Candidate {
  index: number;
  header: string;
  spec: FieldSpec;
  /** 3: named by the mapping, 2: the format's header, 1: an alias. */
  priority: number;
}

/**
 * Matches the file's header row against the object's format and the mapping. Returns the plan,
 * or the problems that make the whole file unreadable (an unknown mapping target, two columns for
 * one field, a bad date format).
 */
export function planImport(
  object: ImportObject,
  headers: readonly string[],
  mapping: ImportMapping | null,
  vocabulary: ImportVocabulary,
): { plan: ImportPlan } | { problems: string[] } {
  const unreadable = headerProblems(headers);
  if (unreadable.length > 0) return { problems: unreadable };
  const specs = IMPORT_FORMATS[object];
  const staged = stagedFields(object);
  const byHeader = new Map<string, { spec: FieldSpec; priority: number }>();
  const byTarget = new Map<string, FieldSpec>();
  for (const spec of specs) {
    for (const alias of spec.aliases ?? []) {
      byHeader.set(lower(alias), { spec, priority: 1 });
      byTarget.set(lower(alias), spec);
    }
  }
  for (const spec of specs) {
    byHeader.set(lower(spec.header), { spec, priority: 2 });
    byTarget.set(lower(spec.header), spec);
    byTarget.set(lower(spec.field), spec);
  }
  const problems: string[] = [];
  const mappedColumns = new Map<string, string | null>();
  for (const [source, target] of Object.entries(mapping?.columns ?? {})) {
    if (target !== null && !byTarget.has(lower(target))) {
      problems.push(`mapping: column "${source}" maps to "${target}", which is not a column of ${object}`);
      continue;
    }
    mappedColumns.set(lower(source), target);
  }

  const ignored: (IgnoredColumn & { index: number })[] = [];
  const candidates: Candidate[] = [];
  headers.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const key = lower(header);
    if (mappedColumns.has(key)) {
      const target = mappedColumns.get(key);
      if (target === null || target === undefined)
        ignored.push({ index, header, reason: 'ignored by the mapping' });
      else candidates.push({ index, header, spec: byTarget.get(lower(target))!, priority: 3 });
      return;
    }
    const known = byHeader.get(key);
    if (known) candidates.push({ index, header, ...known });
    else ignored.push({ index, header, reason: `not a column of ${object}` });
  });

  // The highest-priority column of each field wins; the others fill in where its cell is empty
  // (a Task's ActivityDate where an Event's ActivityDateTime is blank).
  const chosen = new Map<FieldSpec, Candidate[]>();
  for (const candidate of candidates) {
    const list = chosen.get(candidate.spec) ?? [];
    const same = list.find((other) => other.priority === candidate.priority);
    if (same)
      problems.push(`columns "${same.header}" and "${candidate.header}" are both ${candidate.spec.header}`);
    list.push(candidate);
    chosen.set(candidate.spec, list);
  }

  const valueMaps = new Map<string, Map<string, string | null>>();
  for (const [key, entries] of Object.entries(mapping?.values ?? {})) {
    const map = new Map<string, string | null>();
    for (const [from, to] of Object.entries(entries)) {
      map.set(from, to);
      if (!map.has(lower(from))) map.set(lower(from), to);
    }
    valueMaps.set(lower(key), map);
  }
  const formats = new Map<string, DateFormat>();
  for (const [key, source] of Object.entries(mapping?.dateFormats ?? {})) {
    const format = compileDateFormat(source);
    if (format instanceof CellProblem) problems.push(`mapping: ${format.message}`);
    else formats.set(lower(key), format);
  }
  if (problems.length > 0) return { problems };

  const lookup = <T>(map: Map<string, T>, candidate: Candidate) =>
    map.get(lower(candidate.header)) ??
    map.get(lower(candidate.spec.header)) ??
    map.get(lower(candidate.spec.field));
  const columns: ColumnPlan[] = [...chosen.values()]
    .map((list) => list.sort((left, right) => right.priority - left.priority))
    .sort((left, right) => left[0]!.index - right[0]!.index)
    .map(([candidate, ...others]) => {
      const best = candidate!;
      return {
        index: best.index,
        header: best.header,
        spec: best.spec,
        fallbacks: others.map((other) => ({ index: other.index, header: other.header })),
        stagedIndex: staged.indexOf(best.spec),
        valueMap: lookup(valueMaps, best) ?? null,
        dateFormat:
          best.spec.kind === 'date' || best.spec.kind === 'instant'
            ? (lookup(formats, best) ?? formats.get('*') ?? null)
            : null,
      };
    });
  return {
    plan: {
      object,
      headers: headers.map((header) => header.trim()),
      columns,
      staged,
      ignored: ignored
        .sort((left, right) => left.index - right.index)
        .map(({ header, reason }) => ({ header, reason })),
      vocabulary,
      ownerRole: mapping?.ownerRole ?? null,
    },
  };
}

/** Parses and checks a mapping file's JSON; the messages name each bad entry. */
export function parseImportMapping(value: unknown): { mapping: ImportMapping } | { problems: string[] } {
  const result = ImportMappingSchema.safeParse(value);
  if (result.success) return { mapping: result.data };
  // A bad key's own message says what is wrong with it; the path shows broken text as "\0" and "?".
  const path = (issue: z.core.$ZodIssue) =>
    issue.path.map((part) => String(part).replaceAll('\u0000', '\\0').replace(LONE_SURROGATE, '?'));
  return {
    problems: result.error.issues.map((issue) => {
      const message =
        issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
      return `mapping${issue.path.length > 0 ? `.${path(issue).join('.')}` : ''}: ${message}`;
    }),
  };
}
