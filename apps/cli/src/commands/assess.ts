import type { Assessment, ReassessSlice } from '@liaison/contracts';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import { type ApiOptions, parseInstant, requireId, withConnectionOptions, withSession } from '../api.ts';
import {
  CliError,
  EMPTY,
  formatBullets,
  formatCount,
  formatDue,
  formatFields,
  formatHealth,
  formatInstant,
  formatModel,
  formatMoney,
  formatPriority,
  formatTable,
  humanise,
  indent,
  plural,
  print,
  printJson,
} from '../output.ts';

interface AssessOptions extends ApiOptions {
  at?: string;
  explain?: boolean;
  all?: boolean;
  batch?: number;
}

export function assessCommand(): Command {
  return withConnectionOptions(
    new Command('assess')
      .description(
        "an account's tier, TAM alignment, gemstone, priority, health and obligations (--explain: why); --all reassesses the whole book",
      )
      .argument('[id]', 'the account id (see "liaison accounts list"); not with --all')
      .option(
        '--at <instant>',
        'the record as it was then, evaluated at that instant: 2026-06-30 (midnight UTC) or 2026-06-30T17:00:00Z',
        parseInstant,
      )
      .option(
        '--explain',
        'under each value, the rule path that produced it (one step per line) and its inputs',
      )
      .option('--all', 'reassess every account now, in slices, with a progress bar (TAM managers and admins)')
      .option('--batch <n>', 'with --all: accounts per request, 1–10000 (default 10000)', parseBatch),
  ).action(assess);
}

