import type { DryRunResult } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import {
  EMPTY,
  formatCount,
  formatInstant,
  formatPriority,
  formatTable,
  formatTier,
  formatValue,
  humanise,
  plural,
  print,
  printJson,
} from '../output.ts';
import { readPlaybookFile } from '../playbook-file.ts';

export function playbookDryRunCommand(): Command {
  return withConnectionOptions(
    new Command('dry-run')
      .description(
        'what a playbook file would change across the whole book (tier, priority, health, obligations), changing nothing',
      )
      .argument('<file>', 'the candidate playbook as JSON ("-" for stdin)'),
  ).action(dryRun);
}

async function dryRun(file: string, options: ApiOptions): Promise<void> {
  const candidate = readPlaybookFile(file);
  await withSession(options, async ({ client }) => {
    const result = await client.playbook.dryRun(candidate);
    if (options.json) {
      printJson(result);
      return;
    }
    print(
      result.changes.length === 0
        ? dryRunSummary(result)
        : `${renderDryRun(result)}\n\n${dryRunSummary(result)}`,
    );
  });
}

/** `2 of 312 accounts would change (candidate vs playbook version 3, evaluated …).` */
export function dryRunSummary(result: DryRunResult): string {
  const against = `candidate vs playbook version ${result.currentVersion}, evaluated ${formatInstant(result.evaluatedAt)}`;
  if (result.accountsChanged === 0)
    return `No account would change: ${formatCount(result.accountsAssessed)} assessed (${against}).`;
  const listed =
    result.changes.length < result.accountsChanged
      ? ` The first ${formatCount(result.changes.length)} by name are listed.`
      : '';
  return `${formatCount(result.accountsChanged)} of ${plural(result.accountsAssessed, 'account')} would change (${against}).${listed}`;
}

/** One row per changed value, the account's name on its first row; obligations one row per kind. */
export function renderDryRun(result: DryRunResult): string {
  const rows: string[][] = [];
  for (const account of result.changes) {
    const changes = account.changes.flatMap(changeRows);
    changes.forEach(([field, transition], index) => {
      rows.push([index === 0 ? account.accountName : '', field, transition]);
    });
  }
  return formatTable(
    [{ header: 'account', max: 40 }, { header: 'field' }, { header: 'before → after', max: 100 }],
    rows,
  );
}

const FIELD_LABELS: Record<string, string> = {
  engagementTier: 'tier',
  priority: 'priority',
  healthColour: 'health',
  healthScore: 'health score',
};

function changeRows(change: { field: string; before: unknown; after: unknown }): [string, string][] {
  if (change.field === 'obligations' && isList(change.before) && isList(change.after))
    return obligationRows(change.before, change.after);
  const show = (value: unknown) =>
    change.field === 'engagementTier' && typeof value === 'string'
      ? formatTier(value)
      : change.field === 'priority' && typeof value === 'string'
        ? formatPriority(value)
        : formatValue(value);
  return [[FIELD_LABELS[change.field] ?? change.field, `${show(change.before)} → ${show(change.after)}`]];
}

interface ObligationSummary {
  kind: string;
  dueDate?: unknown;
  status?: unknown;
  fulfilled?: unknown;
}

/** The obligations that differ, by kind: `obligation cadence  2026-02-04 overdue → 2026-03-06 due soon`. */
function obligationRows(before: ObligationSummary[], after: ObligationSummary[]): [string, string][] {
  const byKind = (list: ObligationSummary[]) => new Map(list.map((item) => [item.kind, item]));
  const old = byKind(before);
  const next = byKind(after);
  const kinds = [...new Set([...old.keys(), ...next.keys()])].sort();
  const show = (item: ObligationSummary | undefined) =>
    item
      ? [String(item.dueDate), humanise(String(item.status)), item.fulfilled ? 'fulfilled' : '']
          .filter(Boolean)
          .join(' ')
      : EMPTY;
  return kinds
    .filter((kind) => JSON.stringify(old.get(kind)) !== JSON.stringify(next.get(kind)))
    .map((kind) => [`obligation ${humanise(kind)}`, `${show(old.get(kind))} → ${show(next.get(kind))}`]);
}

function isList(value: unknown): value is ObligationSummary[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' && item !== null && typeof (item as { kind?: unknown }).kind === 'string',
    )
  );
}
