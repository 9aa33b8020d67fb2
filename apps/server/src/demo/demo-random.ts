import { createHash } from 'node:crypto';

/**
 * A tiny seeded PRNG (mulberry32) and the deterministic identifiers the demo needs: the same seed
 * gives the same organisation, ids included, on every run.
 */

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;

  /** One independent stream per name, so one generator's changes do not reshuffle the others. */
  constructor(seed: string) {
    this.state = fnv1a(seed);
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Uniform on a log scale: as many accounts between $100k and $200k as between $1M and $2M. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A version-4-shaped UUID drawn from this stream. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      Math.floor(this.next() * 2 ** 32)
        .toString(16)
        .padStart(8, '0'),
    ).join('');
    const variant = '89ab'[Math.floor(this.next() * 4)]!;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

/**
 * The id an action item written as a row gets (docs/tasks.md): the md5 of `seed`, shaped as a
 * version-4 UUID — the formula of migration 0007 and `tasksStore.deriveActionItemTasks`.
 */
export function derivedUuid(seed: string): string {
  const h = createHash('md5').update(seed).digest('hex');
  const hex = `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17)}`;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * An 18-character Salesforce Id: key prefix (`001` account, `003` contact, `006` opportunity,
 * `00T` task), instance, record number, then Salesforce's case-encoding checksum. Distinct serials
 * give distinct ids.
 */
export function salesforceId(prefix: '001' | '003' | '006' | '00T', serial: number): string {
  let number = serial * 104_729 + 3_517_093;
  let body = '';
  for (let index = 0; index < 7; index++) {
    body = BASE62[number % 62]! + body;
    number = Math.floor(number / 62);
  }
  const id = `${prefix}5g000${body}`;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let position = 0; position < 5; position++) {
      const char = id[chunk * 5 + position]!;
      if (char >= 'A' && char <= 'Z') flags |= 1 << position;
    }
    suffix += CHECKSUM[flags];
  }
  return id + suffix;
}

/** `Fernández` → `fernandez`, for e-mail addresses and domains. */
export function asciiSlug(text: string, separator = '-'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
}

export const roundTo = (value: number, step: number) => Math.round(value / step) * step;
