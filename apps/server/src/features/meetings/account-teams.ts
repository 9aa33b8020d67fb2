import type { AccountTeam } from '@liaison/contracts';
import { type MeetingCadence, meetingCadence, type TeamMeetingSettings } from '@liaison/domain';
import type { TeamRow } from './meetings.read-model.ts';

/** An account's owner in a meeting's sense: Enterprise and Public Sector the SAL, else the AE. */
function ownerOf(rows: readonly TeamRow[]) {
  const enterprise = rows[0]?.segment === 'enterprise' || rows[0]?.segment === 'public_sector';
  const order = enterprise ? ['sal', 'ae'] : ['ae', 'sal'];
  for (const role of order) {
    const row = rows.find((candidate) => candidate.role === role);
    if (row) return { userId: row.user_id, name: row.user_name, role: role as 'sal' | 'ae' };
  }
  return null;
}

export const teamKeyOf = (ownerId: string | null, tamId: string | null) =>
  `${ownerId ?? 'none'}~${tamId ?? 'none'}`;

export interface GroupedTeam extends Omit<AccountTeam, 'lastMeeting' | 'nextOn'> {
  cadence: MeetingCadence;
}

/**
 * The account teams around a person (docs/meetings.md): their accounts grouped by the owner
 * (SAL or AE) and the TAM they share, with the SAs on them and the cadence the playbook gives.
 */
export function groupTeams(rows: readonly TeamRow[], settings: TeamMeetingSettings): GroupedTeam[] {
  const byAccount = new Map<string, TeamRow[]>();
  for (const row of rows) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
  const teams = new Map<string, GroupedTeam & { tiers: (string | null)[] }>();
  for (const [accountId, seats] of byAccount) {
    const owner = ownerOf(seats);
    const tamRow = seats.find((seat) => seat.role === 'tam');
    const tam = tamRow ? { userId: tamRow.user_id, name: tamRow.user_name } : null;
    const key = teamKeyOf(owner?.userId ?? null, tam?.userId ?? null);
    const team = teams.get(key) ?? {
      key,
      owner,
      tam,
      sas: [],
      accounts: [],
      tiers: [],
      cadence: meetingCadence([], settings),
    };
    team.accounts.push({ accountId, name: seats[0]?.account_name ?? '' });
    team.tiers.push(seats[0]?.tier ?? null);
    for (const sa of seats.filter((seat) => seat.role === 'sa'))
      if (!team.sas.some((known) => known.userId === sa.user_id))
        team.sas.push({ userId: sa.user_id, name: sa.user_name });
    teams.set(key, team);
  }
  return [...teams.values()].map(({ tiers, ...team }) => ({
    ...team,
    cadence: meetingCadence(tiers, settings),
  }));
}
