import type { StakeholderRole } from '@liaison/contracts';
import { contacts } from '../db/schema.ts';
import { type ContactRow, presentContact } from '../features/contacts/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { AccountPlan } from './demo-model.ts';
import { asciiSlug, Random, salesforceId } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { importActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { TITLES } from './demo-text-profiles.ts';
import { type DemoClock, plusMinutes } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';
import { FIRST_NAMES, LAST_NAMES, PHONE_PATTERNS } from './demo-words.ts';

type Fields = Pick<ContactRow, 'name' | 'email' | 'title' | 'phone' | 'stakeholderRoles' | 'externalIds'>;

export interface ContactPlan {
  id: string;
  accountId: string;
  roles: StakeholderRole[];
  name: string;
  createdAt: Date;
  deletedAt: Date | null;
  versions: Version<Fields>[];
  deletedBy: HistoryActor | null;
}

/** A champion who left, replaced by a new contact: the business profile follows. */
export interface ChampionChange {
  accountId: string;
  at: Date;
  actor: HistoryActor;
  newChampionId: string;
}

// biome-ignore format: one line per contact count
const ROLE_SETS: Record<number, StakeholderRole[][]> = {
  1: [['technical_contact']],
  2: [['champion', 'technical_contact'], ['economic_buyer', 'decision_maker']],
  3: [['champion'], ['economic_buyer', 'decision_maker'], ['technical_contact', 'admin']],
  4: [['champion'], ['economic_buyer'], ['decision_maker'], ['technical_contact', 'admin']],
  5: [['champion'], ['economic_buyer'], ['decision_maker'], ['technical_contact'], ['admin']],
  6: [['champion'], ['economic_buyer'], ['decision_maker'], ['technical_contact'], ['admin'], ['executive_sponsor']],
};

function contactCount(random: Random, plan: AccountPlan): number {
  if (plan.lifecycle === 'lead') return random.int(1, 2);
  if (plan.lifecycle === 'opportunity' || plan.lifecycle === 'former') return random.int(2, 3);
  return [random.int(2, 4), random.int(5, 6), random.int(4, 5), random.int(3, 5)][plan.tier]!;
}

/** Everyone the demo's accounts know, with when they arrived and (for some) left. */
export class People {
  readonly byAccount = new Map<string, ContactPlan[]>();
  readonly championChanges: ChampionChange[] = [];

  of(accountId: string): ContactPlan[] {
    return this.byAccount.get(accountId) ?? [];
  }

  /** Contacts of the account that exist at `at`. */
  at(accountId: string, at: Date): ContactPlan[] {
    const time = at.getTime();
    return this.of(accountId).filter(
      (contact) =>
        contact.createdAt.getTime() <= time && (!contact.deletedAt || contact.deletedAt.getTime() > time),
    );
  }

  /** The first contact present at `at` holding `role`. */
  withRole(accountId: string, role: StakeholderRole, at: Date): ContactPlan | undefined {
    return this.at(accountId, at).find((contact) => contact.roles.includes(role));
  }
}

export function planContacts(plans: AccountPlan[], team: Team, clock: DemoClock): People {
  const random = new Random('liaison-demo/contacts');
  const ids = new Random('liaison-demo/contact-ids');
  const people = new People();
  let serial = 0;
  for (const plan of plans) {
    const taken = new Set<string>();
    const person = (
      roles: StakeholderRole[],
      at: Date,
      actor: HistoryActor,
      imported: boolean,
    ): ContactPlan => {
      let first: string;
      let last: string;
      do {
        first = random.pick(FIRST_NAMES[plan.region]);
        last = random.pick(LAST_NAMES[plan.region]);
      } while (taken.has(`${first} ${last}`));
      taken.add(`${first} ${last}`);
      const fields: Fields = {
        name: `${first} ${last}`,
        email: `${asciiSlug(first, '.')}.${asciiSlug(last, '.')}@${plan.domain}`,
        title: random.pick(TITLES[roles[0]!]),
        phone: random.chance(0.8)
          ? random.pick(PHONE_PATTERNS[plan.region]).replace(/#/g, () => String(random.int(0, 9)))
          : null,
        stakeholderRoles: roles,
        externalIds: imported ? { salesforce: salesforceId('003', ++serial) } : {},
      };
      const contact: ContactPlan = {
        id: ids.uuid(),
        accountId: plan.id,
        roles,
        name: fields.name,
        createdAt: at,
        deletedAt: null,
        deletedBy: null,
        versions: [{ at, actor, fields }],
      };
      people.byAccount.set(plan.id, [...people.of(plan.id), contact]);
      return contact;
    };

    const count = contactCount(random, plan);
    const later = plan.wonAt ?? plan.qualifiedAt ?? plan.createdAt;
    for (const [index, roles] of ROLE_SETS[count]!.entries()) {
      if (plan.imported) {
        person(roles, clock.importAt, importActor, true);
        continue;
      }
      const at =
        index < 2 ? plan.createdAt : clock.on(clock.dayOf(later) + random.int(1, 5), plan.region, 11);
      const when = at.getTime() > plan.createdAt.getTime() ? at : plusMinutes(plan.createdAt, 10 + index);
      person(roles, when, team.actor(plan, index < 2 ? 'sdr' : 'owner', when), false);
    }
    if (plan.lifecycle !== 'customer') continue;

    // New people over the year: an extra admin, a promotion, a champion who left.
    if (count < 6 && random.chance(0.2)) {
      const at = clock.on(random.int(-300, -10), plan.region, 13);
      person([random.pick(['technical_contact', 'admin'] as const)], at, team.actor(plan, 'tam', at), false);
    }
    for (const contact of people.of(plan.id)) {
      const earliest = Math.max(clock.dayOf(contact.createdAt) + 5, -330);
      if (earliest > -5 || !random.chance(0.08)) continue;
      const at = clock.on(random.int(earliest, -5), plan.region, 10);
      const current = contact.versions.at(-1)!.fields;
      const title = random.pick(TITLES[contact.roles[0]!].filter((candidate) => candidate !== current.title));
      contact.versions.push({ at, actor: team.actor(plan, 'owner', at), fields: { ...current, title } });
    }
    const champion = people.of(plan.id).find((contact) => contact.roles.includes('champion'));
    if (champion && plan.tamEligible && count >= 3 && random.chance(0.12)) {
      const at = clock.on(random.int(-250, -30), plan.region, 10);
      const actor = team.actor(plan, 'tam', at);
      const successor = person(['champion'], at, actor, false);
      champion.deletedAt = clock.on(clock.dayOf(at) + 1, plan.region, 16);
      champion.deletedBy = actor;
      if (champion.versions.some((version) => version.at.getTime() >= champion.deletedAt!.getTime())) {
        champion.versions = champion.versions.filter(
          (version) => version.at.getTime() < champion.deletedAt!.getTime(),
        );
      }
      people.championChanges.push({
        accountId: plan.id,
        at: plusMinutes(at, 90),
        actor,
        newChampionId: successor.id,
      });
    }
  }
  return people;
}

/** Contact rows (deleted ones only in the history) and their history. */
export function buildContactRows(people: People, log: HistoryLog): ContactRow[] {
  const contactRow = rowsOf(contacts);
  const rows: ContactRow[] = [];
  for (const list of people.byAccount.values()) {
    for (const contact of list) {
      const row = materialise(
        log,
        { entityType: 'contact', entityId: contact.id, accountId: contact.accountId },
        contact.versions,
        (fields, meta) => contactRow({ id: contact.id, accountId: contact.accountId, ...meta, ...fields }),
        presentContact,
        contact.deletedAt && contact.deletedBy
          ? { at: contact.deletedAt, actor: contact.deletedBy }
          : undefined,
      );
      if (row) rows.push(row);
    }
  }
  return rows;
}
