import type { AccountSegment } from '../assessment/vocabulary.ts';
import {
  PROJECT_PLACEHOLDERS,
  type ProjectPlaceholder,
  type ProjectSettings,
  type ProjectTemplate,
} from './project-schema.ts';

// Filling a template from the meta-record, and the checks a playbook's templates pass beyond
// their schema (docs/projects.md). Pure: the server reads the meta-record and passes it in.

export interface ProjectMeta {
  customer: string;
  /** The account team now, by role (null: nobody holds it). */
  team: Partial<Record<'sal' | 'ae' | 'sa' | 'tam' | 'pse', string>>;
  segment: AccountSegment;
  successPlan: {
    status: string;
    strategy: string | null;
    objectives: readonly { title: string; status: string; dueDate: string | null }[];
  } | null;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The template an account of this segment gets (the playbook's `projects.templateBySegment`). */
export function templateFor(settings: ProjectSettings, segment: AccountSegment): ProjectTemplate {
  const key = settings.templateBySegment[segment];
  return settings.templates.find((template) => template.key === key) ?? settings.templates[0]!;
}

const enterpriseLike = (segment: AccountSegment) => segment === 'enterprise' || segment === 'public_sector';

/** The value of each placeholder for this account; an unfilled role reads "to be named". */
export function placeholderValues(meta: ProjectMeta): Record<ProjectPlaceholder, string> {
  const person = (name: string | undefined) => name ?? '_to be named_';
  const owner = enterpriseLike(meta.segment)
    ? (meta.team.sal ?? meta.team.ae)
    : (meta.team.ae ?? meta.team.sal);
  const plan = meta.successPlan;
  return {
    customer: meta.customer,
    account_owner: person(owner),
    sal: person(meta.team.sal),
    ae: person(meta.team.ae),
    sa: person(meta.team.sa),
    tam: person(meta.team.tam),
    pse: person(meta.team.pse),
    success_plan: plan
      ? `Our success plan is ${plan.status}.${plan.strategy ? ` ${plan.strategy}` : ''}`
      : 'We will write the success plan together after the kick-off.',
    objectives:
      plan && plan.objectives.length > 0
        ? plan.objectives.map((o) => `- ${o.title}${o.dueDate ? ` (by ${o.dueDate})` : ''}`).join('\n')
        : '_No objectives yet._',
  };
}

/** Replaces every `{{placeholder}}` with its value; an unknown one is left as written. */
export function fillPlaceholders(text: string, values: Record<ProjectPlaceholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, word: string) =>
    (PROJECT_PLACEHOLDERS as readonly string[]).includes(word) ? values[word as ProjectPlaceholder] : whole,
  );
}

/** Placeholders a text names that the meta-record cannot fill. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1]!)
    .filter((word) => !(PROJECT_PLACEHOLDERS as readonly string[]).includes(word));
}

/** What a new project copies: the template with the account's values filled in. */
export function instantiateTemplate(template: ProjectTemplate, meta: ProjectMeta) {
  const values = placeholderValues(meta);
  const fill = (text: string) => fillPlaceholders(text, values);
  return {
    readme: fill(template.readme),
    milestones: template.milestones.map((m) => ({ ...m, description: m.description && fill(m.description) })),
    labels: template.labels.map((l) => ({ ...l })),
    issueTemplates: template.issueTemplates.map((t) => ({ ...t, description: fill(t.description) })),
    issues: template.issues.map((issue) => ({ ...issue, description: fill(issue.description) })),
  };
}

export interface ProjectIssue {
  path: (string | number)[];
  message: string;
}

/**
 * The cross-field checks of `projects` (the playbook's validation reports them with its paths):
 * unique template keys, a segment's template exists, labels and milestones an issue names exist,
 * a recurring issue's template exists, placeholders are known, yellow ≥ green.
 */
export function projectSettingsIssues(settings: ProjectSettings): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const at = (...path: (string | number)[]) => ['projects', ...path];
  const show = (path: (string | number)[]) =>
    path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  const add = (path: (string | number)[], text: string) =>
    issues.push({ path, message: `${show(path)} ${text}` });
  const keys = settings.templates.map((t) => t.key);
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) add(at('templates', i, 'key'), `duplicates another template ("${key}")`);
  });
  for (const [segment, key] of Object.entries(settings.templateBySegment))
    if (!keys.includes(key))
      add(at('templateBySegment', segment), `"${key}" is not a template key (${keys.join(', ')})`);
  settings.templates.forEach((template, t) => {
    const labelNames = template.labels.map((l) => l.name);
    const milestoneTitles = template.milestones.map((m) => m.title);
    const templateKeys = template.issueTemplates.map((i) => i.key);
    const texts: [(string | number)[], string][] = [[at('templates', t, 'readme'), template.readme]];
    labelNames.forEach((name, i) => {
      if (labelNames.indexOf(name) !== i)
        add(at('templates', t, 'labels', i, 'name'), `duplicates label "${name}"`);
    });
    template.issueTemplates.forEach((issueTemplate, i) => {
      texts.push([at('templates', t, 'issueTemplates', i, 'description'), issueTemplate.description]);
      issueTemplate.labels.forEach((name, l) => {
        if (!labelNames.includes(name))
          add(
            at('templates', t, 'issueTemplates', i, 'labels', l),
            `"${name}" is not a label of the template`,
          );
      });
    });
    template.issues.forEach((issue, i) => {
      texts.push([at('templates', t, 'issues', i, 'description'), issue.description]);
      issue.labels.forEach((name, l) => {
        if (!labelNames.includes(name))
          add(at('templates', t, 'issues', i, 'labels', l), `"${name}" is not a label of the template`);
      });
      if (issue.milestone !== null && !milestoneTitles.includes(issue.milestone))
        add(
          at('templates', t, 'issues', i, 'milestone'),
          `"${issue.milestone}" is not a milestone of the template`,
        );
      if (issue.recursFrom !== null && !templateKeys.includes(issue.recursFrom))
        add(
          at('templates', t, 'issues', i, 'recursFrom'),
          `"${issue.recursFrom}" is not an issue template of the template`,
        );
    });
    for (const [path, text] of texts) {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0)
        add(
          path,
          `names unknown placeholders ${unknown.map((w) => `{{${w}}}`).join(', ')} (known: ${PROJECT_PLACEHOLDERS.join(', ')})`,
        );
    }
  });
  const r = settings.responsiveness;
  if (r.yellowMaxDays < r.greenMaxDays)
    add(
      at('responsiveness', 'yellowMaxDays'),
      `must be at least responsiveness.greenMaxDays (${r.greenMaxDays})`,
    );
  return issues;
}
