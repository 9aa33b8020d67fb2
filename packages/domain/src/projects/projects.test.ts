import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../playbook/parse-playbook.ts';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import { defaultProjectSettings } from './default-projects.ts';
import {
  fillPlaceholders,
  instantiateTemplate,
  type ProjectMeta,
  placeholderValues,
  templateFor,
} from './project-rules.ts';

const meta: ProjectMeta = {
  customer: 'Acme Corp',
  team: { sal: 'Sam Lee', sa: 'Ada Byron', tam: 'Tia Moss', ae: 'Al Earl' },
  segment: 'enterprise',
  successPlan: {
    status: 'active',
    strategy: 'Move every team to one platform.',
    objectives: [
      { title: 'CI for 40 teams', status: 'green', dueDate: '2026-06-30' },
      { title: 'Security scanning', status: 'yellow', dueDate: null },
    ],
  },
};

describe('which template an account gets', () => {
  it.each([
    ['enterprise', 'enterprise'],
    ['public_sector', 'enterprise'],
    ['mid_market', 'commercial'],
    ['smb', 'commercial'],
  ] as const)('%s → %s', (segment, key) => {
    expect(templateFor(defaultProjectSettings, segment).key).toBe(key);
  });
});

describe('placeholders filled from the meta-record', () => {
  it.each([
    ['{{customer}}', meta, 'Acme Corp'],
    ['{{ tam }}', meta, 'Tia Moss'],
    ['{{account_owner}}', meta, 'Sam Lee'],
    ['{{account_owner}}', { ...meta, segment: 'smb' }, 'Al Earl'],
    ['{{sa}}', { ...meta, team: {} }, '_to be named_'],
    ['{{success_plan}}', meta, 'Our success plan is active. Move every team to one platform.'],
    ['{{objectives}}', meta, '- CI for 40 teams (by 2026-06-30)\n- Security scanning'],
    ['{{objectives}}', { ...meta, successPlan: null }, '_No objectives yet._'],
    ['{{unknown}} stays', meta, '{{unknown}} stays'],
  ] as [string, ProjectMeta, string][])('%s', (text, values, expected) => {
    expect(fillPlaceholders(text, placeholderValues(values))).toBe(expected);
  });

  it('a new project copies the template with everything filled', () => {
    const copy = instantiateTemplate(templateFor(defaultProjectSettings, 'enterprise'), meta);
    expect(copy.readme).toContain('# Acme Corp and our collaboration project');
    expect(copy.readme).not.toMatch(/\{\{/);
    expect(copy.issues.map((i) => i.title)).toEqual(
      expect.arrayContaining(['Welcome call', 'Meeting agenda']),
    );
    expect(copy.issues.find((i) => i.title === 'Welcome call')!.description).toContain('Tia Moss');
    expect(copy.labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(['question', 'feature request', 'upgrade', 'training', 'health']),
    );
    expect(copy.milestones.map((m) => m.title)).toEqual(
      expect.arrayContaining(['Kick-off', 'Onboarding', 'Success plan review']),
    );
    expect(copy.issueTemplates.map((t) => t.key)).toEqual(
      expect.arrayContaining(['meeting_agenda', 'feature_request']),
    );
  });
});

describe('the projects section of the playbook', () => {
  const withProjects = (change: (p: typeof defaultProjectSettings) => unknown) => {
    const projects = structuredClone(defaultProjectSettings);
    change(projects);
    return parsePlaybook({ ...structuredClone(defaultPlaybook), projects });
  };

  it('the defaults are valid, and a playbook without the section takes them', () => {
    const { projects: _left, ...older } = structuredClone(defaultPlaybook);
    const parsed = parsePlaybook(older);
    expect(parsed.ok && parsed.playbook.projects).toEqual(defaultProjectSettings);
  });

  it.each([
    [
      'a duplicated template key',
      (p) => (p.templates[1]!.key = 'enterprise'),
      'projects.templates[1].key duplicates',
    ],
    [
      'a segment naming no template',
      (p) => (p.templateBySegment.smb = 'startup'),
      'projects.templateBySegment.smb "startup" is not a template key',
    ],
    [
      'an issue with an unknown label',
      (p) => p.templates[0]!.issues[0]!.labels.push('urgent'),
      '"urgent" is not a label',
    ],
    [
      'an issue with an unknown milestone',
      (p) => (p.templates[0]!.issues[0]!.milestone = 'Launch'),
      '"Launch" is not a milestone',
    ],
    ['an unknown placeholder', (p) => (p.templates[0]!.readme += '{{arr}}'), 'unknown placeholders {{arr}}'],
    [
      'a recurring issue without its template',
      (p) => (p.templates[0]!.issues[1]!.recursFrom = 'retro'),
      '"retro" is not an issue template',
    ],
    [
      'yellow below green',
      (p) => (p.responsiveness.yellowMaxDays = 0.5),
      'projects.responsiveness.yellowMaxDays must be at least',
    ],
  ] as [string, (p: typeof defaultProjectSettings) => void, string][])(
    'refuses %s',
    (_name, change, message) => {
      const parsed = withProjects(change);
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.issues.map((i) => i.message).join('\n')).toContain(message);
    },
  );
});
