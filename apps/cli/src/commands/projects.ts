import type { AccountProjects, ApiClient } from '@liaison/contracts';
import { Command, Option } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { formatCount, print, printJson } from '../output.ts';
import { resolveAccount, resolveUser } from './journey-targets.ts';
import { accountWord } from './project-targets.ts';
import { PHASE_LABELS, type ProjectRow, renderAccountProjects, renderProjects } from './projects-render.ts';

/**
 * `liaison projects list|show|create`: the customer collaboration project of an account
 * (docs/projects.md). One project per account, so an account names its project.
 */

interface ListOptions extends ApiOptions {
  account?: string;
  user?: string;
}

interface CreateOptions extends ApiOptions {
  template?: string;
  name?: string;
}

const ACCOUNT = [
  '<account>',
  'the account id, or its name (a part of it that matches one account is enough)',
] as const;

/** At most this many accounts' projects are asked for at once: a book is read quickly without flooding the server. */
const PARALLEL = 4;

async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The projects of the accounts a person is on the team of now. The API lists projects per
 * account only, so this asks account by account (docs/projects.md, API).
 */
async function projectsOfBook(client: ApiClient, userId: string) {
  const accounts: { id: string; name: string }[] = [];
  for await (const account of client.accounts.iterate({ teamMember: userId, limit: 100 }))
    accounts.push({ id: account.id, name: account.name });
  const answers = await mapLimited(accounts, PARALLEL, (account) => client.projects.ofAccount(account.id));
  return accounts.map((account, index) => ({ account, answer: answers[index]! }));
}

const rowsOf = (answer: AccountProjects): ProjectRow[] =>
  answer.items.map((project) => ({ project, responsiveness: answer.responsiveness }));

async function listProjects(options: ListOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    if (options.account) {
      const account = await resolveAccount(client, options.account);
      const answer = await client.projects.ofAccount(account.id);
      if (options.json) printJson({ items: answer.items });
      else
        print(renderProjects(rowsOf(answer), answer.items.length === 0 ? [account.name ?? account.id] : []));
      return;
    }
    const user = options.user
      ? await resolveUser(client, options.user)
      : { id: (await client.auth.me()).user.id, name: 'you' };
    const book = await projectsOfBook(client, user.id);
    if (options.json) {
      printJson({ items: book.flatMap(({ answer }) => answer.items) });
      return;
    }
    if (book.length === 0) {
      print(
        `${options.user ? `${user.name} is` : 'You are'} on no account's team now (use --account <account>).`,
      );
      return;
    }
    const without = book.filter(({ answer }) => answer.items.length === 0).map(({ account }) => account.name);
    print(
      renderProjects(
        book.flatMap(({ answer }) => rowsOf(answer)),
        without,
      ),
    );
  });
}

async function showProject(accountText: string, options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, accountText);
    const answer = await client.projects.ofAccount(account.id);
    if (options.json) printJson(answer);
    else print(renderAccountProjects(answer, account.name ?? answer.items[0]?.accountName ?? account.id));
  });
}

async function createProject(accountText: string, options: CreateOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, accountText);
    // The template key is the playbook's; the server checks it and who may create.
    const project = await client.projects.create(account.id, {
      ...(options.template ? { templateKey: options.template.trim() } : {}),
      ...(options.name ? { name: options.name } : {}),
    });
    if (options.json) {
      printJson(project);
      return;
    }
    print(
      [
        `Created "${project.name}" (${project.id}) from the template "${project.templateName}": ${PHASE_LABELS[project.phase]}, owner ${project.owner?.name ?? 'nobody'}.`,
        `${formatCount(project.milestones.length)} milestones, ${formatCount(project.openIssues)} open issues. "liaison issues list ${accountWord(account, accountText)}" lists them.`,
      ].join('\n'),
    );
  });
}

export function projectsCommand(): Command {
  const projects = new Command('projects').description(
    'customer collaboration projects: list, show (milestones, issues, responsiveness), create from a template',
  );
  projects.addCommand(
    withConnectionOptions(
      new Command('list')
        .description('the projects of your accounts (the ones you are on the team of now), or of one account')
        .option('--account <account>', 'only this account (id or name)')
        .addOption(
          new Option('--user <email|id>', "the accounts of this person's team instead of yours").conflicts(
            'account',
          ),
        ),
    ).action(listProjects),
  );
  projects.addCommand(
    withConnectionOptions(
      new Command('show')
        .description("an account's project: phase, owner, template, open issues, responsiveness, milestones")
        .argument(...ACCOUNT),
    ).action(showProject),
  );
  projects.addCommand(
    withConnectionOptions(
      new Command('create')
        .description(
          "create the account's project from a playbook template: pre-sales (owner the SA) before the account is a customer, post-sales (owner the TAM) after",
        )
        .argument(...ACCOUNT)
        .option(
          '--template <key>',
          "a template key of the playbook's projects section, e.g. enterprise or commercial (default: by the account's segment)",
        )
        .option('--name <name>', 'the project name (default: "<account> collaboration project")'),
    ).action(createProject),
  );
  return projects;
}
