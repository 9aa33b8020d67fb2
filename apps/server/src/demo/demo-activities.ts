import type { ActionItem } from '@liaison/contracts';
import type { Assessment } from '@liaison/domain';
import { activities } from '../db/schema.ts';
import { type ActivityRow, presentActivity } from '../features/activities/index.ts';
import { planActivities } from './demo-activity-plan.ts';
import type { People } from './demo-contacts.ts';
import type { AccountPlan } from './demo-model.ts';
import { derivedUuid, Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { userActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { ACTION_ITEMS, NOTE_DETAILS, NOTE_OPENERS, SUMMARIES, TOPICS } from './demo-text-activities.ts';
import { type DemoClock, plusMinutes, productVersionAt } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

type Fields = Pick<
  ActivityRow,
  | 'kind'
  | 'occurredAt'
  | 'summary'
  | 'notes'
  | 'attendees'
  | 'actionItems'
  | 'externalIds'
  | 'createdByUserId'
  | 'purposes'
>;

/** The timeline rows (with history: logged after the meeting, action items ticked off later). */
export function buildActivityRows(
  plans: AccountPlan[],
  team: Team,
  people: People,
  clock: DemoClock,
  log: HistoryLog,
  forecast: Map<string, Assessment>,
): ActivityRow[] {
  const random = new Random('liaison-demo/activities');
  const ids = new Random('liaison-demo/activity-ids');
  const row = rowsOf(activities);
  const specs = planActivities(plans, team, clock, random, forecast).sort(
    (left, right) => left.at.getTime() - right.at.getTime(),
  );
  const rows: ActivityRow[] = [];
  for (const spec of specs) {
    const { plan, at } = spec;
    const present = people.at(plan.id, at);
    const chosen = new Set<string>();
    for (const role of spec.contactRoles) {
      if (chosen.size >= spec.contactCount) break;
      const contact = present.find(
        (candidate) => candidate.roles.includes(role) && !chosen.has(candidate.id),
      );
      if (contact) chosen.add(contact.id);
    }
    const attendees = present.filter((contact) => chosen.has(contact.id));
    const [major, minor] = productVersionAt(at, 0, 0).split('.');
    const fill = (template: string) =>
      template
        .replace('{topic}', random.pick(TOPICS))
        .replace('{version}', `${major}.${minor}`)
        .replace('{contact}', attendees[0]?.name ?? present[0]?.name ?? 'the customer')
        .replace(
          '{adoption}',
          String(
            plan.final.licensedUsers > 0
              ? Math.round((100 * plan.final.activeUsers) / plan.final.licensedUsers)
              : 60,
          ),
        );
    const owners = [spec.creator, ...spec.staff];
    const dueDays = Array.from({ length: spec.actionItems }, () => clock.dayOf(at) + random.int(5, 21));
    // Drawn before the items: their ids derive from it (docs/tasks.md, Action items).
    const id = ids.uuid();
    const items: ActionItem[] = random.sample(ACTION_ITEMS, spec.actionItems).map((text, index) => ({
      id: derivedUuid(`${id}:${index + 1}`),
      text,
      ownerUserId: random.pick(owners).id,
      ownerContactId: null,
      dueDate: clock.date(dueDays[index]!),
      done: false,
    }));
    const fields: Fields = {
      kind: spec.kind,
      occurredAt: at.toISOString(),
      summary: spec.summary ?? fill(random.pick(SUMMARIES[spec.kind])),
      notes:
        spec.kind === 'email'
          ? null
          : [random.pick(NOTE_OPENERS), ...random.sample(NOTE_DETAILS, random.int(1, 2))].map(fill).join(' '),
      attendees: {
        userIds: owners.map((member) => member.id),
        contactIds: attendees.map((contact) => contact.id),
      },
      actionItems: items,
      externalIds: {},
      createdByUserId: spec.creator.id,
      purposes: spec.purposes,
    };
    const loggedAt = new Date(
      Math.min(plusMinutes(at, random.int(20, 240)).getTime(), clock.now.getTime() - 60_000),
    );
    const actor = userActor(spec.creator);
    const versions: Version<Fields>[] = [{ at: loggedAt, actor, fields }];
    const lastDue = Math.max(...dueDays);
    if (items.length > 0 && lastDue <= -1 && random.chance(0.8)) {
      const done = items.map((item) => ({ ...item, done: random.chance(0.85) }));
      versions.push({
        at: clock.on(lastDue, plan.region, 17),
        actor,
        fields: { ...fields, actionItems: done },
      });
    }
    rows.push(
      materialise(
        log,
        { entityType: 'activity', entityId: id, accountId: plan.id },
        versions,
        (state, meta) => row({ id, accountId: plan.id, ...meta, ...state }),
        presentActivity,
      )!,
    );
  }
  return rows;
}
