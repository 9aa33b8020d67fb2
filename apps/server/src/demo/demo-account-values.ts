import type { Region, Segment } from '@liaison/contracts';
import { defaultCatalog } from '../composition.ts';
import type { Lifecycle, Tier } from './demo-model.ts';
import { asciiSlug, type Random, roundTo } from './demo-random.ts';
import {
  COMPANY_ROOTS,
  INDUSTRIES,
  INDUSTRY_WEIGHTS,
  LEGAL_FORMS,
  PUBLIC_BODIES,
  PUBLIC_DIVISIONS,
  PUBLIC_PLACES,
  SUBSIDIARY_SUFFIXES,
} from './demo-words.ts';

export interface Identity {
  name: string;
  /** The naming root, reused by subsidiaries. */
  root: string;
  industry: string;
  domain: string;
}

/** The commercial side of a paying account. */
export interface Commercial {
  plan: string;
  arr: number;
  licensedUsers: number;
  activeUsers: number;
  lam: number | null;
  stagesAdopted: string[];
}

const SEAT_PRICE: Record<string, number> = { premium: 348, ultimate: 1188 };

export const SEGMENT_WEIGHTS: readonly (readonly [Segment, number])[] = [
  ['enterprise', 30],
  ['mid_market', 30],
  ['smb', 25],
  ['public_sector', 15],
];
export const REGION_WEIGHTS: readonly (readonly [Region, number])[] = [
  ['noram', 38],
  ['emea', 30],
  ['apac', 18],
  ['latam', 14],
];
export const LIFECYCLE_WEIGHTS: readonly (readonly [Lifecycle, number])[] = [
  ['customer', 70],
  ['new_customer', 8],
  ['former', 5],
  ['lead', 9],
  ['opportunity', 8],
];

/** Engagement-tier bands by segment: most accounts are small, a few carry the book. */
const BAND_WEIGHTS: Record<Segment | 'child', readonly (readonly [Tier, number])[]> = {
  enterprise: [
    [1, 10],
    [2, 16],
    [3, 34],
    [0, 40],
  ],
  public_sector: [
    [1, 6],
    [2, 14],
    [3, 36],
    [0, 44],
  ],
  mid_market: [
    [2, 4],
    [3, 20],
    [0, 76],
  ],
  smb: [
    [3, 2],
    [0, 98],
  ],
  child: [
    [1, 2],
    [2, 8],
    [3, 28],
    [0, 62],
  ],
};

export function drawBand(random: Random, segment: Segment | 'child'): Tier {
  return random.weighted(BAND_WEIGHTS[segment]);
}

export class Namer {
  private readonly taken = new Set<string>();

  constructor(private readonly random: Random) {}

  private claim(name: string): boolean {
    if (this.taken.has(name)) return false;
    this.taken.add(name);
    return true;
  }

  company(segment: Segment, region: Region): Identity {
    const random = this.random;
    for (;;) {
      if (segment === 'public_sector') {
        const place = random.pick(PUBLIC_PLACES[region]);
        const body = random.pick(PUBLIC_BODIES);
        const name = body.pattern.replace('{place}', place);
        if (this.claim(name)) return { name, root: name, industry: body.industry, domain: domainOf(name) };
        continue;
      }
      const industry = random.weighted(INDUSTRY_WEIGHTS);
      const root = random.pick(COMPANY_ROOTS[region]);
      const base = `${root} ${random.pick(INDUSTRIES[industry]!)}`;
      const name = random.chance(0.45) ? `${base} ${random.pick(LEGAL_FORMS[region])}` : base;
      if (this.claim(base) && this.claim(name)) return { name, root, industry, domain: domainOf(base) };
    }
  }

  subsidiary(parent: Identity, segment: Segment, region: Region): Identity {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name =
        segment === 'public_sector'
          ? `${parent.name} ${this.random.pick(PUBLIC_DIVISIONS)}`
          : `${parent.root} ${this.random.pick(SUBSIDIARY_SUFFIXES[region])}`;
      if (this.claim(name)) return { ...parent, name };
    }
    return this.company(segment, region);
  }
}

/** `northwind-logistics.example`; long public-sector names keep their first words. */
function domainOf(name: string): string {
  const words = asciiSlug(name).split('-');
  let domain = words[0]!;
  for (const word of words.slice(1)) {
    if (domain.length + word.length >= 28) break;
    domain += `-${word}`;
  }
  return `${domain}.example`;
}

/** ARR in the band, rounded like a price book would. */
export function arrFor(random: Random, segment: Segment, band: Tier): number {
  switch (band) {
    case 1:
      return roundTo(random.logUniform(500_000, 2_600_000), 1_000);
    case 2:
      return Math.min(499_500, roundTo(random.logUniform(250_000, 499_000), 500));
    case 3:
      return Math.min(249_500, roundTo(random.logUniform(100_000, 249_000), 500));
    default:
      if (segment === 'smb') return roundTo(random.logUniform(2_400, 60_000), 100);
      if (segment === 'mid_market') return roundTo(random.logUniform(12_000, 99_000), 100);
      return roundTo(random.logUniform(30_000, 99_000), 100);
  }
}

const ADOPTION_ORDER = ['plan', 'package', 'release', 'configure', 'monitor', 'secure', 'govern'];

/** Stages in the catalogue's order; create and verify (SCM and CI) come first everywhere. */
export function stagesFor(random: Random, count: number, ultimate: boolean): string[] {
  const ranked = ADOPTION_ORDER.filter((stage) => ultimate || stage !== 'govern')
    .map((stage, index) => ({ stage, key: index + random.float(0, 3) }))
    .sort((left, right) => left.key - right.key)
    .map((entry) => entry.stage);
  const chosen = ['create', 'verify', ...ranked].slice(0, Math.max(1, count));
  return defaultCatalog.stages.filter((stage) => chosen.includes(stage));
}

export function commercialFor(random: Random, segment: Segment, band: Tier, arr: number): Commercial {
  const ultimateShare = band === 1 || band === 2 ? 0.65 : band === 3 ? 0.45 : segment === 'smb' ? 0.15 : 0.28;
  const plan = random.chance(ultimateShare) ? 'ultimate' : 'premium';
  const discount =
    band === 1 ? random.float(0.55, 0.75) : band === 2 ? random.float(0.65, 0.85) : random.float(0.8, 1);
  const licensedUsers = Math.max(5, Math.round(arr / (SEAT_PRICE[plan]! * discount)));
  return {
    plan,
    arr,
    licensedUsers,
    activeUsers: Math.round(licensedUsers * random.float(0.55, 1.06)),
    lam: random.chance(0.88) ? Math.round(licensedUsers * random.float(1.15, 3.2)) : null,
    stagesAdopted: stagesFor(
      random,
      plan === 'ultimate' ? random.int(4, 9) : random.int(2, 6),
      plan === 'ultimate',
    ),
  };
}

/** A prospect on the free tier: some usage, no ARR. */
export function prospectValues(random: Random, trial: boolean): Commercial {
  return {
    plan: 'free',
    arr: 0,
    licensedUsers: 0,
    activeUsers: trial ? random.int(5, 150) : random.int(0, 60),
    lam: random.chance(0.6) ? roundTo(random.int(50, 3_000), 10) : null,
    stagesAdopted: stagesFor(random, random.int(1, trial ? 3 : 2), false),
  };
}

export function seatPrice(plan: string): number {
  return SEAT_PRICE[plan] ?? SEAT_PRICE['premium']!;
}