export function parseBatch(value: string): number {
  const batch = Number(value);
  if (!Number.isInteger(batch) || batch < 1 || batch > 10_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return batch;
}

async function assess(id: string | undefined, options: AssessOptions): Promise<void> {
  if (options.all) {
    if (id) throw new CliError('give an account id or --all, not both', 2);
    if (options.at || options.explain)
      throw new CliError('--at and --explain are for one account, not --all', 2);
    await reassessBook(options);
    return;
  }
  if (options.batch !== undefined) throw new CliError('--batch goes with --all', 2);
  if (!id) throw new CliError('give an account id (see "liaison accounts list"), or --all', 2);
  const accountId = requireId(id);
  await withSession(options, async ({ client }) => {
    const assessment = await client.assessments.get(accountId, { at: options.at });
    if (options.json) {
      printJson(assessment);
      return;
    }
    // The name and the TAMs' names, from the record at the same instant; ids are enough without them.
    const account = await client.accounts.get(accountId, { asOf: options.at }).catch(() => undefined);
    print(
      renderAssessment(assessment, {
        explain: options.explain,
        accountName: account?.name,
        userNames: new Map(account?.team.map((member): [string, string] => [member.userId, member.userName])),
      }),
    );
  });
}

export interface RenderAssessmentOptions {
  explain?: boolean | undefined;
  accountName?: string | undefined;
  userNames?: ReadonlyMap<string, string> | undefined;
}

type Explanation = Assessment['priority']['explanation'];

/** The assessment as blocks of aligned fields; with `explain`, each value's rule path and inputs under it. */
export function renderAssessment(assessment: Assessment, options: RenderAssessmentOptions = {}): string {
  const explain = Boolean(options.explain);
  const why = (value: string, explanation: Explanation) =>
    explain ? `${value}\n${formatExplanation(explanation)}` : value;
  const { engagementTier: tier, tamAlignment: alignment, priority, health } = assessment;
  const quarter = assessment.fiscalQuarter;

  const sections: string[] = [];
  sections.push(
    [
      `${options.accountName ?? `Account ${assessment.accountId}`}: assessment`,
      `id ${assessment.accountId} · evaluated ${formatInstant(assessment.evaluatedAt)} · playbook version ${assessment.playbookVersion}${assessment.playbookVersion === 0 ? ' (handbook defaults)' : ''}`,
      `FY${quarter.fiscalYear} Q${quarter.quarter} (${quarter.start} – ${quarter.end})`,
    ].join('\n'),
  );

  const tierFacts = [
    tier.minArr !== null ? `ARR ≥ ${formatMoney(tier.minArr)}` : '',
    tier.accountsPerTam !== null ? `${formatCount(tier.accountsPerTam)} accounts per TAM` : 'no TAM',
  ].filter(Boolean);
  const practices = Object.entries(tier.practices ?? {})
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([practice, text]) => `${words(practice)}: ${text}`);
  const tams = alignment.tamUserIds.map((userId) => options.userNames?.get(userId) ?? userId);
  const alignmentFacts = [
    alignment.eligible ? 'eligible for a TAM' : 'not eligible for a TAM',
    alignment.hasTam ? `TAM ${tams.join(', ')}` : 'no TAM',
    alignment.managed ? 'managed' : 'not managed',
    ...(alignment.needsTam ? ['⚠ needs a TAM'] : []),
    ...(alignment.disengagementCandidate ? ['⚠ disengagement candidate'] : []),
  ];
  sections.push(
    `Engagement\n${formatFields([
      ['Tier', why(`${tier.name} (${tierFacts.join(' · ')})`, tier.explanation)],
      ...(tier.description ? ([['Description', tier.description]] as [string, string][]) : []),
      ...(practices.length > 0 ? ([['Practices', formatBullets(practices)]] as [string, string][]) : []),
      ['TAM alignment', why(alignmentFacts.join(' · '), alignment.explanation)],
      ['Gemstone', why(assessment.gemstone.gemstone, assessment.gemstone.explanation)],
    ])}`,
  );

  const priorityFacts = [
    `${formatPriority(priority.priority)}${priority.model ? ` (${formatModel(priority.model)} model)` : ''}`,
    ...(priority.inOnboarding ? ['in onboarding'] : []),
    ...(priority.atRisk ? ['at risk'] : []),
    ...(priority.provisional ? ['provisional: no TAM, nothing owed'] : []),
    ...(priority.exceptionId ? [`exception ${priority.exceptionId}`] : []),
  ];
  sections.push(
    `Priority\n${formatFields([['Priority', why(priorityFacts.join(' · '), priority.explanation)]])}`,
  );

  const sentimentAge =
    health.sentimentAgeDays === null
      ? 'no sentiment'
      : `sentiment ${plural(health.sentimentAgeDays, 'day')} old${health.stale ? ' ⚠ stale' : ''}`;
  const measure = (item: Assessment['health']['measures'][number]) =>
    item.included
      ? `${formatHealth(item.colour, item.points)} points · weight ${item.weight} (${item.effectiveWeight} effective)`
      : `left out (weight ${item.weight})`;
  const healthFields: [string, string][] = [
    ['Health', why(`${formatHealth(health.colour, health.score)} · ${sentimentAge}`, health.explanation)],
  ];
  if (explain) {
    for (const item of health.measures)
      healthFields.push([humanise(item.measure), why(measure(item), item.explanation)]);
  }
  let healthBlock = `Health\n${formatFields(healthFields)}`;
  if (!explain && health.measures.length > 0) {
    healthBlock += `\n${indent(
      formatTable(
        [
          { header: 'measure' },
          { header: 'colour' },
          { header: 'points', align: 'right' },
          { header: 'weight', align: 'right' },
          { header: 'effective', align: 'right' },
        ],
        health.measures.map((item) => [
          humanise(item.measure),
          item.included ? (item.colour ?? EMPTY) : 'left out',
          item.points === null ? EMPTY : String(item.points),
          String(item.weight),
          String(item.effectiveWeight),
        ]),
      ),
    )}`;
  }
  sections.push(healthBlock);

  const obligationFields: [string, string][] = [
    ['Next due', formatDue(assessment.nextDue)],
    ['Triage', formatDue(assessment.triage)],
  ];
  const obligation = (item: Assessment['obligations'][number]) =>
    [
      `due ${item.dueDate} (${humanise(item.status)})`,
      ...(item.fulfilled ? ['fulfilled'] : []),
      ...(item.satisfiedBy ? [`by activity ${item.satisfiedBy}`] : []),
    ].join(' · ');
  if (explain) {
    for (const item of assessment.obligations)
      obligationFields.push([humanise(item.kind), why(obligation(item), item.explanation)]);
  }
  let obligationsBlock = `Obligations (${assessment.obligations.length})\n${formatFields(obligationFields)}`;
  if (!explain && assessment.obligations.length > 0) {
    obligationsBlock += `\n${indent(
      formatTable(
        [
          { header: 'kind' },
          { header: 'due' },
          { header: 'status' },
          { header: 'fulfilled' },
          { header: 'satisfied by' },
        ],
        assessment.obligations.map((item) => [
          humanise(item.kind),
          item.dueDate,
          humanise(item.status),
          item.fulfilled ? 'yes' : 'no',
          item.satisfiedBy ?? EMPTY,
        ]),
      ),
    )}`;
  }
  sections.push(obligationsBlock);
  if (!explain) sections.push('(add --explain for the rule path and inputs behind each value)');
  return sections.join('\n\n');
}

