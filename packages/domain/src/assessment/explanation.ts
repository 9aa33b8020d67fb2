/**
 * Why a value is what it is: the rule that produced it, the steps evaluated in order (each
 * written for a TAM, e.g. `at risk? yes → Pr1`) and the inputs those steps read.
 */
export interface Explanation {
  /** Stable rule identifier, e.g. `priority.us_enterprise` or `health.engagement`. */
  ruleId: string;
  /** Ordered rule steps as evaluated; the last step states the outcome. */
  path: string[];
  /** The input values the steps read, by name. */
  inputs: Record<string, unknown>;
}

export const explain = (ruleId: string, path: string[], inputs: Record<string, unknown>): Explanation => ({
  ruleId,
  path,
  inputs,
});

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `$1,234,567` (en-US grouping, up to 2 decimals). */
export const usd = (amount: number): string => `$${grouping.format(amount)}`;

export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
