import { HOME_VIEWS } from '@liaison/domain';
import { z } from 'zod';
import { HealthColour, Priority } from './assessments.ts';
import { ComputedDate, Id, IsoInstant } from './common.ts';
import { OpportunityStage, OpportunityType, Region, RelationshipStage, Segment } from './enums.ts';
import { TaskListItem } from './tasks.ts';

/** A home for every role (docs/homes.md): what each role's first page shows, from live data. */

export const HomeView = z.enum(HOME_VIEWS);

export const HomeQuery = z.object({
  view: HomeView.optional().describe('Another view your roles allow; default: your home.'),
  userId: Id.optional().describe('Managers: whose home to read (read-only), e.g. a TAM’s week.'),
});

export const HomeAccount = z.object({
  accountId: Id,
  name: z.string(),
  segment: Segment,
  relationshipStage: RelationshipStage,
  arr: z.number(),
  renewalDate: ComputedDate.nullable(),
  tier: z.string().nullable(),
  priority: Priority.nullable(),
  health: HealthColour.nullable().describe('Null: not scored (no TAM, or no measure).'),
  atRisk: z.boolean(),
  requiresTriage: z.boolean(),
  tamName: z.string().nullable(),
});

export const RenewalObligation = z.object({
  kind: z.enum(['renewal_review', 'renewal_conversation']),
  dueDate: ComputedDate,
  status: z.enum(['ok', 'due_soon', 'overdue']),
  fulfilled: z.boolean(),
});

export const Renewals = z.object({
  windows: z.array(z.object({ days: z.int(), accounts: z.int(), arr: z.number() })),
  accounts: z.array(
    HomeAccount.extend({ daysLeft: z.int(), renewalObligations: z.array(RenewalObligation) }),
  ),
});

export const PipelineOpportunity = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  name: z.string(),
  type: OpportunityType,
  stage: OpportunityStage,
  amount: z.number(),
  closeDate: ComputedDate.nullable(),
});

export const Pipeline = z.object({
  byStage: z.array(z.object({ stage: OpportunityStage, opportunities: z.int(), amount: z.number() })),
  byType: z.array(z.object({ type: OpportunityType, opportunities: z.int(), amount: z.number() })),
  open: z.array(PipelineOpportunity).describe('Soonest close first, at most 50.'),
});

export const WorkflowProgress = z.object({
  workflowId: Id,
  kind: z.string(),
  settled: z.int(),
  total: z.int(),
  current: z.string().nullable().describe('The open step’s activity.'),
});

export const Home = z.object({
  view: HomeView,
  views: z.array(z.object({ view: HomeView, label: z.string() })).describe('The views your roles allow.'),
  user: z.object({ id: Id, name: z.string() }),
  evaluatedAt: IsoInstant,
  readOnly: z.boolean().describe('A manager reading someone else’s home.'),
  region: Region.nullable().describe('The region the manager view covers; null: the whole book.'),
  myAccounts: z
    .array(HomeAccount)
    .nullable()
    .describe('Accounts where this person holds the view’s team role.'),
  renewals: Renewals.nullable(),
  pipeline: Pipeline.nullable(),
  notGreen: z.array(HomeAccount).nullable().describe('Yellow or red, or flagged at risk; worst first.'),
  presales: z
    .array(HomeAccount.extend({ journey: WorkflowProgress.nullable() }))
    .nullable()
    .describe('SA: leads and opportunities with their journey progress.'),
  handoffs: z
    .array(z.object({ accountId: Id, accountName: z.string(), progress: WorkflowProgress }))
    .nullable()
    .describe('SA→TAM handoffs and SA overlaps running on this person’s accounts.'),
  arrAtRisk: z
    .object({
      byHealth: z.array(z.object({ health: HealthColour.nullable(), accounts: z.int(), arr: z.number() })),
      flagged: z
        .object({ accounts: z.int(), arr: z.number() })
        .describe('At risk: flag, red, or yellow + triage.'),
    })
    .nullable(),
  needingTam: z.array(HomeAccount).nullable(),
  book: z
    .object({
      accounts: z.int(),
      arr: z.number(),
      byTier: z.array(z.object({ key: z.string(), accounts: z.int(), arr: z.number() })),
      byPriority: z.array(z.object({ key: z.string(), accounts: z.int(), arr: z.number() })),
      byHealth: z.array(z.object({ key: z.string(), accounts: z.int(), arr: z.number() })),
    })
    .nullable(),
  work: z
    .array(TaskListItem)
    .nullable()
    .describe('This person’s open tasks and journey steps, soonest first (20).'),
});

export type HomeView = z.infer<typeof HomeView>;
export type HomeAccount = z.infer<typeof HomeAccount>;
export type Home = z.infer<typeof Home>;