/** `rule <id>`, the path one numbered step per line, then the inputs as aligned `name  value` lines. */
export function formatExplanation(explanation: Explanation): string {
  const steps = explanation.path.map((step, index) => `  ${index + 1}. ${step}`);
  const inputs = Object.entries(explanation.inputs).map(([name, value]): [string, string] => [
    name,
    inputValue(value),
  ]);
  return [
    `rule ${explanation.ruleId}`,
    ...(steps.length > 0 ? steps : [`  ${EMPTY}`]),
    inputs.length > 0 ? `inputs\n${formatFields(inputs, '  ')}` : `inputs ${EMPTY}`,
  ].join('\n');
}

function inputValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  return JSON.stringify(value);
}

/** `customerIntro` → `customer intro`. */
function words(identifier: string): string {
  return identifier.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

// --- liaison assess --all -------------------------------------------------------------------

export interface ReassessProgress {
  start(total: number): void;
  update(done: number, accountsPerSecond: number): void;
  stop(): void;
}

export interface ReassessSummary {
  /** Accounts reassessed, all slices together. */
  accounts: number;
  /** Accounts in the book, as the last slice counted them. */
  total: number;
  seconds: number;
  accountsPerSecond: number;
  /** The server's own time, all slices together. */
  serverMilliseconds: number;
  /** Each API response, in order. */
  slices: ReassessSlice[];
}

/** Runs every slice in order, reporting progress after each; the clock is injectable for tests. */
export async function runReassessment(
  slices: AsyncIterable<ReassessSlice>,
  progress?: ReassessProgress,
  clock: () => number = () => performance.now(),
): Promise<ReassessSummary> {
  const started = clock();
  const received: ReassessSlice[] = [];
  let accounts = 0;
  const perSecond = (done: number, seconds: number) => (seconds > 0 ? done / seconds : 0);
  try {
    for await (const slice of slices) {
      if (received.length === 0) progress?.start(slice.total);
      received.push(slice);
      accounts += slice.accounts;
      progress?.update(accounts, perSecond(accounts, (clock() - started) / 1000));
    }
  } finally {
    progress?.stop();
  }
  const seconds = (clock() - started) / 1000;
  return {
    accounts,
    total: received.at(-1)?.total ?? 0,
    seconds: Math.round(seconds * 1000) / 1000,
    accountsPerSecond: Math.round(perSecond(accounts, seconds)),
    serverMilliseconds: received.reduce((sum, slice) => sum + slice.milliseconds, 0),
    slices: received,
  };
}

/** `Reassessed 1,234 accounts in 3.2 s, 385 accounts/s (2 requests).` */
export function renderReassessSummary(summary: ReassessSummary): string {
  return `Reassessed ${plural(summary.accounts, 'account')} in ${summary.seconds.toFixed(1)} s, ${formatCount(summary.accountsPerSecond)} accounts/s (${plural(summary.slices.length, 'request')}).`;
}

/** A cli-progress bar on stderr: rows, rows per second, ETA. */
function progressBar(): ReassessProgress {
  const bar = new cliProgress.SingleBar(
    {
      format: 'Reassessing [{bar}] {value}/{total} accounts · {rate} accounts/s · ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start: (total) => {
      bar.start(total, 0, { rate: EMPTY });
      started = true;
    },
    update: (done, accountsPerSecond) =>
      bar.update(done, { rate: formatCount(Math.round(accountsPerSecond)) }),
    stop: () => {
      if (started) bar.stop();
    },
  };
}

async function reassessBook(options: AssessOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const showBar = !options.json && Boolean(process.stderr.isTTY);
    const summary = await runReassessment(
      client.assessments.reassessAll({ limit: options.batch ?? 10_000 }),
      showBar ? progressBar() : undefined,
    );
    if (options.json) {
      printJson(summary);
      return;
    }
    print(renderReassessSummary(summary));
  });
}
