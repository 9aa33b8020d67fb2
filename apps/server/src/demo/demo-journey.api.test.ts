import type { AccountJourney } from '@liaison/contracts';
import {
  type RaciRole,
  resolveRole,
  stageRank,
  WORKFLOW_KINDS,
  type WorkflowTemplate,
} from '@liaison/domain';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { DAY_MS, demoAdminSession, NOW, rows, seededDemoDatabase } from './demo-seed.test-helpers.ts';

// The demo book has accounts at every step of the journey and in each workflow (issue #14):
// what the Journey tab, the steps a person owes and the manager's overview show on a first start.
const seeded = await seededDemoDatabase();
const { database, logins } = seeded;

interface Instance {
  id: string;
  account_id: string;
  kind: string;
  status: string;
  template: WorkflowTemplate;
  context: { tam: { userId: string; name: string } | null };
  segment: 'enterprise' | 'public_sector' | 'mid_market' | 'smb';
  region: string;
}
interface Step {
  instance_id: string;
  step_id: string;
  position: number;
  state: string;
  opened_at: string | null;
  due_on: string | null;
  responsible_user_id: string | null;
}

let instances: Instance[] = [];
let steps: Step[] = [];
const open = (step: Step) => step.opened_at !== null && step.state !== 'done' && step.state !== 'skipped';
const current = (instance: Instance) =>
  steps
    .filter((step) => step.instance_id === instance.id && open(step))
    .sort((a, b) => a.position - b.position)[0];

beforeAll(async () => {
  instances = await rows<Instance>(
    database.db,
    sql`SELECT w.id, w.account_id, w.kind, w.status, w.template, w.context, a.segment, a.region
        FROM workflow_instances w JOIN accounts a ON a.id = w.account_id`,
  );
  steps = await rows<Step>(
    database.db,
    sql`SELECT instance_id, step_id, position, state, opened_at, due_on::text, responsible_user_id
        FROM workflow_steps ORDER BY instance_id, position`,
  );
});

