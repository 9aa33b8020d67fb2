import fs from 'node:fs';
import type { WorkflowKind } from '@liaison/contracts';
import { DISENGAGEMENT_REASONS } from '@liaison/domain';
import { Command, InvalidArgumentError } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { note, print, printJson } from '../output.ts';
import { renderStarted, startWorkflow } from './journey.ts';
import { renderStepChange } from './journey-render.ts';
import { pickStep, resolveAccount, runningWorkflow } from './journey-targets.ts';

/**
 * `liaison handoff start|accept` and `liaison disengage start|summary`: the SA→TAM handoff and
 * the disengagement by name, over the same workflow API as `liaison journey` (docs/journey.md).
 */

interface StartOptions extends ApiOptions {
  tam?: string;
  reason?: string;
  note?: string;
}

interface SummaryOptions extends ApiOptions {
  out?: string;
}

const ACCOUNT = [
  '<account>',
  'the account id, or its name (a part of it that matches one account is enough)',
] as const;

function startAction(kind: WorkflowKind) {
  return async (text: string, options: StartOptions): Promise<void> => {
    await withSession(options, async ({ client }) => {
      const workflow = await startWorkflow(client, text, kind, options);
      if (options.json) printJson(workflow);
      else print(renderStarted(workflow));
    });
  };
}

export function handoffCommand(): Command {
  const handoff = new Command('handoff').description(
    'the SA→TAM handoff after the sale: start it naming the TAM; the TAM accepts it',
  );
  handoff.addCommand(
    withConnectionOptions(
      new Command('start')
        .description('start the SA→TAM handoff (closed-won starts it on its own)')
        .argument(...ACCOUNT)
        .option('--tam <email|id>', 'the TAM who will accept (default: the TAM the journey names)')
        .option('--note <text>', 'a note kept on the workflow'),
    ).action(startAction('sa_tam_handoff')),
  );
  handoff.addCommand(
    withConnectionOptions(
      new Command('accept')
        .description(
          'the TAM accepts the running handoff: the TAM assignment is effective, the SA stays on in an overlap role',
        )
        .argument(...ACCOUNT),
    ).action(acceptHandoff),
  );
  return handoff;
}

async function acceptHandoff(text: string, options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, text);
    const workflow = runningWorkflow(await client.journey.get(account.id), 'sa_tam_handoff', text);
    const step = pickStep(workflow, 'accept');
    const updated = await client.journey.updateStep(step.id, { state: 'done', version: step.version });
    if (options.json) printJson(updated);
    else print(renderStepChange(updated, step.stepId));
  });
}

function parseReason(value: string): string {
  const reason = value.trim().replaceAll('-', '_');
  if (!(DISENGAGEMENT_REASONS as readonly string[]).includes(reason))
    throw new InvalidArgumentError(`expected one of ${DISENGAGEMENT_REASONS.join(', ')}`);
  return reason;
}

export function disengageCommand(): Command {
  const disengage = new Command('disengage').description(
    'disengagement: start it with the reason; print the follow-up summary generated from the account',
  );
  disengage.addCommand(
    withConnectionOptions(
      new Command('start')
        .description('start the disengagement workflow on the account')
        .argument(...ACCOUNT)
        .option(
          '--reason <reason>',
          `${DISENGAGEMENT_REASONS.join(', ')} (default for a disengagement candidate: below_threshold_downgrade)`,
          parseReason,
        )
        .option('--note <text>', 'what happened, in words; quoted in the summary'),
    ).action(startAction('disengagement')),
  );
  disengage.addCommand(
    withConnectionOptions(
      new Command('summary')
        .description('the follow-up summary (Markdown, ready to send) of the running or latest disengagement')
        .argument(...ACCOUNT)
        .option('--out <file>', 'write the Markdown to this file instead of printing it'),
    ).action(printSummary),
  );
  return disengage;
}

async function printSummary(text: string, options: SummaryOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, text);
    const journey = await client.journey.get(account.id);
    // Running first, then the newest finished one (the server's order).
    const workflow =
      journey.workflows.find((candidate) => candidate.kind === 'disengagement') ??
      runningWorkflow(journey, 'disengagement', text);
    const summary = await client.journey.summary(workflow.id);
    if (options.out) {
      fs.writeFileSync(
        options.out,
        summary.markdown.endsWith('\n') ? summary.markdown : `${summary.markdown}\n`,
      );
      if (options.json) printJson({ ...summary, out: options.out });
      else note(`Wrote the follow-up summary to ${options.out}.`);
      return;
    }
    if (options.json) printJson(summary);
    else print(summary.markdown);
  });
}
