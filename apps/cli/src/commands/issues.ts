import fs from 'node:fs';
import type { WaitingIssuesQuery } from '@liaison/contracts';
import type { IssueState } from '@liaison/domain';
import { Command, Option } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { CliError, print, printJson } from '../output.ts';
import { commentedText, renderIssue, renderIssues } from './issues-render.ts';
import { resolveUser } from './journey-targets.ts';
import { parseIssueNumber, resolveProject } from './project-targets.ts';
import { renderWaiting } from './projects-render.ts';

/**
 * `liaison issues list|show|comment|close|reopen|waiting`: the issues of an account's
 * collaboration project, and the customers waiting on staff across accounts (docs/projects.md).
 */

interface ListOptions extends ApiOptions {
  state: 'open' | 'closed' | 'all';
}

interface CommentOptions extends ApiOptions {
  internal?: boolean;
}

interface WaitingOptions extends ApiOptions {
  all?: boolean;
  user?: string;
}

const ACCOUNT = [
  '<account>',
  'the account id, or its name (a part of it that matches one account is enough)',
] as const;
const NUMBER = ['<number>', 'the issue number (3 or #3)', parseIssueNumber] as const;

async function listIssues(accountText: string, options: ListOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const { account, project } = await resolveProject(client, accountText);
    const answer = await client.projects.issues(project.id, { state: options.state });
    if (options.json) printJson(answer);
    else print(renderIssues(answer.items, `Issues of ${account.name} (${options.state}), newest first`));
  });
}

async function showIssue(accountText: string, number: number, options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const { account, project } = await resolveProject(client, accountText);
    const issue = await client.projects.issue(project.id, number);
    if (options.json) printJson(issue);
    else print(renderIssue(issue, account.name ?? project.accountName));
  });
}

/** The comment's text: as given, or read from stdin for `-` (a longer Markdown answer from a file). */
export function commentBody(
  text: string,
  readStdin: () => string = () => fs.readFileSync(0, 'utf8'),
): string {
  const body = (text === '-' ? readStdin() : text).trim();
  if (!body) throw new CliError('the comment is empty', 2);
  return body;
}

async function commentOnIssue(
  accountText: string,
  number: number,
  text: string,
  options: CommentOptions,
): Promise<void> {
  const body = commentBody(text);
  await withSession(options, async ({ client }) => {
    const { project } = await resolveProject(client, accountText);
    const internal = options.internal === true;
    const issue = await client.projects.comment(project.id, number, { body, internal });
    if (options.json) printJson(issue);
    else print(commentedText(issue, internal));
  });
}

function setState(state: IssueState) {
  return async (accountText: string, number: number, options: ApiOptions): Promise<void> => {
    await withSession(options, async ({ client }) => {
      const { project } = await resolveProject(client, accountText);
      // The version read just before, so a change made meanwhile is refused rather than overwritten.
      const current = await client.projects.issue(project.id, number);
      // Already so: nothing to write, and the person is told rather than shown a silent success.
      const issue =
        current.state === state
          ? current
          : await client.projects.updateIssue(project.id, number, { state, version: current.version });
      if (options.json) printJson(issue);
      else
        print(
          current.state === state
            ? `#${issue.number} "${issue.title}" is ${state} already.`
            : `#${issue.number} "${issue.title}": ${state === 'closed' ? 'closed' : 'open again'}.`,
        );
    });
  };
}

async function listWaiting(options: WaitingOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    let responsible: WaitingIssuesQuery['responsible'] = 'me';
    let whose = 'you';
    if (options.all) {
      responsible = 'all';
      whose = 'anyone';
    } else if (options.user) {
      const user = await resolveUser(client, options.user);
      responsible = user.id;
      whose = user.name;
    }
    const answer = await client.projects.waiting({ responsible });
    if (options.json) printJson(answer);
    else
      print(
        renderWaiting(answer.items, `Customers waiting on ${whose}, soonest due first`, responsible !== 'me'),
      );
  });
}

export function issuesCommand(): Command {
  const issues = new Command('issues').description(
    "the issues of an account's collaboration project: list, show, comment (or an internal note), close, reopen; customers waiting",
  );
  issues.addCommand(
    withConnectionOptions(
      new Command('list')
        .description('the issues, newest first, with who is assigned and how long a customer waits')
        .argument(...ACCOUNT)
        .addOption(
          new Option('--state <state>', 'which issues').choices(['open', 'closed', 'all']).default('open'),
        ),
    ).action(listIssues),
  );
  issues.addCommand(
    withConnectionOptions(
      new Command('show')
        .description(
          'an issue with its response tracking, description and every comment (internal notes marked)',
        )
        .argument(...ACCOUNT)
        .argument(...NUMBER),
    ).action(showIssue),
  );
  issues.addCommand(
    withConnectionOptions(
      new Command('comment')
        .description(
          'comment on an issue (the customer sees it and it answers them), or --internal for a note',
        )
        .argument(...ACCOUNT)
        .argument(...NUMBER)
        .argument('<text>', 'the comment in Markdown; - reads it from stdin')
        .option('--internal', 'an internal note: staff only, never shown to the customer, never an answer'),
    ).action(commentOnIssue),
  );
  issues.addCommand(
    withConnectionOptions(
      new Command('close')
        .description('close an issue (a recurring one, such as the meeting agenda, opens its next)')
        .argument(...ACCOUNT)
        .argument(...NUMBER),
    ).action(setState('closed')),
  );
  issues.addCommand(
    withConnectionOptions(
      new Command('reopen')
        .description('open a closed issue again')
        .argument(...ACCOUNT)
        .argument(...NUMBER),
    ).action(setState('open')),
  );
  issues.addCommand(
    withConnectionOptions(
      new Command('waiting')
        .description(
          'customer posts waiting for a staff answer across accounts, soonest due first, with how late',
        )
        .addOption(new Option('--all', "everyone's (TAM managers and admins)").conflicts('user'))
        .option('--user <email|id>', 'the posts this person answers for'),
    ).action(listWaiting),
  );
  return issues;
}