describe('the demo journeys', () => {
  it('every one of the 21 steps is the current step of some account', () => {
    const journeys = instances.filter(
      (instance) => instance.kind === 'journey' && instance.status === 'active',
    );
    const currentSteps = new Set(journeys.map((instance) => current(instance)?.step_id));
    const all = Array.from({ length: 21 }, (_, index) => String(index + 1));
    expect(all.filter((id) => !currentSteps.has(id))).toEqual([]);
  });

  it('each workflow kind is running; the handoff waits for the TAM to accept', () => {
    for (const kind of WORKFLOW_KINDS)
      expect(
        instances.some((i) => i.kind === kind && i.status === 'active'),
        kind,
      ).toBe(true);
    const handoffs = instances.filter((i) => i.kind === 'sa_tam_handoff' && i.status === 'active');
    expect(handoffs.some((instance) => current(instance)?.step_id === 'accept')).toBe(true);
  });

  it('each open step names who the engine would name now: on the team in the role, or the named TAM', async () => {
    const team = await rows<{ account_id: string; userId: string; name: string; role: string }>(
      database.db,
      sql`SELECT t.account_id, u.id AS "userId", u.name, t.role FROM team_assignments t
          JOIN users u ON u.id = t.user_id
          WHERE t.starts_at <= ${NOW.toISOString()} AND (t.ends_at IS NULL OR t.ends_at > ${NOW.toISOString()})
          ORDER BY t.starts_at`,
    );
    const managers = await rows<{ userId: string; name: string; region: string }>(
      database.db,
      sql`SELECT id AS "userId", name, region FROM users WHERE is_active AND 'tam_manager' = ANY(roles) ORDER BY name`,
    );
    const wrong: string[] = [];
    for (const instance of instances) {
      for (const step of steps.filter((s) => s.instance_id === instance.id && open(s))) {
        const role = instance.template.steps.find((s) => s.id === step.step_id)!.responsible as RaciRole;
        const { person } = resolveRole(role, {
          segment: instance.segment,
          team: team.filter((member) => member.account_id === instance.account_id) as never,
          managers: [...managers].sort(
            (a, b) => Number(b.region === instance.region) - Number(a.region === instance.region),
          ),
          designatedTam: instance.context.tam,
        });
        if (!person || person.userId !== step.responsible_user_id)
          wrong.push(
            `${instance.kind} ${step.step_id} on ${instance.account_id}: ${person?.name ?? 'nobody'}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it("every done step was done by the person it named (a named TAM completes the handoff's first)", async () => {
    const others = await rows<{ kind: string; step_id: string }>(
      database.db,
      sql`SELECT w.kind, s.step_id FROM workflow_steps s JOIN workflow_instances w ON w.id = s.instance_id
          WHERE s.state = 'done' AND s.completed_by IS DISTINCT FROM s.responsible_user_id
            AND NOT (w.kind = 'sa_tam_handoff' AND s.step_id = 'align_tam' AND s.completed_by IS NULL)`,
    );
    expect(others).toEqual([]);
  });

  it('puts nobody on a team twice in one role at once', async () => {
    const overlapping = await rows(
      database.db,
      sql`SELECT a.account_id, a.role FROM team_assignments a JOIN team_assignments b
            ON a.account_id = b.account_id AND a.user_id = b.user_id AND a.role = b.role AND a.id < b.id
          WHERE a.starts_at < coalesce(b.ends_at, 'infinity') AND b.starts_at < coalesce(a.ends_at, 'infinity')`,
    );
    expect(overlapping).toEqual([]);
  });

  it('a few open steps are overdue, none by more than 120 days', () => {
    const today = NOW.toISOString().slice(0, 10);
    const late = steps
      .filter((step) => open(step) && step.due_on !== null && step.due_on < today)
      .map((step) => (Date.parse(today) - Date.parse(step.due_on!)) / DAY_MS);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...late)).toBeLessThanOrEqual(120);
  });

  it('every workflow, step, artefact and sign-off has its history', async () => {
    const missing = await rows<{ kind: string; count: number }>(
      database.db,
      sql`SELECT 'workflow_instance' AS kind, count(*)::int AS count FROM workflow_instances w
            WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.entity_type = 'workflow_instance' AND h.entity_id = w.id)
          UNION ALL SELECT 'workflow_step', count(*)::int FROM workflow_steps s
            WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.entity_type = 'workflow_step' AND h.entity_id = s.id)
          UNION ALL SELECT 'artefact', count(*)::int FROM artefacts a
            WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.entity_type = 'artefact' AND h.entity_id = a.id)
          UNION ALL SELECT 'sign_off', count(*)::int FROM sign_offs o
            WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.entity_type = 'sign_off' AND h.entity_id = o.id)`,
    );
    expect(missing.filter((row) => row.count > 0)).toEqual([]);
  });
});

describe('the journey API on the demo accounts', () => {
  const session = demoAdminSession(seeded);

  it('answers for every account with workflows, the current step as stored', async () => {
    const client = httpClient(session.app().http);
    for (const accountId of new Set(instances.map((instance) => instance.account_id))) {
      const response = await client.get(`/api/v1/accounts/${accountId}/journey`, {
        cookie: session.cookie(),
      });
      expect(response.status, accountId).toBe(200);
      const body = response.body as AccountJourney;
      const stored = instances.filter((instance) => instance.account_id === accountId);
      // A disengagement runs where the assessment flags the account a candidate (its TAM still on).
      if (stored.some((instance) => instance.kind === 'disengagement'))
        expect(body.disengagementCandidate).toBe(true);
      expect(body.workflows.length).toBe(stored.length);
      for (const workflow of body.workflows) {
        const instance = stored.find((candidate) => candidate.id === workflow.id)!;
        expect(workflow.status).toBe(instance.status);
        const now = current(instance);
        expect(workflow.progress.current?.split('.')[0] ?? null).toBe(now?.step_id ?? null);
        for (const step of workflow.steps.filter((s) => s.open))
          expect(step.responsible.person, `${workflow.kind} ${step.stepId}`).not.toBeNull();
        // No stage move left a required output behind (no gate was passed with a reason).
        const reached = workflow.furthestStage ? stageRank(workflow.furthestStage) : -1;
        const behind = workflow.steps.filter(
          (s) =>
            s.output?.required &&
            s.opportunityStage !== null &&
            stageRank(s.opportunityStage) < reached &&
            s.state !== 'skipped' &&
            !s.output.present,
        );
        expect(behind.map((s) => `${workflow.kind} ${s.stepId}`)).toEqual([]);
        expect(workflow.gateOverrides).toEqual([]);
        // Done as the API lets a step be done: its required output there, its sign-offs complete.
        const incomplete = workflow.steps.filter(
          (s) => s.state === 'done' && ((s.output?.required && !s.output.present) || !s.signOff.complete),
        );
        expect(incomplete.map((s) => `${workflow.kind} ${s.stepId}`)).toEqual([]);
      }
    }
  });

  it('gives the AE, SAL, SA and TAM who sign in steps they owe', async () => {
    const client = httpClient(session.app().http);
    for (const role of ['ae', 'sal', 'sa', 'tam']) {
      const who = logins.find((login) => login.roles.includes(role))!;
      const login = await client.post('/api/v1/auth/login', { email: who.email, password: who.password });
      const theirs = String(login.headers['set-cookie']).split(';')[0]!;
      const page = await client.get('/api/v1/workflow-steps?responsible=me&open=true', { cookie: theirs });
      expect(page.status).toBe(200);
      expect((page.body as { items: unknown[] }).items.length, who.email).toBeGreaterThan(0);
    }
  });

  it("shows the SA's home their prospects' journeys and the workflows they run with the TAM", async () => {
    const client = httpClient(session.app().http);
    const sa = logins.find((login) => login.roles.includes('sa'))!;
    const login = await client.post('/api/v1/auth/login', { email: sa.email, password: sa.password });
    const home = await client.get('/api/v1/home', {
      cookie: String(login.headers['set-cookie']).split(';')[0]!,
    });
    expect(home.status).toBe(200);
    const sections = home.body as { presales: { journey: unknown }[]; handoffs: unknown[] };
    expect(sections.presales.filter((account) => account.journey !== null).length).toBeGreaterThan(0);
    expect(sections.handoffs.length).toBeGreaterThan(0);
  });

  it('the manager overview counts the demo steps, some overdue', async () => {
    const response = await httpClient(session.app().http).get('/api/v1/journey/overview', {
      cookie: session.cookie(),
    });
    expect(response.status).toBe(200);
    const body = response.body as {
      workflows: { kind: string; steps: { open: number; overdue: number }[] }[];
    };
    const journey = body.workflows.find((workflow) => workflow.kind === 'journey')!;
    expect(journey.steps.every((step) => step.open > 0)).toBe(true);
    expect(body.workflows.flatMap((workflow) => workflow.steps).some((step) => step.overdue > 0)).toBe(true);
  });
});
