import type { z } from 'zod';
import { type Playbook, playbookSchema } from './playbook-schema.ts';
import { formatIssuePath } from './playbook-validation.ts';

/** One problem in a candidate playbook: the field path (`tiers[1].minArr`) and a sentence. */
export interface PlaybookIssue {
  path: string;
  message: string;
}

export type ParsePlaybookResult = { ok: true; playbook: Playbook } | { ok: false; issues: PlaybookIssue[] };

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

function phrase(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      const expected = issue.expected === 'int' ? 'integer' : issue.expected;
      const received = typeof issue.input === 'number' ? String(issue.input) : describeType(issue.input);
      return `must be ${article(expected)} (received ${received})`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `must have at least ${min} item${min === 1 ? '' : 's'}`;
      if (issue.origin === 'string')
        return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
      return `must be ${issue.inclusive ? '≥' : '>'} ${min} (received ${String(issue.input)})`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${max} item${max === 1 ? '' : 's'}`;
      if (issue.origin === 'string') return `must be at most ${max} characters`;
      return `must be ${issue.inclusive ? '≤' : '<'} ${max} (received ${String(issue.input)})`;
    }
    case 'invalid_value':
      return `must be ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')} (received ${JSON.stringify(issue.input)})`;
    case 'unrecognized_keys':
      return `has unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `must be a lower-case identifier (letters, digits, "_"; received ${JSON.stringify(issue.input)})`
        : `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

/**
 * Validates a candidate playbook (already parsed from JSON or YAML). Every issue names the
 * field with a dotted path and says what is wrong in a sentence that starts with that path.
 * Unknown keys are rejected, so a misspelt setting never silently falls back to a default.
 */
export function parsePlaybook(input: unknown): ParsePlaybookResult {
  const result = playbookSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, playbook: result.data };
  const issues = result.error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    // Cross-field issues already carry a sentence that starts with the path.
    const message = issue.code === 'custom' ? issue.message : `${path} ${phrase(issue)}`;
    return { path, message };
  });
  return { ok: false, issues };
}
