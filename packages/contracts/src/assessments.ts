import { playbookSchema } from '@liaison/domain';
import { z } from 'zod';
import { ComputedDate, Id, IsoDate, IsoInstant } from './common.ts';
import { Region, Segment } from './enums.ts';

/** Why a value was computed: the rule, the ordered steps evaluated, and the inputs it read. */
export const Explanation = z.object({
  ruleId: z.string(),
  path: z.array(z.string()),
  inputs: z.record(z.string(), z.unknown()),
});

export const Priority = z.enum(['pr1', 'pr2', 'pr3', 'pr4']);
export const HealthColour = z.enum(['green', 'yellow', 'red']);
export const ObligationStatus = z.enum(['ok', 'due_soon', 'overdue']);

export const Obligation = z.object({
  kind: z.string(),
  dueDate: ComputedDate,
  status: ObligationStatus,
  fulfilled: z.boolean(),
  satisfiedBy: z.string().nullable().describe('The activity that satisfied it.'),
  explanation: Explanation,
});

export const HealthMeasure = z.object({
  measure: z.string(),
  included: z.boolean(),
  colour: HealthColour.nullable(),
  points: z.number().nullable(),
  weight: z.number(),
  effectiveWeight: z.number(),
  explanation: Explanation,
});

/** The playbook's verdict on one account; every value carries its explanation. */
export const Assessment = z.object({
  accountId: Id,
  evaluatedAt: IsoInstant,
  playbookVersion: z.int().min(0),
  fiscalQuarter: z.object({ fiscalYear: z.int(), quarter: z.int(), start: ComputedDate, end: ComputedDate }),
  engagementTier: z.object({
    tier: z.string(),
    name: z.string(),
    accountsPerTam: z.number().nullable(),
    minArr: z.number().nullable(),
    practices: z.record(z.string(), z.string().nullable()).nullable(),
    description: z.string().nullable(),
    explanation: Explanation,
  }),
  tamAlignment: z.object({
    eligible: z.boolean(),
    hasTam: z.boolean(),
    tamUserIds: z.array(Id),
    needsTam: z.boolean(),
    disengagementCandidate: z.boolean(),
    managed: z.boolean(),
    explanation: Explanation,
  }),
  gemstone: z.object({ gemstone: z.string(), explanation: Explanation }),
  priority: z.object({
    priority: Priority,
    model: z.string().nullable(),
    inOnboarding: z.boolean(),
    atRisk: z.boolean(),
    provisional: z
      .boolean()
      .describe('A TAM-aligned account without a TAM: the priority is provisional and nothing is owed.'),
    exceptionId: z.string().nullable(),
    explanation: Explanation,
  }),
  health: z.object({
    score: z.number().nullable(),
    colour: HealthColour.nullable(),
    stale: z.boolean(),
    sentimentAgeDays: z.number().nullable(),
    measures: z.array(HealthMeasure),
    explanation: Explanation,
  }),
  obligations: z.array(Obligation),
  triage: Obligation.nullable(),
  nextDue: z.object({ kind: z.string(), dueDate: ComputedDate, status: ObligationStatus }).nullable(),
});

export const AssessmentQuery = z.object({
  at: IsoInstant.optional().describe(
    'Assess the record as it was at this instant, evaluated at that instant.',
  ),
});

export const PortfolioItem = z.object({
  accountId: Id,
  name: z.string(),
  segment: Segment,
  region: Region,
  arr: z.number(),
  renewalDate: IsoDate.nullable(),
  tier: z.string(),
  gemstone: z.string(),
  priority: Priority,
  priorityModel: z.string().nullable(),
  healthColour: HealthColour.nullable(),
  healthScore: z.number().nullable(),
  capacityShare: z.number(),
  nextDue: z.object({ kind: z.string(), dueDate: ComputedDate, status: ObligationStatus }).nullable(),
  overdueCount: z.int(),
});

export const Portfolio = z.object({
  owner: z.object({ id: Id, name: z.string() }),
  evaluatedAt: IsoInstant,
  items: z.array(PortfolioItem),
  capacity: z.object({
    load: z.number().describe('Σ 1/accounts-per-TAM of each account’s tier; 1.0 = full.'),
    accounts: z.int(),
    byTier: z.record(
      z.string(),
      z.object({ accounts: z.int(), accountsPerTam: z.number().nullable(), load: z.number() }),
    ),
  }),
  p1Guidance: z.array(
    z.object({
      model: z.string(),
      accounts: z.int(),
      p1: z.int(),
      share: z.number(),
      guidance: z.string(),
      withinGuidance: z.boolean().nullable(),
    }),
  ),
});

export const OwnerQuery = z.object({ owner: Id.optional().describe('A TAM; defaults to you.') });

