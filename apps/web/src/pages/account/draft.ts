import { useState } from 'react';
import { fieldErrors, isConflict } from '../../api.ts';

/** Drafts compare by value: arrays of attendees or action items are rebuilt on every keystroke. */
export const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/**
 * The draft of an edit of a versioned record. Only the fields the user changed are saved, so a
 * reload after a 409 can take everyone else's changes for the fields the user did not touch.
 */
export function useDraft<T extends object>(initial: T, initialVersion: number) {
  const [draft, setDraft] = useState(initial);
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  return {
    draft,
    /** The values the draft started from (after a reload, the latest saved ones). */
    original,
    version,
    update: (patch: Partial<T>) => setDraft((current) => ({ ...current, ...patch })),
    /** After a conflict: the latest saved values, except where the user typed. */
    rebase: (latest: T, latestVersion: number) => {
      const merged = { ...latest };
      for (const key of Object.keys(draft) as (keyof T)[])
        if (!same(draft[key], original[key])) merged[key] = draft[key];
      setDraft(merged);
      setOriginal(latest);
      setVersion(latestVersion);
    },
    reset: (next: T, nextVersion = initialVersion) => {
      setDraft(next);
      setOriginal(next);
      setVersion(nextVersion);
    },
  };
}

/**
 * Server messages by form field (`actionItems` also takes `actionItems.2.text`); `fields` are
 * those the form shows. A 409 names `version`, which no field shows: conflicts are left to
 * the conflict notice.
 */
export function errorsOf(error: unknown, fields: readonly string[]) {
  const errors = isConflict(error) ? {} : fieldErrors(error);
  const fieldOf = (path: string) => fields.find((field) => path === field || path.startsWith(`${field}.`));
  const at = (field: string) => {
    const path = Object.keys(errors).find((key) => key === field || key.startsWith(`${field}.`));
    return path ? errors[path] : undefined;
  };
  const paths = Object.keys(errors);
  return {
    at,
    /** A failure the fields cannot show (a refusal, or a complaint about no field): said once, in full. */
    general:
      error instanceof Error &&
      !isConflict(error) &&
      (paths.length === 0 || paths.some((path) => !fieldOf(path))),
  };
}

/** `YYYY-MM-DDTHH:mm` in local time, what a datetime-local input holds. */
export function localInput(instant: string | Date = new Date()): string {
  const local = new Date(instant);
  local.setMinutes(local.getMinutes() - local.getTimezoneOffset());
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value as an instant; left as typed when it is not a time, for the server to name. */
export function instantOf(local: string): string {
  const parsed = new Date(local);
  return Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
}
