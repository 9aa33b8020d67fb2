import { defaultPlaybook, type Playbook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { createEmeaParametersService } from './emea-parameters.service.ts';

const app = await createTestApp({ now: '2026-02-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

describe('priority initiatives', () => {
  it('keeps dated initiatives with their hours, each change in the history', async () => {
    const account = await f.buildAccount({ name: 'Initiative SA' });
    const migration = await admin.post(`/api/v1/accounts/${account.id}/initiatives`, {
      kind: 'infrastructure_change',
      description: 'Move from self-managed to Dedicated',
      startsOn: '2026-02-01',
      endsOn: '2026-04-30',
      hoursPerWeek: 4,
    });
    expect(migration.status).toBe(201);
    expect(migration.body).toMatchObject({ version: 1, endsOn: '2026-04-30', hoursPerWeek: 4 });
    const adoption = await admin.post(`/api/v1/accounts/${account.id}/initiatives`, {
      kind: 'stage_adoption',
      description: 'Adopt the secure stage',
      startsOn: '2026-01-15',
      hoursPerWeek: 2.5,
    });
    expect(adoption.body.endsOn).toBeNull();
    const list = await admin.get(`/api/v1/accounts/${account.id}/initiatives`);
    expect(list.body.items.map((i: { kind: string }) => i.kind)).toEqual([
      'stage_adoption',
      'infrastructure_change',
    ]);

    app.setNow('2026-02-15T00:00:00.000Z');
    const oneDay = await admin.patch(`/api/v1/initiatives/${migration.body.id}`, {
      endsOn: '2026-02-01',
      hoursPerWeek: 1.5,
      version: 1,
    });
    expect(oneDay.status).toBe(200);
    expect(oneDay.body).toMatchObject({ startsOn: '2026-02-01', endsOn: '2026-02-01', version: 2 });
    expect(
      (await admin.patch(`/api/v1/initiatives/${migration.body.id}`, { hoursPerWeek: 3, version: 1 })).status,
    ).toBe(409);
    app.setNow('2026-03-01T00:00:00.000Z');
    expect((await admin.delete(`/api/v1/initiatives/${adoption.body.id}?version=1`)).status).toBe(204);

    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=initiative`)).body
      .items;
    expect(history.map((e: { operation: string }) => e.operation)).toEqual([
      'delete',
      'update',
      'create',
      'create',
    ]);
    expect(history[1].changes).toEqual([
      { field: 'endsOn', before: '2026-04-30', after: '2026-02-01' },
      { field: 'hoursPerWeek', before: 4, after: 1.5 },
    ]);
    const diff = await admin.get(
      `/api/v1/accounts/${account.id}/diff?from=2026-02-10T00:00:00Z&to=2026-03-02T00:00:00Z`,
    );
    expect(
      diff.body.entities.map((e: { label: string; change: string }) => `${e.label}:${e.change}`),
    ).toEqual([
      'infrastructure_change: Move from self-managed to Dedicated:changed',
      'stage_adoption: Adopt the secure stage:removed',
    ]);
  });

  it('refuses an end before the start and invalid fields, with their paths', async () => {
    const account = await f.buildAccount({ name: 'Backwards BV' });
    const backwards = await admin.post(`/api/v1/accounts/${account.id}/initiatives`, {
      kind: 'stage_adoption',
      description: 'Adopt plan',
      startsOn: '2026-03-01',
      endsOn: '2026-02-28',
      hoursPerWeek: 3,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([
      { path: 'body.endsOn', message: 'must be on or after startsOn' },
    ]);
    const invalid = await admin.post(`/api/v1/accounts/${account.id}/initiatives`, {
      kind: 'migration',
      description: '',
      startsOn: '2026-13-01',
      hoursPerWeek: 100,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.description',
      'body.hoursPerWeek',
      'body.kind',
      'body.startsOn',
    ]);
    const created = await admin.post(`/api/v1/accounts/${account.id}/initiatives`, {
      kind: 'stage_adoption',
      description: 'Adopt plan',
      startsOn: '2026-03-01',
      hoursPerWeek: 3,
    });
    const moved = await admin.patch(`/api/v1/initiatives/${created.body.id}`, {
      endsOn: '2026-01-01',
      version: 1,
    });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details[0].path).toBe('body.endsOn');
    expect(
      (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=initiative`)).body.items,
    ).toHaveLength(1);

    const viewer = await f.buildUser({ roles: ['viewer'] });
    expect((await viewer.get(`/api/v1/accounts/${account.id}/initiatives`)).status).toBe(200);
    expect(
      (
        await viewer.post(`/api/v1/accounts/${account.id}/initiatives`, {
          kind: 'stage_adoption',
          description: 'Nope',
          startsOn: '2026-03-01',
          hoursPerWeek: 3,
        })
      ).status,
    ).toBe(403);
    expect((await viewer.delete(`/api/v1/initiatives/${created.body.id}?version=1`)).status).toBe(403);
  });
});

