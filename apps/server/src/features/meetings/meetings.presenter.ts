import type { AccountTeam, Agenda, TeamMeeting } from '@liaison/contracts';
import { AGENDA_SECTION_TITLES, AGENDA_SECTIONS, type AgendaItem } from '@liaison/domain';
import type { TeamMeetingRow } from './meetings.store.ts';

export function sectionsOf(items: readonly AgendaItem[]): Agenda['sections'] {
  return AGENDA_SECTIONS.map((section) => ({
    section,
    title: AGENDA_SECTION_TITLES[section],
    items: items.filter((item) => item.section === section),
  })).filter((section) => section.items.length > 0);
}

function teamLine(team: Pick<AccountTeam, 'owner' | 'tam' | 'sas'>): string {
  const people = [
    team.owner ? `${team.owner.role.toUpperCase()} ${team.owner.name}` : null,
    ...team.sas.map((sa) => `SA ${sa.name}`),
    team.tam ? `TAM ${team.tam.name}` : 'no TAM',
  ].filter(Boolean);
  return people.join(' · ');
}

const line = (item: AgendaItem) =>
  `- ${item.accountName && item.accountName !== item.title ? `**${item.accountName}** — ` : ''}${item.title}: ${item.detail}`;

/** The agenda as Markdown, to print or paste into the meeting's invitation. */
export function agendaMarkdown(team: AccountTeam, items: readonly AgendaItem[], on: string): string {
  const out = [`# Account team meeting — ${on}`, '', teamLine(team), ''];
  if (items.length === 0) out.push('Nothing on the agenda: every account is green and nothing is open.');
  for (const section of sectionsOf(items))
    out.push(`## ${section.title}`, '', ...section.items.map(line), '');
  return `${out.join('\n').trimEnd()}\n`;
}

export function presentMeeting(
  row: TeamMeetingRow,
  actionItems: readonly { text: string; owner: string | null; accountName: string | null }[],
): TeamMeeting {
  const agenda = row.agenda as AgendaItem[];
  const notes = row.notes as TeamMeeting['notes'];
  const decisions = row.decisions as string[];
  const out = [`# Account team meeting — ${row.heldAt.slice(0, 10)}`, ''];
  for (const section of sectionsOf(agenda)) {
    out.push(`## ${section.title}`, '');
    for (const item of section.items) {
      out.push(line(item));
      for (const note of notes.filter((n) => n.itemKey === item.key)) out.push(`  - Note: ${note.text}`);
    }
    out.push('');
  }
  if (decisions.length > 0) out.push('## Decisions', '', ...decisions.map((decision) => `- ${decision}`), '');
  if (actionItems.length > 0)
    out.push(
      '## Action items',
      '',
      ...actionItems.map(
        (item) =>
          `- ${item.text}${item.owner ? ` (${item.owner})` : ''}${item.accountName ? ` — ${item.accountName}` : ''}`,
      ),
      '',
    );
  return {
    id: row.id,
    version: row.version,
    teamKey: row.teamKey,
    heldAt: new Date(row.heldAt).toISOString(),
    agenda,
    notes,
    decisions,
    activityIds: row.activityIds as string[],
    taskIds: row.taskIds as string[],
    createdBy: row.createdByName,
    markdown: `${out.join('\n').trimEnd()}\n`,
  };
}
