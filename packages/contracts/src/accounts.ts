import { z } from 'zod';
import { AccountAbilities } from './abilities.ts';
import {
  ComputedDate,
  ExternalIds,
  Id,
  IsoDate,
  IsoInstant,
  MAX_AMOUNT,
  PageQuery,
  RecordMeta,
  ShortText,
} from './common.ts';
import { Contact } from './contacts.ts';
import { Region, RelationshipStage, Segment, SentimentColour } from './enums.ts';
import { BusinessProfile, TechnicalProfile } from './profiles.ts';
import { TeamAssignment } from './team.ts';

const money = z.number().min(0).max(MAX_AMOUNT);
const count = z.int().min(0).max(1e9);
/** Plans and adopted stages are configurable lists (the playbook); the server checks membership. */
const slug = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a lower-case identifier such as "premium"');

/**
 * Commercial qualify-up considerations (docs/playbook.md, Priority): each one makes a Commercial
 * account Pr1.
 */
export const QualifyUp = z.object({
  keyLogo: z.boolean(),
  caseStudy: z.boolean(),
  channelInitiative: z.boolean(),
  triageMoreAttention: z.boolean().describe('An at-risk triage decided the customer needs more attention.'),
});

export const AccountFields = z.object({
  name: ShortText,
  industry: z.string().max(200).nullable(),
  segment: Segment,
  region: Region,
  plan: slug,
  arr: money.describe('Annual recurring revenue in USD.'),
  licensedUsers: count,
  activeUsers: count,
  lam: count.nullable().describe('Landed addressable market: seats the customer could use.'),
  stagesAdopted: z.array(slug).max(50),
  relationshipStage: RelationshipStage,
  parentAccountId: Id.nullable(),
  renewalDate: IsoDate.nullable(),
  contractStart: IsoDate.nullable(),
  externalIds: ExternalIds,
  sentiment: SentimentColour.nullable().describe("The TAM's sentiment."),
  sentimentSetAt: IsoInstant.nullable(),
  sentimentReason: z.string().max(2_000).nullable(),
  atRisk: z.boolean().describe('Flagged at risk of contraction or churn.'),
  requiresTriage: z
    .boolean()
    .describe(
      'Yellow + Requires Triage: the TAM needs help. A yellow account counts as at risk only with it (docs/playbook.md, At risk); set or cleared with a risk update.',
    ),
  onboardingStartedAt: IsoInstant.nullable(),
  onboardingCompletedAt: IsoInstant.nullable(),
  firstValueAt: IsoInstant.nullable().describe(
    'When the customer reached first value (see docs/playbook.md, Obligations).',
  ),
  qualifyUp: QualifyUp,
  lastPriorityReviewAt: IsoInstant.nullable().describe('The last quarterly priority review.'),
  supportTicketsTracked: z
    .boolean()
    .describe('Support-ticket data is fed for this account; without it the health measure is left out.'),
});

export const AccountSummary = RecordMeta.extend(AccountFields.shape);

export const Account = AccountSummary.extend({
  businessProfile: BusinessProfile,
  technicalProfile: TechnicalProfile,
  contacts: z.array(Contact),
  team: z.array(TeamAssignment).describe('Assignments current at the instant of the record.'),
  asOf: IsoInstant.nullable().describe('Set when the record is shown as it was at an earlier instant.'),
  can: AccountAbilities,
});

export const CreateAccountRequest = AccountFields.partial().extend({
  name: ShortText,
  segment: Segment,
  region: Region,
});

export const UpdateAccountRequest = AccountFields.partial().extend({
  version: z.int().positive().optional(),
});

export const AccountSort = z.enum([
  'name',
  '-name',
  'arr',
  '-arr',
  'renewalDate',
  '-renewalDate',
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
]);

export const AccountListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Matches the account name (case-insensitive).'),
  segment: Segment.optional(),
  region: Region.optional(),
  relationshipStage: RelationshipStage.optional(),
  teamMember: Id.optional().describe('Accounts this user is currently on the team of.'),
  tam: z
    .union([Id, z.literal('none')])
    .optional()
    .describe('Accounts whose TAM now is this user; `none`: accounts with no TAM now.'),
  parentAccountId: Id.optional(),
  tier: slug.optional().describe('Engagement tier id from the playbook, e.g. `tier1` or `digital`.'),
  priority: z.enum(['pr1', 'pr2', 'pr3', 'pr4']).optional(),
  health: SentimentColour.optional().describe('Computed health colour.'),
  sort: AccountSort.default('name'),
});

/** The account's stored assessment in brief (the list shows it; the full one is `/assessment`). */
export const AccountListAssessment = z.object({
  tier: z.string(),
  gemstone: z.string(),
  priority: z.enum(['pr1', 'pr2', 'pr3', 'pr4']),
  healthColour: SentimentColour.nullable(),
  healthScore: z.number().nullable(),
  nextDueDate: ComputedDate.nullable(),
  overdueCount: z.int(),
});

/** Who is the account's TAM now: the list shows the name, the id links to their book. */
export const AccountListTam = z.object({ userId: Id, name: z.string() });

export const AccountListItem = AccountSummary.extend({
  assessment: AccountListAssessment.nullable().describe('Null when the account has not been assessed yet.'),
  tam: AccountListTam.nullable().describe(
    'The current TAM (the latest to start if assignments overlap); null when the account has none.',
  ),
});

export type QualifyUp = z.infer<typeof QualifyUp>;
export type AccountFields = z.infer<typeof AccountFields>;
export type AccountSummary = z.infer<typeof AccountSummary>;
export type Account = z.infer<typeof Account>;
export type CreateAccountRequest = z.infer<typeof CreateAccountRequest>;
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;
export type AccountListQuery = z.infer<typeof AccountListQuery>;
export type AccountSort = z.infer<typeof AccountSort>;
export type AccountListAssessment = z.infer<typeof AccountListAssessment>;
export type AccountListTam = z.infer<typeof AccountListTam>;
export type AccountListItem = z.infer<typeof AccountListItem>;
