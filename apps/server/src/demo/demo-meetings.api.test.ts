import type { AccountTeam, Agenda } from '@liaison/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { demoAdminSession, NOW, rows, seededDemoDatabase } from './demo-seed.test-helpers.ts';

// The account team meeting on the demo book (docs/meetings.md): every demo TAM's teams, and an
// agenda that lists exactly the accounts and opportunities its rules select, computed here from
// the rows with SQL of its own.
const seeded = await seededDemoDatabase();
const { database } = seeded;

describe('the account team meeting on the demo book', () => {
  const session = demoAdminSession(seeded);

  const get = async <T>(path: string): Promise<T> => {
    const response = await httpClient(session.app().http).get(path, { cookie: session.cookie() });
    expect(response.status, path).toBe(200);
    return response.body as T;
  };

  it('writes each team’s agenda with exactly the accounts and opportunities the rules select', async () => {
    const tams = await rows<{ id: string }>(
      database.db,
      sql`SELECT id FROM users WHERE 'tam' = ANY(roles) AND is_active`,
    );
    let checked = 0;
    for (const tam of tams) {
      const teams = (await get<{ items: AccountTeam[] }>(`/api/v1/account-teams?userId=${tam.id}`)).items;
      for (const team of teams.filter((candidate) => candidate.tam?.userId === tam.id)) {
        const accountIds = team.accounts.map((account) => account.accountId);
        // Every account of the team has the team's owner and TAM in their seats now.
        const seats = await rows<{ account_id: string; user_id: string; role: string }>(
          database.db,
          sql`SELECT account_id, user_id, role FROM team_assignments
              WHERE account_id = ANY(${`{${accountIds.join(',')}}`}::uuid[]) AND starts_at <= ${NOW.toISOString()}::timestamptz
                AND (ends_at IS NULL OR ends_at > ${NOW.toISOString()}::timestamptz)`,
        );
        for (const id of accountIds) {
          expect(seats.some((s) => s.account_id === id && s.role === 'tam' && s.user_id === tam.id)).toBe(
            true,
          );
          if (team.owner)
            expect(
              seats.some(
                (s) => s.account_id === id && s.role === team.owner!.role && s.user_id === team.owner!.userId,
              ),
            ).toBe(true);
        }
        const list = `{${accountIds.join(',')}}`;
        const notGreen = await rows<{ id: string }>(
          database.db,
          sql`SELECT a.id FROM accounts a LEFT JOIN account_assessments s ON s.account_id = a.id
              WHERE a.id = ANY(${list}::uuid[]) AND (a.at_risk OR s.health_colour IN ('yellow', 'red'))`,
        );
        const opportunities = await rows<{ id: string; type: string }>(
          database.db,
          sql`SELECT id, type FROM opportunities WHERE account_id = ANY(${list}::uuid[])
              AND stage NOT IN ('closed_won', 'closed_lost')`,
        );
        const agenda = await get<Agenda>(`/api/v1/account-teams/${team.key}/agenda`);
        const keys = (section: string) =>
          (agenda.sections.find((candidate) => candidate.section === section)?.items ?? [])
            .map((item) => item.key)
            .sort();
        expect(keys('not_green'), team.key).toEqual(notGreen.map((row) => `health:${row.id}`).sort());
        expect(keys('new_business'), team.key).toEqual(
          opportunities
            .filter((o) => o.type === 'new_business')
            .map((o) => `opportunity:${o.id}`)
            .sort(),
        );
        expect(keys('growth'), team.key).toEqual(
          opportunities
            .filter((o) => o.type !== 'new_business')
            .map((o) => `opportunity:${o.id}`)
            .sort(),
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
