import type { AccountJourney, ApiClient, Workflow, WorkflowKind, WorkflowStep } from '@liaison/contracts';
import { WORKFLOW_KINDS } from '@liaison/domain';
import { InvalidArgumentError } from 'commander';
import { CliError } from '../output.ts';

/**
 * What the journey commands point at, from what a person types: an account by id or name, a
 * person by id or e-mail, a workflow by kind, a step by its template id (docs/journey.md, CLI).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isId = (value: string) => UUID.test(value.trim());

export interface AccountRef {
  id: string;
  name: string | null;
}

/** An id as it is; a name must match exactly one account's name (case-insensitive). */
export async function resolveAccount(client: ApiClient, text: string): Promise<AccountRef> {
  const value = text.trim();
  if (isId(value)) return { id: value.toLowerCase(), name: null };
  if (!value) throw new CliError('give an account id or name', 2);
  const page = await client.accounts.list({ q: value, limit: 100 });
  const exact = page.items.filter((item) => item.name.toLowerCase() === value.toLowerCase());
  const matches = exact.length > 0 ? exact : page.items;
  if (matches.length === 1) return { id: matches[0]!.id, name: matches[0]!.name };
  if (matches.length === 0)
    throw new CliError(`no account is named "${value}" (see "liaison accounts list")`, 1, 'NOT_FOUND');
  const names = matches
    .slice(0, 5)
    .map((item) => `${item.name} (${item.id})`)
    .join('; ');
  throw new CliError(`"${value}" matches ${matches.length} accounts: ${names}; give the id`, 2);
}

/** A staff user by id or e-mail address (resolved through the users API). */
export async function resolveUser(client: ApiClient, text: string): Promise<{ id: string; name: string }> {
  const value = text.trim();
  if (isId(value)) return { id: value.toLowerCase(), name: value };
  if (!value.includes('@')) throw new CliError(`"${value}" is neither a user id nor an e-mail address`, 2);
  const users = await client.users.list();
  const found = users.find((user) => user.email.toLowerCase() === value.toLowerCase());
  if (!found) throw new CliError(`no user has the e-mail address ${value}`, 1, 'NOT_FOUND');
  return { id: found.id, name: found.name };
}

export function parseKind(value: string): WorkflowKind {
  const kind = value.trim().replaceAll('-', '_');
  if (!(WORKFLOW_KINDS as readonly string[]).includes(kind))
    throw new InvalidArgumentError(`expected one of ${WORKFLOW_KINDS.join(', ')}`);
  return kind as WorkflowKind;
}

/** The running workflow of that kind on the account. */
export function runningWorkflow(journey: AccountJourney, kind: WorkflowKind, account: string): Workflow {
  const found = journey.workflows.find((workflow) => workflow.kind === kind && workflow.status === 'active');
  if (!found) {
    const hint = journey.canStart.includes(kind)
      ? ` (start one with "liaison journey start ${account} ${kind}")`
      : '';
    throw new CliError(
      `no ${kind.replaceAll('_', ' ')} workflow is running on ${account}${hint}`,
      1,
      'NOT_FOUND',
    );
  }
  return found;
}

/** A step by its template id ("9", "accept"), or the workflow's current open step. */
export function pickStep(workflow: Workflow, stepId: string | undefined): WorkflowStep {
  if (stepId === undefined) {
    const current = workflow.steps.find((step) => step.open);
    if (!current)
      throw new CliError(`no step of the ${workflow.name} is open now; name the step`, 1, 'INVALID_STATE');
    return current;
  }
  const found = workflow.steps.find((step) => step.stepId === stepId.trim());
  if (!found)
    throw new CliError(
      `the ${workflow.name} has no step "${stepId}"; its steps: ${workflow.steps.map((step) => step.stepId).join(', ')}`,
      2,
    );
  return found;
}

/** `--data key=value`, repeatable; a key given twice, or a list field, becomes a list. */
export function collectData(
  value: string,
  previous: Record<string, string[]> = {},
): Record<string, string[]> {
  const at = value.indexOf('=');
  if (at < 1) throw new InvalidArgumentError('expected key=value, e.g. --data notes="Renewal in June"');
  const key = value.slice(0, at).trim();
  return { ...previous, [key]: [...(previous[key] ?? []), value.slice(at + 1)] };
}

/**
 * The form values to send: one value for a text field, a list for a list field. `confirm`: the
 * prefilled suggestions of the fields still empty are confirmed as they are (docs/journey.md,
 * SA→TAM handoff).
 */
export function formData(
  step: WorkflowStep,
  data: Record<string, string[]>,
  confirm = false,
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  if (confirm)
    for (const field of step.form)
      if (field.value === null && field.suggested !== null && !(field.id in data))
        values[field.id] = field.suggested;
  for (const [key, given] of Object.entries(data)) {
    const field = step.form.find((candidate) => candidate.id === key);
    values[key] = field?.kind === 'list' || given.length > 1 ? given : given[0]!;
  }
  return values;
}
