import type { ApiClient, TaskListItem, TaskListParams, TaskSource, TaskStatus } from '@liaison/contracts';
import { TASK_SOURCES, TASK_STATUSES } from '@liaison/domain';
import { Command, InvalidArgumentError } from 'commander';
import { type ApiOptions, parseLimit, requireId, withConnectionOptions, withSession } from '../api.ts';
import { EMPTY, formatTable, humanise, print, printJson } from '../output.ts';
import { resolveAccount, resolveUser } from './journey-targets.ts';

/**
 * `liaison tasks list|add|done|reopen`: one task list (docs/tasks.md). People are given by
 * e-mail or id, accounts by name or id.
 */

interface ListOptions extends ApiOptions {
  owner?: string;
  account?: string;
  contact?: string;
  status?: TaskStatus;
  source?: TaskSource;
  dueBefore?: string;
  dueAfter?: string;
  limit?: number;
  all?: boolean;
}

interface AddOptions extends ApiOptions {
  account?: string;
  owner?: string;
  contact?: string;
  due?: string;
  notes?: string;
}

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T => {
    const text = value.trim().replaceAll('-', '_');
    if (!(values as readonly string[]).includes(text))
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}`);
    return text as T;
  };

function parseDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value.trim()))
    throw new InvalidArgumentError('expected a date, e.g. 2026-03-20');
  return value.trim();
}

/** `me`, `unassigned`, an e-mail or an id → the API's owner filter. */
async function ownerFilter(client: ApiClient, text: string | undefined): Promise<string | undefined> {
  if (text === undefined) return 'me';
  const value = text.trim().toLowerCase();
  if (value === 'me' || value === 'unassigned' || value === 'anyone')
    return value === 'anyone' ? undefined : value;
  return (await resolveUser(client, text)).id;
}

export function renderTasks(items: readonly TaskListItem[], heading: string): string {
  if (items.length === 0) return `${heading}\n\nNothing here.`;
  const table = formatTable(
    [
      { header: 'due' },
      { header: 'what', max: 56 },
      { header: 'account', max: 28 },
      { header: 'owner', max: 24 },
      { header: 'source' },
      { header: 'id' },
    ],
    items.map((item) => [
      `${item.dueOn ?? EMPTY}${item.overdue ? ' OVERDUE' : item.snoozedUntil ? ` (snoozed to ${item.snoozedUntil})` : ''}`,
      item.title,
      item.accountName ?? EMPTY,
      item.owner ? `${item.owner.name}${item.owner.kind === 'contact' ? ' (customer)' : ''}` : EMPTY,
      humanise(item.source),
      item.task?.id ?? item.workflowStepId ?? EMPTY,
    ]),
  );
  return `${heading}\n\n${table}`;
}

async function listTasks(options: ListOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const query: TaskListParams = {
      owner: (await ownerFilter(
        client,
        options.contact ? 'anyone' : options.owner,
      )) as TaskListParams['owner'],
      ...(options.account ? { accountId: (await resolveAccount(client, options.account)).id } : {}),
      ...(options.contact ? { contactId: requireId(options.contact) } : {}),
      ...(options.status ? { status: options.status } : {}),
      ...(options.source ? { source: options.source } : {}),
      ...(options.dueBefore ? { dueBefore: options.dueBefore } : {}),
      ...(options.dueAfter ? { dueAfter: options.dueAfter } : {}),
      limit: options.limit ?? 100,
    };
    const items: TaskListItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.tasks.list({ ...query, ...(cursor ? { cursor } : {}) });
      items.push(...page.items);
      cursor = options.all ? (page.nextCursor ?? undefined) : undefined;
    } while (cursor);
    if (options.json) printJson(items);
    else print(renderTasks(items, `Tasks (${options.status ?? 'open'}), soonest first`));
  });
}

async function addTask(title: string, options: AddOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = options.account ? await resolveAccount(client, options.account) : null;
    const task = await client.tasks.create({
      title,
      ...(account ? { accountId: account.id } : {}),
      ...(options.owner ? { ownerUserId: (await resolveUser(client, options.owner)).id } : {}),
      ...(options.contact ? { ownerContactId: requireId(options.contact) } : {}),
      ...(options.due ? { dueOn: options.due } : {}),
      ...(options.notes ? { notes: options.notes } : {}),
    });
    if (options.json) printJson(task);
    else
      print(
        `Added "${task.title}" (${task.id})${task.owner ? ` for ${task.owner.name}` : ''}${task.dueOn ? `, due ${task.dueOn}` : ''}.`,
      );
  });
}

function setStatus(status: 'done' | 'open') {
  return async (id: string, options: ApiOptions): Promise<void> => {
    await withSession(options, async ({ client }) => {
      const current = await client.tasks.get(requireId(id));
      const task = await client.tasks.update(current.id, { status, version: current.version });
      if (options.json) printJson(task);
      else print(`"${task.title}": ${status === 'done' ? 'done' : 'open again'}.`);
    });
  };
}

export function tasksCommand(): Command {
  const tasks = new Command('tasks').description(
    'one task list: tasks, action items, and the journey steps and obligations you owe',
  );
  tasks.addCommand(
    withConnectionOptions(
      new Command('list')
        .description('open work, soonest first (overdue first); for one person, steps and obligations too')
        .option('--owner <who>', 'me (default), an e-mail or user id, unassigned, or anyone')
        .option('--account <account>', 'only this account (id or name)')
        .option('--contact <contactId>', 'tasks a customer contact owns')
        .option('--status <status>', `${TASK_STATUSES.join(', ')} (default: open)`, oneOf(TASK_STATUSES))
        .option('--source <source>', TASK_SOURCES.join(', '), oneOf(TASK_SOURCES))
        .option('--due-before <date>', 'due on or before this day', parseDay)
        .option('--due-after <date>', 'due on or after this day', parseDay)
        .option('--limit <n>', 'items per page, 1–100 (default 100)', parseLimit)
        .option('--all', 'every page'),
    ).action(listTasks),
  );
  tasks.addCommand(
    withConnectionOptions(
      new Command('add')
        .description('a task by hand (yours unless --owner or --contact says whose)')
        .argument('<title>', 'what needs doing')
        .option('--account <account>', 'the account it is about (id or name)')
        .option('--owner <email|id>', 'the staff member who owes it')
        .option('--contact <contactId>', "a customer contact of the account: the customer's action")
        .option('--due <date>', 'due day, e.g. 2026-03-20', parseDay)
        .option('--notes <text>', 'notes'),
    ).action(addTask),
  );
  tasks.addCommand(
    withConnectionOptions(
      new Command('done')
        .description('tick a task off (an action item: its activity too)')
        .argument('<taskId>'),
    ).action(setStatus('done')),
  );
  tasks.addCommand(
    withConnectionOptions(
      new Command('reopen').description('open a done task again').argument('<taskId>'),
    ).action(setStatus('open')),
  );
  return tasks;
}
