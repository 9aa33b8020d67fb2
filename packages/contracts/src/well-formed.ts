import { z } from 'zod';

/**
 * What every request must be before its own schema reads it (docs/security.md, "Input
 * handling"): text PostgreSQL can store and every client reads back as sent, nested no deeper
 * than any request of the API needs. The server applies `WellFormedRequest` to the path
 * parameters, the query and the body of every route, so no string schema can forget it.
 */

/** No request of the API nests deeper than a few levels; deeper values are refused before anything recurses into them. */
export const MAX_NESTING = 32;
/** A request naming more problems than this is told the first ones. */
const MAX_PROBLEMS = 20;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored as sent, or null: PostgreSQL text cannot hold NUL, UTF-8 cannot hold a lone surrogate. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone UTF-16 surrogate)';
  return null;
}

export interface InputProblem {
  path: (string | number)[];
  message: string;
}

/** The problems in every string (values and object keys) of `value`, walked breadth-first without recursion. */
export function findInputProblems(value: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const queue: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let next = 0; next < queue.length && problems.length < MAX_PROBLEMS; next++) {
    const { value: current, path } = queue[next]!;
    queue[next] = { value: undefined, path: [] }; // let what was read be collected
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) problems.push({ path, message: problem });
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= MAX_NESTING) {
      problems.push({ path, message: `is nested too deeply (at most ${MAX_NESTING} levels)` });
      continue;
    }
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) {
        queue.push({ value: current[index], path: [...path, index] });
      }
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const problem = textProblem(key);
      if (problem) problems.push({ path: [...path, key], message: `the field name ${problem}` });
      else queue.push({ value: item, path: [...path, key] });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** The shared refinement: any value, refused with one issue per offending string (its path). */
export const WellFormedRequest = z.unknown().superRefine((value, context) => {
  for (const problem of findInputProblems(value)) {
    context.addIssue({ code: 'custom', path: problem.path, message: problem.message, input: undefined });
  }
});
