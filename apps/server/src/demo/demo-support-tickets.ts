import { supportTickets } from '../db/schema.ts';
import { presentSupportTicket, type SupportTicketRow } from '../features/support-tickets/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { AccountPlan } from './demo-model.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { TICKET_SEVERITIES, TICKET_SUBJECTS } from './demo-text-playbook.ts';
import { DAY_MS, type DemoClock } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

type Fields = Pick<SupportTicketRow, 'subject' | 'severity' | 'openedAt' | 'closedAt' | 'externalIds'>;

/** The support desk integration that feeds tickets (as the Salesforce import feeds accounts). */
export const ticketSyncActor: HistoryActor = { type: 'import', id: null, name: 'Zendesk sync' };

/** How long the ticket feed has been running: tickets are known for this many days. */
export const TICKET_DAYS = 120;
/** Accounts with a burst of tickets this month (an incident): the red band of the measure. */
const HOT_ACCOUNTS = 3;
const HOUR_MS = 3_600_000;

/** Hours to resolution, by severity (log-uniform between the bounds). */
const RESOLUTION_HOURS = { urgent: [1, 36], high: [3, 120], normal: [6, 320], low: [12, 520] } as const;

/** Tickets opened per 30 days: grows with the seats, and with trouble. */
function monthlyRate(plan: AccountPlan, random: Random): number {
  const users = plan.final.licensedUsers;
  const base = users < 100 ? 0.8 : users < 400 ? 1.8 : users < 1_500 ? 3.2 : 5.5;
  const trouble = plan.final.sentiment === 'red' ? 1.6 : plan.final.sentiment === 'yellow' ? 1.3 : 1;
  return Math.min(base * trouble * random.float(0.5, 1.6), 20);
}

/**
 * Support tickets of the last four months for most paying customers, synced from the support
 * desk: created when opened, updated when closed. Returns the rows and, per account, the first
 * ticket's instant (when the feed turned the account's ticket tracking on).
 */
export function buildSupportTicketRows(plans: AccountPlan[], clock: DemoClock, log: HistoryLog) {
  const random = new Random('liaison-demo/tickets');
  const ids = new Random('liaison-demo/ticket-ids');
  const row = rowsOf(supportTickets);
  const rows: SupportTicketRow[] = [];
  const trackedSince = new Map<string, Date>();
  const paying = plans.filter(
    (plan) => (plan.lifecycle === 'customer' || plan.lifecycle === 'new_customer') && random.chance(0.9),
  );
  const hot = new Set(
    random
      .sample(
        paying.filter((plan) => plan.tamEligible && plan.final.licensedUsers >= 400),
        HOT_ACCOUNTS,
      )
      .map((plan) => plan.id),
  );
  let serial = 48_211;
  for (const plan of paying) {
    const from = Math.max(-TICKET_DAYS, plan.wonAt ? clock.dayOf(plan.wonAt) + 1 : -TICKET_DAYS);
    const rate = monthlyRate(plan, random);
    const opened: Date[] = [];
    const openOn = (day: number) =>
      opened.push(new Date(clock.today + day * DAY_MS + random.int(0, 1_439) * 60_000));
    for (let day = from; day <= -1; day++) {
      const weekend = [0, 6].includes(new Date(clock.today + day * DAY_MS).getUTCDay());
      if (random.chance((rate / 30) * (weekend ? 0.3 : 1.15))) openOn(day);
    }
    // An incident this month: a burst on top of the usual flow.
    if (hot.has(plan.id))
      for (let count = random.int(14, 15); count > 0; count--) openOn(random.int(-28, -1));
    opened.sort((left, right) => left.getTime() - right.getTime());
    for (const openedAt of opened) {
      const severity = random.weighted(TICKET_SEVERITIES);
      const [low, high] = RESOLUTION_HOURS[severity];
      const closed = new Date(openedAt.getTime() + random.logUniform(low, high) * HOUR_MS);
      const fields: Fields = {
        subject: random.pick(TICKET_SUBJECTS),
        severity,
        openedAt: openedAt.toISOString(),
        closedAt: null,
        externalIds: { zendesk: String(++serial) },
      };
      const versions: Version<Fields>[] = [{ at: openedAt, actor: ticketSyncActor, fields }];
      if (closed.getTime() < clock.now.getTime() - HOUR_MS) {
        versions.push({
          at: closed,
          actor: ticketSyncActor,
          fields: { ...fields, closedAt: closed.toISOString() },
        });
      }
      const id = ids.uuid();
      rows.push(
        materialise(
          log,
          { entityType: 'support_ticket', entityId: id, accountId: plan.id },
          versions,
          (state, meta) => row({ id, accountId: plan.id, ...meta, ...state }),
          presentSupportTicket,
        )!,
      );
    }
    if (opened[0]) trackedSince.set(plan.id, opened[0]);
  }
  return { rows, trackedSince };
}
