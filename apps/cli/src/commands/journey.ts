import type { ApiClient, StartWorkflowRequest, Workflow, WorkflowKind } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, parseInstant, requireId, withConnectionOptions, withSession } from '../api.ts';
import { CliError, print, printJson } from '../output.ts';
import { attachCommand, signOffCommand, withCliHints } from './journey-outputs.ts';
import { renderJourney, renderStepChange } from './journey-render.ts';
import {
  type AccountRef,
  collectData,
  formData,
  parseKind,
  pickStep,
  resolveAccount,
  resolveUser,
  runningWorkflow,
} from './journey-targets.ts';

/** `liaison journey show|advance|skip|start|cancel` (docs/journey.md, CLI). */

interface ShowOptions extends ApiOptions {
  asOf?: string;
  workflow?: WorkflowKind;
}

interface AdvanceOptions extends ApiOptions {
  workflow: WorkflowKind;
  start?: boolean;
  data?: Record<string, string[]>;
  confirm?: boolean;
  activity?: string;
}

interface SkipOptions extends ApiOptions {
  workflow: WorkflowKind;
  reason: string;
}

interface StartOptions extends ApiOptions {
  tam?: string;
  reason?: string;
  note?: string;
}

interface CancelOptions extends ApiOptions {
  reason: string;
}

const ACCOUNT = [
  '<account>',
  'the account id, or its name (a part of it that matches one account is enough)',
] as const;
const workflowOption = (command: Command) =>
  command.option(
    '--workflow <kind>',
    'which running workflow: journey, sa_tam_handoff, welcome_call, tam_handover, disengagement, sa_overlap',
    parseKind,
    'journey',
  );

export function journeyCommand(): Command {
  const journey = new Command('journey').description(
    "the customer journey: an account's workflows and their steps; advance, skip, start and cancel",
  );
  journey.addCommand(
    withConnectionOptions(
      new Command('show')
        .description('every workflow of the account with its steps: state, who is responsible, due, output')
        .argument(...ACCOUNT)
        .option(
          '--as-of <instant>',
          'the journey exactly as it was then: 2026-03-01 or 2026-03-01T09:30:00Z',
          parseInstant,
        )
        .option('--workflow <kind>', 'only workflows of this kind', parseKind),
    ).action(showJourney),
  );
  journey.addCommand(
    withConnectionOptions(
      workflowOption(
        new Command('advance')
          .description('mark a step done (default: the current open step), or in progress with --start')
          .argument(...ACCOUNT)
          .argument('[step]', 'the step id: "1"–"21" on the journey, "accept" on the handoff, …'),
      )
        .option('--start', 'mark it in progress instead of done')
        .option(
          '--data <key=value>',
          "a form field's value; repeat for more fields or list items",
          collectData,
        )
        .option('--confirm', 'confirm the prefilled values of the form fields not given with --data')
        .option('--activity <id>', 'the logged meeting that is the step’s output'),
    ).action(advanceStep),
  );
  journey.addCommand(
    withConnectionOptions(
      workflowOption(
        new Command('skip')
          .description('skip a step, with the reason (kept on the step and in the history)')
          .argument(...ACCOUNT)
          .argument('<step>', 'the step id'),
      ).requiredOption('--reason <text>', 'why it is skipped'),
    ).action(skipStep),
  );
  journey.addCommand(
    withConnectionOptions(
      new Command('start')
        .description('start a workflow on the account')
        .argument(...ACCOUNT)
        .argument(
          '<kind>',
          'journey, sa_tam_handoff, welcome_call, tam_handover, disengagement, sa_overlap',
          parseKind,
        )
        .option('--tam <email|id>', 'handoff: the TAM who accepts; handover: the incoming TAM')
        .option('--reason <reason>', 'disengagement: the reason; SA overlap: the trigger')
        .option('--note <text>', 'a note kept on the workflow'),
    ).action(startCommand),
  );
  journey.addCommand(
    withConnectionOptions(
      new Command('cancel')
        .description('cancel the running workflow of that kind, with the reason')
        .argument(...ACCOUNT)
        .argument('<kind>', 'the kind of the running workflow', parseKind)
        .requiredOption('--reason <text>', 'why it is cancelled'),
    ).action(cancelWorkflow),
  );
  journey.addCommand(attachCommand());
  journey.addCommand(signOffCommand());
  return journey;
}