export const WorkItem = z.object({
  accountId: Id,
  accountName: z.string(),
  priority: Priority,
  kind: z.string(),
  dueDate: ComputedDate,
  status: ObligationStatus,
  explanation: Explanation,
});

export const Worklist = z.object({
  owner: z.object({ id: Id, name: z.string() }),
  evaluatedAt: IsoInstant,
  horizon: ComputedDate.describe('Work due on or before this day (the coming week) or already overdue.'),
  items: z.array(WorkItem),
});

export const TeamOverview = z.object({
  evaluatedAt: IsoInstant,
  tams: z.array(
    z.object({
      userId: Id,
      name: z.string(),
      region: Region.nullable(),
      accounts: z.int(),
      load: z.number(),
      p1: z.int(),
      p1Share: z.number(),
      overdue: z.int(),
    }),
  ),
  needsTam: z.array(z.object({ accountId: Id, name: z.string(), arr: z.number(), tier: z.string() })),
  disengagementCandidates: z.array(
    z.object({ accountId: Id, name: z.string(), arr: z.number(), tamUserId: Id.nullable() }),
  ),
  reviewsDue: z.array(
    z.object({
      accountId: Id,
      name: z.string(),
      tamUserId: Id.nullable(),
      dueDate: ComputedDate,
      status: ObligationStatus,
    }),
  ),
});

/**
 * The playbook document: every threshold, window and text the rules use (docs/playbook.md).
 * The domain's schema itself, so the server, the typed client and the web read one shape.
 */
export const Playbook = playbookSchema;

export const PlaybookDocument = z.object({
  version: z.int().min(0).describe('0 = the built-in handbook defaults.'),
  playbook: Playbook,
  createdAt: IsoInstant.nullable(),
  createdBy: z.string().nullable(),
  note: z.string().nullable(),
});

/**
 * A candidate playbook as sent: any JSON object. The server validates it with `Playbook` and
 * lists every issue (`POST /playbook/validate` answers them, dry-run and apply answer 400 with
 * `details[].path` such as `body.playbook.tiers[1].minArr`), which a schema here would cut short.
 */
const PlaybookCandidateDocument = z
  .record(z.string(), z.unknown())
  .describe('A whole playbook document (see the `playbook` of GET /playbook); validated by the server.');

export const PutPlaybookRequest = z.object({
  playbook: PlaybookCandidateDocument,
  note: z.string().max(2_000).nullable().optional(),
  version: z.int().min(0).optional().describe('The version you read (or If-Match).'),
});

export const PlaybookCandidate = z.object({ playbook: PlaybookCandidateDocument });

export const PlaybookValidation = z.object({
  valid: z.boolean(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

export const DryRunResult = z.object({
  currentVersion: z.int(),
  evaluatedAt: IsoInstant,
  accountsAssessed: z.int(),
  accountsChanged: z
    .int()
    .describe('Accounts whose assessment would change (all of them, however many are listed).'),
  changes: z
    .array(
      z.object({
        accountId: Id,
        accountName: z.string(),
        changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
      }),
    )
    .describe('The changed accounts by name, the first 1,000 of them.'),
  workflows: z
    .array(
      z.object({
        kind: z.string(),
        name: z.string(),
        stepsAdded: z.array(z.string()),
        stepsRemoved: z.array(z.string()),
        stepsChanged: z.array(z.string()),
        running: z
          .int()
          .describe('Accounts running this workflow now: they keep the template they started with.'),
        accounts: z
          .array(z.object({ accountId: Id, accountName: z.string() }))
          .describe('The first 100 of them.'),
      }),
    )
    .describe(
      'Workflow templates the candidate changes; workflows started after applying it use the new template.',
    ),
});

export const ReassessRequest = z.object({
  cursor: Id.nullable().optional().describe('The nextCursor of the previous slice.'),
  limit: z.int().min(1).max(10_000).default(1_000),
});
export const ReassessResult = z.object({
  accounts: z.int().describe('Accounts reassessed in this slice.'),
  total: z.int().describe('Accounts in the book.'),
  nextCursor: Id.nullable(),
  milliseconds: z.number(),
});

export type Assessment = z.infer<typeof Assessment>;
export type Portfolio = z.infer<typeof Portfolio>;
export type PortfolioItem = z.infer<typeof PortfolioItem>;
export type Worklist = z.infer<typeof Worklist>;
export type WorkItem = z.infer<typeof WorkItem>;
export type TeamOverview = z.infer<typeof TeamOverview>;
export type Playbook = z.output<typeof Playbook>;
/** A playbook as written: a setting added after the format's first release may be left out (its default applies). */
export type PlaybookInput = z.input<typeof Playbook>;
export type PlaybookDocument = z.infer<typeof PlaybookDocument>;
export type DryRunResult = z.infer<typeof DryRunResult>;
export type Priority = z.infer<typeof Priority>;
export type HealthColour = z.infer<typeof HealthColour>;
