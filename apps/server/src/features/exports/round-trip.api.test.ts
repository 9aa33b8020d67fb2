import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { download, fixture, importCsv } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

const OBJECTS = ['users', 'accounts', 'contacts', 'opportunities', 'activities'] as const;

async function exportAll(app: Awaited<ReturnType<typeof createTestApp>>) {
  const files: Record<string, string> = {};
  for (const object of OBJECTS) {
    const response = await download(app, `/api/v1/exports/${object}.csv`);
    expect(response.status).toBe(200);
    files[object] = response.text;
  }
  return files;
}

describe('round trip', () => {
  it('export → import into an empty database → export gives identical files', async () => {
    // A book with both kinds of record: imported from Salesforce (with Ids) and made in Liaison.
    const source = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });
    const f = factories(source);
    const api = f.admin;
    for (const object of OBJECTS) {
      const job = await importCsv(source, object, fixture(`salesforce-${object}.csv`));
      expect(job.status).toBe('completed');
    }
    const tam = await f.buildUser({
      name: 'Dana  Native',
      email: 'dana@example.com',
      roles: ['tam'],
      region: 'apac',
    });
    const sal = await f.buildUser({ name: 'Eve', email: 'eve@example.com', roles: ['sal'] });
    const parent = await f.buildAccount({
      name: 'Native Holdings, Inc.',
      // Formula-looking cells: exports leave them alone unless asked (protectFormulas).
      industry: '=Platform+Tools @HQ',
      segment: 'enterprise',
      region: 'apac',
      plan: 'ultimate',
      arr: 987_654.32,
      lam: 1200,
      stagesAdopted: ['plan', 'secure'],
      relationshipStage: 'customer',
      sentiment: 'yellow',
      sentimentReason: 'Budget review,\n"cautious"',
      qualifyUp: { keyLogo: true, caseStudy: false, channelInitiative: true, triageMoreAttention: false },
      atRisk: true,
      renewalDate: '2027-01-31',
      firstValueAt: '2025-05-05T05:05:05.005Z',
      team: { tam: tam.user, sal: sal.user },
    });
    const child = await f.buildAccount({
      name: 'Native Child',
      segment: 'smb',
      region: 'apac',
      parentAccountId: parent.id,
    });
    const acme = (await api.get('/api/v1/accounts?q=Acme%20Corp')).body.items[0];
    await api.patch(`/api/v1/accounts/${child.id}`, { parentAccountId: acme.id, version: 1 });
    await f.buildContact(parent, {
      name: 'Zoë  van der Berg',
      email: 'zoe@native.example',
      title: 'Head of "Platform", EMEA',
      stakeholderRoles: ['technical_contact'],
    });
    await f.buildOpportunity(parent, {
      name: '-10% Native expansion',
      type: 'tier_upgrade',
      stage: 'proposal',
      amount: -1500.5,
      closeDate: '2026-11-30',
    });
    await f.buildActivity(child, {
      kind: 'ebr',
      summary: 'EBR with the board',
      occurredAt: '2026-02-27T16:30:00.000Z',
      notes: 'Line one\nLine two, with a comma\r\nand "quotes"\rbare CR',
      purposes: ['renewal_review'],
    });

    const first = await exportAll(source);
    expect(first.accounts).toContain(',=Platform+Tools @HQ,');
    expect(first.accounts!.split('\r\n')[0]).toBe(
      'Id,Liaison_Id__c,Name,ParentId,Industry,OwnerId,TAM__c,Segment__c,Region__c,Plan__c,ARR__c,Licensed_Users__c,Active_Users__c,LAM__c,Stages_Adopted__c,Relationship_Stage__c,Renewal_Date__c,Contract_Start__c,TAM_Sentiment__c,TAM_Sentiment_Set_At__c,TAM_Sentiment_Reason__c,At_Risk__c,Onboarding_Started_At__c,Onboarding_Completed_At__c,First_Value_At__c,Key_Logo__c,Case_Study__c,Channel_Initiative__c,Triage_More_Attention__c,Last_Priority_Review_At__c,Support_Tickets_Tracked__c',
    );

    const target = await createTestApp({ now: '2026-04-01T12:00:00.000Z' });
    for (const object of OBJECTS) {
      const job = await importCsv(target, object, first[object]!);
      expect([object, job.status, job.errors.sample]).toEqual([object, 'completed', []]);
    }
    const second = await exportAll(target);
    for (const object of OBJECTS) expect(second[object]).toBe(first[object]);
    // Native records keep their ids; Salesforce records their Ids.
    const copy = (await httpClient(target.http, target.adminToken).get(`/api/v1/accounts/${parent.id}`)).body;
    expect(copy).toMatchObject({
      name: 'Native Holdings, Inc.',
      arr: 987_654.32,
      sentimentReason: 'Budget review,\n"cautious"',
    });
    expect(
      copy.team.map((member: { role: string; userName: string }) => [member.role, member.userName]),
    ).toEqual([
      ['sal', 'Eve'],
      ['tam', 'Dana  Native'],
    ]);
  });
});