/** The account's name for headings: known when given by name, else read (at the same instant). */
async function accountName(client: ApiClient, account: AccountRef, asOf?: string): Promise<string | null> {
  if (account.name) return account.name;
  return client.accounts
    .get(account.id, { asOf })
    .then((found) => found.name)
    .catch(() => null);
}

async function showJourney(text: string, options: ShowOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, text);
    const journey = await client.journey.get(account.id, { asOf: options.asOf });
    const shown = options.workflow
      ? { ...journey, workflows: journey.workflows.filter((workflow) => workflow.kind === options.workflow) }
      : journey;
    if (options.json) {
      printJson(shown);
      return;
    }
    print(renderJourney(shown, await accountName(client, account, options.asOf)));
  });
}

/** Prints the workflow after a change: JSON, or one line saying where it stands. */
function printChange(workflow: Workflow, stepId: string, options: ApiOptions): void {
  if (options.json) printJson(workflow);
  else print(renderStepChange(workflow, stepId));
}

async function advanceStep(text: string, stepId: string | undefined, options: AdvanceOptions): Promise<void> {
  const activityId = options.activity ? requireId(options.activity) : undefined;
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, text);
    const journey = await client.journey.get(account.id);
    const workflow = runningWorkflow(journey, options.workflow, text);
    const step = pickStep(workflow, stepId);
    const updated = await client.journey
      .updateStep(step.id, {
        state: options.start ? 'in_progress' : 'done',
        ...(options.data || options.confirm
          ? { data: formData(step, options.data ?? {}, options.confirm) }
          : {}),
        ...(activityId ? { activityId } : {}),
        version: step.version,
      })
      .catch((error: unknown) => {
        throw withCliHints(error);
      });
    printChange(updated, step.stepId, options);
  });
}

async function skipStep(text: string, stepId: string, options: SkipOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, text);
    const workflow = runningWorkflow(await client.journey.get(account.id), options.workflow, text);
    const step = pickStep(workflow, stepId);
    const updated = await client.journey.updateStep(step.id, {
      state: 'skipped',
      skipReason: options.reason,
      version: step.version,
    });
    printChange(updated, step.stepId, options);
  });
}

/** Starts a workflow; the handoff and disengage commands start theirs through here too. */
export async function startWorkflow(
  client: ApiClient,
  text: string,
  kind: WorkflowKind,
  options: StartOptions,
): Promise<Workflow> {
  const account = await resolveAccount(client, text);
  const tam = options.tam ? await resolveUser(client, options.tam) : null;
  const body: StartWorkflowRequest = {
    kind,
    ...(tam ? { tamUserId: tam.id } : {}),
    ...(options.reason ? { reason: options.reason as StartWorkflowRequest['reason'] } : {}),
    ...(options.note ? { note: options.note } : {}),
  };
  return client.journey.start(account.id, body);
}

/** `Started the SA→TAM handoff on Lumen (workflow …); current: align_tam. …`. */
export function renderStarted(workflow: Workflow): string {
  const lines = [`Started the ${workflow.name} (workflow ${workflow.id}).`];
  if (workflow.context.tam) lines.push(`TAM: ${workflow.context.tam.name}.`);
  if (workflow.context.reason) lines.push(`Reason: ${workflow.context.reason.replaceAll('_', ' ')}.`);
  lines.push(
    workflow.progress.current ? `Current step: ${workflow.progress.current}.` : 'No step is open yet.',
  );
  return lines.join('\n');
}

async function startCommand(text: string, kind: WorkflowKind, options: StartOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const workflow = await startWorkflow(client, text, kind, options);
    if (options.json) printJson(workflow);
    else print(renderStarted(workflow));
  });
}

async function cancelWorkflow(text: string, kind: WorkflowKind, options: CancelOptions): Promise<void> {
  if (!options.reason.trim()) throw new CliError('--reason must not be empty', 2);
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, text);
    const workflow = runningWorkflow(await client.journey.get(account.id), kind, text);
    const cancelled = await client.journey.cancel(workflow.id, {
      reason: options.reason,
      version: workflow.version,
    });
    if (options.json) printJson(cancelled);
    else print(`Cancelled the ${cancelled.name} (workflow ${cancelled.id}): ${options.reason}`);
  });
}
