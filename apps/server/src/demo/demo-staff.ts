import type { Region, StaffRole } from '@liaison/contracts';
import { users } from '../db/schema.ts';
import { presentUser } from '../features/users/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import { systemActor } from '../kernel/context.ts';
import type { StaffMember } from './demo-model.ts';
import { asciiSlug, type Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { DemoClock } from './demo-time.ts';
import type { HistoryLog } from './demo-timeline.ts';
import { materialise } from './demo-timeline.ts';

export const DEMO_PASSWORD = 'liaison-demo';
export const DEMO_EMAIL_DOMAIN = 'liaison.example';

interface StaffSpec {
  key: string;
  name: string;
  region: Region;
  roles: StaffRole[];
  hiredDaysAgo: number;
  leftDaysAgo?: number;
  login?: boolean;
}

// biome-ignore format: one staff member per line
const STAFF: readonly StaffSpec[] = [
  { key: 'admin', name: 'Morgan Reyes', region: 'noram', roles: ['admin'], hiredDaysAgo: 900, login: true },
  { key: 'manager_noram', name: 'Dana Whitfield', region: 'noram', roles: ['tam_manager'], hiredDaysAgo: 850, login: true },
  { key: 'manager_emea', name: 'Henrik Lindqvist', region: 'emea', roles: ['tam_manager'], hiredDaysAgo: 820, login: true },
  { key: 'tam_priya', name: 'Priya Natarajan', region: 'noram', roles: ['tam'], hiredDaysAgo: 780, login: true },
  { key: 'tam_marcus', name: 'Marcus Bell', region: 'noram', roles: ['tam'], hiredDaysAgo: 700 },
  { key: 'tam_tom', name: 'Tom Hargreaves', region: 'noram', roles: ['tam'], hiredDaysAgo: 760, leftDaysAgo: 150 },
  { key: 'tam_jenna', name: 'Jenna Okafor', region: 'noram', roles: ['tam'], hiredDaysAgo: 170 },
  { key: 'tam_sofia', name: 'Sofia Marchetti', region: 'emea', roles: ['tam'], hiredDaysAgo: 720, login: true },
  { key: 'tam_lukas', name: 'Lukas Becker', region: 'emea', roles: ['tam'], hiredDaysAgo: 480 },
  { key: 'tam_ravi', name: 'Ravi Menon', region: 'apac', roles: ['tam'], hiredDaysAgo: 430 },
  { key: 'tam_kenji', name: 'Kenji Watanabe', region: 'apac', roles: ['tam'], hiredDaysAgo: 640 },
  { key: 'tam_aisha', name: 'Aisha Rahman', region: 'apac', roles: ['tam'], hiredDaysAgo: 450 },
  { key: 'tam_camila', name: 'Camila Duarte', region: 'latam', roles: ['tam'], hiredDaysAgo: 560 },
  { key: 'sal_ryan', name: 'Ryan Castillo', region: 'noram', roles: ['sal'], hiredDaysAgo: 900, login: true },
  { key: 'sal_olivia', name: 'Olivia Grant', region: 'noram', roles: ['sal'], hiredDaysAgo: 600 },
  { key: 'sal_charlotte', name: 'Charlotte Dubois', region: 'emea', roles: ['sal'], hiredDaysAgo: 750 },
  { key: 'sal_wei', name: 'Wei Zhang', region: 'apac', roles: ['sal'], hiredDaysAgo: 680 },
  { key: 'sal_mateo', name: 'Mateo Fernández', region: 'latam', roles: ['sal'], hiredDaysAgo: 540 },
  { key: 'ae_tyler', name: 'Tyler Brooks', region: 'noram', roles: ['ae'], hiredDaysAgo: 500, login: true },
  { key: 'ae_emma', name: 'Emma Schneider', region: 'emea', roles: ['ae'], hiredDaysAgo: 620 },
  { key: 'ae_hannah', name: 'Hannah Lee', region: 'apac', roles: ['ae'], hiredDaysAgo: 430 },
  { key: 'ae_rafael', name: 'Rafael Souza', region: 'latam', roles: ['ae'], hiredDaysAgo: 470 },
  { key: 'sa_elliot', name: 'Elliot Park', region: 'noram', roles: ['sa'], hiredDaysAgo: 800, login: true },
  { key: 'sa_nadia', name: 'Nadia Petrova', region: 'emea', roles: ['sa'], hiredDaysAgo: 700 },
  { key: 'sa_david', name: 'David Kim', region: 'apac', roles: ['sa'], hiredDaysAgo: 520 },
  { key: 'pse_grace', name: 'Grace Mwangi', region: 'emea', roles: ['pse'], hiredDaysAgo: 610 },
  { key: 'sdr_jordan', name: 'Jordan Ellis', region: 'noram', roles: ['sdr'], hiredDaysAgo: 480 },
  { key: 'viewer_sam', name: 'Sam Patel', region: 'noram', roles: ['viewer'], hiredDaysAgo: 300, login: true },
];

/** The initial load of the book from the CRM. */
export const importActor: HistoryActor = { type: 'import', id: null, name: 'Salesforce import' };

export const userActor = (member: StaffMember): HistoryActor => ({
  type: 'user',
  id: member.id,
  name: member.name,
});

/** The staff, looked up by key, role and region. */
export class Staff {
  readonly members: StaffMember[];
  private readonly byKey: Map<string, StaffMember>;

  constructor(members: StaffMember[]) {
    this.members = members;
    this.byKey = new Map(members.map((member) => [member.key, member]));
  }

  byId(id: string): StaffMember {
    const member = this.members.find((candidate) => candidate.id === id);
    if (!member) throw new Error(`demo: no staff member with id ${id}`);
    return member;
  }

  get(key: string): StaffMember {
    const member = this.byKey.get(key);
    if (!member) throw new Error(`demo: no staff member ${key}`);
    return member;
  }

  /** Active members holding `role`, in `region` when given. */
  withRole(role: StaffRole, region?: Region): StaffMember[] {
    return this.members.filter(
      (member) =>
        member.roles.includes(role) && member.leftAt === null && (!region || member.region === region),
    );
  }

  /** The TAM manager a region reports to: NORAM also covers LATAM, EMEA also covers APAC. */
  managerFor(region: Region): StaffMember {
    return this.get(region === 'noram' || region === 'latam' ? 'manager_noram' : 'manager_emea');
  }
}

export function buildStaff(clock: DemoClock, random: Random): Staff {
  return new Staff(
    STAFF.map((spec) => {
      const [first, ...rest] = spec.name.split(' ');
      return {
        key: spec.key,
        id: random.uuid(),
        name: spec.name,
        email: `${asciiSlug(first!, '.')}.${asciiSlug(rest.join(' '), '.')}@${DEMO_EMAIL_DOMAIN}`,
        region: spec.region,
        roles: spec.roles,
        hiredAt: clock.on(-spec.hiredDaysAgo, spec.region, 9),
        leftAt: spec.leftDaysAgo ? clock.on(-spec.leftDaysAgo, spec.region, 17) : null,
      };
    }),
  );
}

/** User rows (with history: created by the admin, the departed TAM deactivated) and the logins. */
export function buildUserRows(staff: Staff, log: HistoryLog, passwordHash: string) {
  const admin = staff.get('admin');
  const row = rowsOf(users);
  const rows = staff.members.map((member) => {
    const creator = member.key === 'admin' ? systemActor : userActor(admin);
    const fields = { isActive: true };
    const versions = [{ at: member.hiredAt, actor: creator, fields }];
    if (member.leftAt)
      versions.push({ at: member.leftAt, actor: userActor(admin), fields: { isActive: false } });
    return materialise(
      log,
      { entityType: 'user', entityId: member.id, accountId: null },
      versions,
      (state, meta) =>
        row({
          id: member.id,
          ...meta,
          name: member.name,
          email: member.email,
          region: member.region,
          roles: member.roles,
          isActive: state.isActive,
          passwordHash,
        }),
      presentUser,
    )!;
  });
  const logins = STAFF.filter((spec) => spec.login).map((spec) => {
    const member = staff.get(spec.key);
    return { email: member.email, password: DEMO_PASSWORD, roles: [...member.roles] };
  });
  return { rows, logins };
}
