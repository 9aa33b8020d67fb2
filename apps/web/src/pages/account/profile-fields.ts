/**
 * The fields of an editable record section: how each kind of value reads from the record, becomes
 * a form value, and goes back into a request. Pure functions, shared by `EditableSection` and the
 * profile cards.
 */

export type FieldKind =
  | 'text'
  | 'longtext'
  | 'list'
  | 'number'
  | 'money'
  | 'select'
  | 'switch'
  | 'date'
  | 'instant'
  | 'multi';

export interface FieldSpec {
  /** Dotted path in the record and the request, e.g. `architecture.users`. */
  key: string;
  label: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  help?: string;
  wide?: boolean;
}

/** A form value of each field, by key. */
export type Draft = Record<string, string | boolean | string[]>;

/** The value at a dotted path of a record. */
export const read = (source: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], source);

/** Record value → form value. */
export function toDraftValue(field: FieldSpec, value: unknown): string | boolean | string[] {
  switch (field.kind) {
    case 'switch':
      return Boolean(value);
    case 'list':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'multi':
      return Array.isArray(value) ? (value as string[]) : [];
    case 'number':
    case 'money':
      return value === null || value === undefined ? '' : String(value);
    case 'instant':
      return typeof value === 'string' ? value.slice(0, 10) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** Form value → request value (empty text → null, lines → list, digits → number). */
export function fromDraftValue(field: FieldSpec, value: string | boolean | string[]): unknown {
  switch (field.kind) {
    case 'switch':
    case 'multi':
      return value;
    case 'list':
      return String(value)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    case 'number':
    case 'money': {
      const text = String(value).replace(/[,$\s]/g, '');
      if (text === '') return null;
      const number = Number(text);
      return Number.isNaN(number) ? text : number;
    }
    case 'instant':
      return value ? `${value}T00:00:00.000Z` : null;
    default:
      return String(value).trim() === '' ? null : value;
  }
}

/** `{ 'architecture.users': 5 }` → `{ architecture: { users: 5 } }`. */
export function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    let target = result;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return result;
}

/** Whether two form values are the same. */
export const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);
