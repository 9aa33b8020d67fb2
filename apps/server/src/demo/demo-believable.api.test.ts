import { describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { buildApp } from '../app.ts';
import { NOW, seededDemoDatabase } from './demo-seed.test-helpers.ts';

// docs/playbook.md, "A believable demo book": what a TAM and a manager see on the demo must be
// numbers a practitioner believes — P1 shares within the models' guidance, most accounts green,
// nothing absurdly overdue. A later change that breaks it fails here.
const { database, logins } = await seededDemoDatabase();

interface Portfolio {
  items: { priority: string; healthColour: string | null; priorityModel: string | null }[];
  p1Guidance: {
    model: string;
    accounts: number;
    p1: number;
    share: number;
    withinGuidance: boolean | null;
  }[];
}
interface Worklist {
  items: { kind: string; status: string; dueDate: string; accountName: string }[];
}

describe('the demo book is believable', () => {
  it('per TAM: P1 within guidance, mostly green, nothing overdue by months', async () => {
    const app = await buildApp({ db: database.db, clock: () => NOW, logLevel: 'silent' });
    try {
      const manager = logins.find((login) => login.roles.includes('tam_manager'))!;
      const anonymous = httpClient(app.http);
      const login = await anonymous.post('/api/v1/auth/login', {
        email: manager.email,
        password: manager.password,
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const overview = (await anonymous.get('/api/v1/team-overview', { cookie })).body as {
        tams: { userId: string; name: string }[];
      };
      const report: string[] = [];
      let green = 0;
      let scored = 0;
      let worstOverdue = 0;
      for (const tam of overview.tams) {
        const portfolio = (await anonymous.get(`/api/v1/portfolio?owner=${tam.userId}`, { cookie }))
          .body as Portfolio;
        for (const guidance of portfolio.p1Guidance) {
          report.push(`${tam.name} ${guidance.model}: ${guidance.p1}/${guidance.accounts} P1`);
          if (guidance.model === 'us_enterprise' && guidance.accounts >= 3) {
            expect.soft(guidance.share, `${tam.name} US P1 share`).toBeGreaterThanOrEqual(1 / 3 - 0.1);
            expect.soft(guidance.share, `${tam.name} US P1 share`).toBeLessThanOrEqual(1 / 3 + 0.1);
          }
          if (guidance.model === 'emea_enterprise' && guidance.accounts >= 5) {
            expect.soft(guidance.p1, `${tam.name} EMEA P1 accounts`).toBeGreaterThanOrEqual(5);
            expect.soft(guidance.p1, `${tam.name} EMEA P1 accounts`).toBeLessThanOrEqual(8);
          }
        }
        for (const item of portfolio.items) {
          if (item.healthColour === null) continue;
          scored += 1;
          if (item.healthColour === 'green') green += 1;
        }
        const week = (await anonymous.get(`/api/v1/worklist?owner=${tam.userId}`, { cookie }))
          .body as Worklist;
        for (const item of week.items) {
          const late = Math.round((NOW.getTime() - Date.parse(`${item.dueDate}T00:00:00Z`)) / 86_400_000);
          if (late > worstOverdue) worstOverdue = late;
          expect.soft(late, `${tam.name}: ${item.kind} for ${item.accountName}`).toBeLessThan(120);
        }
      }
      console.log(report.join('\n'), `\ngreen ${green}/${scored}, worst overdue ${worstOverdue} days`);
      expect(green / scored).toBeGreaterThan(0.6);
    } finally {
      await app.http.close();
    }
  });
});