describe('EMEA parameters', () => {
  it("records the playbook's parameters with dates and refuses unknown ones", async () => {
    const account = await f.buildAccount({ name: 'Parameter GmbH' });
    const handover = await admin.post(`/api/v1/accounts/${account.id}/emea-parameters`, {
      parameter: 'tam_handover',
      note: 'Ann hands over to Bob',
      startsOn: '2026-02-01',
      endsOn: '2026-03-31',
    });
    expect(handover.status).toBe(201);
    expect(handover.body).toMatchObject({ parameter: 'tam_handover', version: 1, accountId: account.id });

    const unknown = await admin.post(`/api/v1/accounts/${account.id}/emea-parameters`, {
      parameter: 'gut_feeling',
      startsOn: '2026-02-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('body.parameter');
    for (const parameter of defaultPlaybook.priority.emeaEnterprise.parameters) {
      expect(unknown.body.error.details[0].message).toContain(parameter.id);
    }
    const malformed = await admin.post(`/api/v1/accounts/${account.id}/emea-parameters`, {
      parameter: 'Not An Id',
      startsOn: 'soon',
    });
    expect(malformed.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.parameter',
      'body.startsOn',
    ]);
    const backwards = await admin.post(`/api/v1/accounts/${account.id}/emea-parameters`, {
      parameter: 'organisational_change',
      startsOn: '2026-02-01',
      endsOn: '2026-01-31',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('body.endsOn');

    app.setNow('2026-03-05T00:00:00.000Z');
    const renamed = await admin.patch(`/api/v1/emea-parameters/${handover.body.id}`, {
      parameter: 'made_up',
      version: 1,
    });
    expect(renamed.status).toBe(400);
    const ended = await admin.patch(`/api/v1/emea-parameters/${handover.body.id}`, {
      endsOn: '2026-03-04',
      version: 1,
    });
    expect(ended.body).toMatchObject({ endsOn: '2026-03-04', version: 2 });
    expect((await admin.delete(`/api/v1/emea-parameters/${handover.body.id}?version=1`)).status).toBe(409);
    expect((await admin.delete(`/api/v1/emea-parameters/${handover.body.id}?version=2`)).status).toBe(204);
    expect((await admin.get(`/api/v1/accounts/${account.id}/emea-parameters`)).body.items).toEqual([]);
    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=emea_parameter`)).body
      .items;
    expect(history.map((e: { operation: string }) => e.operation)).toEqual(['delete', 'update', 'create']);

    const viewer = await f.buildUser({ roles: ['viewer'] });
    const denied = await viewer.post(`/api/v1/accounts/${account.id}/emea-parameters`, {
      parameter: 'tam_handover',
      startsOn: '2026-03-01',
    });
    expect(denied.status).toBe(403);
  });

  it('follows the playbook it is given', async () => {
    const account = await f.buildAccount({ name: 'Custom Playbook Ltd' });
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    const custom: Playbook = structuredClone(defaultPlaybook);
    custom.priority.emeaEnterprise.parameters = [
      { id: 'board_visit', label: 'Board visit', example: 'CEO visit' },
    ];
    const service = createEmeaParametersService(app.database.db, { playbook: () => custom });
    const context: RequestContext = {
      user: me,
      actor: { type: 'api_token', id: me.id, name: me.name },
      now: new Date('2026-03-05T00:00:00.000Z'),
      requestId: 'custom-playbook',
    };
    const recorded = await service.create(context, account.id, {
      parameter: 'board_visit',
      startsOn: '2026-03-01',
    });
    expect(recorded.parameter).toBe('board_visit');
    await expect(
      service.create(context, account.id, { parameter: 'tam_handover', startsOn: '2026-03-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.parameter' }] });
  });
});
