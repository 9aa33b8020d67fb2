import type { Worklist } from '@liaison/contracts';
import { Command } from 'commander';
import { withConnectionOptions, withSession } from '../api.ts';
import { EMPTY, formatInstant, formatPriority, formatTable, humanise, print, printJson } from '../output.ts';
import { type OwnerOptions, ownerQuery } from './portfolio.ts';

export function worklistCommand(): Command {
  return withConnectionOptions(
    new Command('worklist')
      .description("a TAM's work for the coming week: overdue first, each with why it is due")
      .option('--owner <userId>', 'whose work: a TAM\'s user id, or "me" (default: you)'),
  ).action(showWorklist);
}

async function showWorklist(options: OwnerOptions): Promise<void> {
  const query = ownerQuery(options.owner);
  await withSession(options, async ({ client }) => {
    const worklist = await client.assessments.worklist(query);
    if (options.json) {
      printJson(worklist);
      return;
    }
    print(renderWorklist(worklist));
  });
}

/** In the server's order (overdue first, then by priority and due date); "why" is the last step of the explanation. */
export function renderWorklist(worklist: Worklist): string {
  const heading = `Worklist of ${worklist.owner.name}: overdue, and due by ${worklist.horizon} · evaluated ${formatInstant(worklist.evaluatedAt)}`;
  if (worklist.items.length === 0) return `${heading}\n\nNothing overdue or due by ${worklist.horizon}.`;
  const table = formatTable(
    [
      { header: 'status' },
      { header: 'due' },
      { header: 'account', max: 32 },
      { header: 'priority' },
      { header: 'kind' },
      { header: 'why', max: 80 },
    ],
    worklist.items.map((item) => [
      humanise(item.status),
      item.dueDate,
      item.accountName,
      formatPriority(item.priority),
      humanise(item.kind),
      item.explanation.path.at(-1) ?? EMPTY,
    ]),
  );
  return `${heading}\n\n${table}`;
}
