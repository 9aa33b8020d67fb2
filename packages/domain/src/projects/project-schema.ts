import { z } from 'zod';
import { ACCOUNT_SEGMENTS } from '../assessment/vocabulary.ts';

// Customer collaboration projects (docs/projects.md): the templates a project is created from,
// which template a segment gets, the response SLA and the responsiveness health measure. Playbook
// data: an admin changes them with the rest of the playbook; a project copies its template.

const text = z.string().trim().min(1);
const name = z.string().trim().min(1).max(80);
/** A template's key: lower case, digits and `_` (`enterprise`, `commercial`). */
const key = z.string().regex(/^[a-z][a-z0-9_]*$/);
const markdown = z.string().max(20_000);

/** The words of a README or issue the meta-record fills in (docs/projects.md, Placeholders). */
export const PROJECT_PLACEHOLDERS = [
  'customer',
  'account_owner',
  'sal',
  'ae',
  'sa',
  'tam',
  'pse',
  'success_plan',
  'objectives',
] as const;
export type ProjectPlaceholder = (typeof PROJECT_PLACEHOLDERS)[number];

const milestone = z.strictObject({
  title: name,
  description: markdown.nullable().default(null),
  /** Due this many days after the project is created (null: no due date). */
  dueDays: z.number().int().min(0).max(730).nullable().default(null),
});

const label = z.strictObject({
  name: z.string().trim().min(1).max(50),
  /** A CSS hex colour (`#1f75cb`). */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().max(200).nullable().default(null),
});

/** An issue template (meeting agenda, feature request): what a new issue starts from. */
const issueTemplate = z.strictObject({
  key,
  name,
  title: z.string().trim().max(200).default(''),
  description: markdown,
  labels: z.array(z.string()).max(20).default([]),
});

/** An issue every new project starts with ("Welcome call", the meeting agenda). */
const preloadedIssue = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: markdown,
  labels: z.array(z.string()).max(20).default([]),
  /** A milestone of the template, by title (null: none). */
  milestone: name.nullable().default(null),
  /** Given to the project's owner when it is created (else unassigned). */
  assignToOwner: z.boolean().default(false),
  /**
   * An issue that comes back (the monthly meeting agenda): the issue template a new one is
   * opened from when this one is closed (null: a one-off issue).
   */
  recursFrom: key.nullable().default(null),
});

export const projectTemplateSchema = z.strictObject({
  key,
  name,
  description: text,
  /** The customer-facing README, Markdown with `{{placeholder}}`s filled from the meta-record. */
  readme: markdown,
  milestones: z.array(milestone).max(50),
  labels: z.array(label).max(100),
  issueTemplates: z.array(issueTemplate).max(30),
  issues: z.array(preloadedIssue).max(100),
});

const businessDays = z.number().int().min(1).max(30);

export const projectSettingsSchema = z.strictObject({
  templates: z.array(projectTemplateSchema).min(1).max(20),
  /** The template a segment's accounts get, as the priority models split Enterprise and Commercial. */
  templateBySegment: z.strictObject(
    Object.fromEntries(ACCOUNT_SEGMENTS.map((segment) => [segment, key])) as Record<
      (typeof ACCOUNT_SEGMENTS)[number],
      typeof key
    >,
  ),
  /**
   * How fast staff answer a customer (seed 003, "respond in a timely manner"), in business days
   * (Monday–Friday): the first response to a customer's new issue, and to each later comment.
   */
  responseSla: z.strictObject({ firstResponseDays: businessDays, followUpDays: businessDays }),
  /**
   * Seed 001's upgrade rule: an upgrade that leaves the account at this gemstone or higher asks
   * the TAM to confirm the project exists, or create it, within `dueDays`.
   */
  upgradeCheck: z.strictObject({
    minimumGemstone: z.enum(['ruby', 'sapphire', 'pearl', 'diamond']),
    dueDays: z.number().int().min(1).max(90),
  }),
  /**
   * Responsiveness as a health measure (off by default): the median first response in business
   * days, green up to `greenMaxDays`, yellow up to `yellowMaxDays`, else red.
   */
  responsiveness: z.strictObject({
    healthMeasure: z.boolean(),
    weight: z.number().gt(0),
    greenMaxDays: z.number().min(0),
    yellowMaxDays: z.number().min(0),
  }),
});

export type ProjectTemplate = z.output<typeof projectTemplateSchema>;
export type ProjectSettings = z.output<typeof projectSettingsSchema>;
export type ProjectIssueTemplate = ProjectTemplate['issueTemplates'][number];
