import type { Region, SentimentColour } from '@liaison/contracts';
import type { AccountState } from './demo-model.ts';
import type { Random } from './demo-random.ts';
import { SENTIMENT_REASONS } from './demo-text-profiles.ts';
import { type DemoClock, iso } from './demo-time.ts';

export type SentimentFields = Pick<
  AccountState,
  'sentiment' | 'sentimentSetAt' | 'sentimentReason' | 'atRisk'
>;

export const NO_SENTIMENT: SentimentFields = {
  sentiment: null,
  sentimentSetAt: null,
  sentimentReason: null,
  atRisk: false,
};

const NEXT_COLOUR: Record<SentimentColour, readonly (readonly [SentimentColour, number])[]> = {
  green: [
    ['yellow', 8],
    ['red', 2],
  ],
  yellow: [
    ['green', 6],
    ['red', 4],
  ],
  red: [
    ['yellow', 7],
    ['green', 3],
  ],
};

/**
 * The account's sentiment over the year: an initial value (imported, or none yet) and a few
 * changes, the last one `lastDay` (fresh for most, older than 90 days for some).
 */
export function sentimentChain(
  random: Random,
  clock: DemoClock,
  region: Region,
  options: { firstDay: number; lastDay?: number; final?: SentimentColour; initialNull: boolean },
) {
  const final =
    options.final ??
    random.weighted<SentimentColour>([
      ['green', 70],
      ['yellow', 23],
      ['red', 7],
    ]);
  const stale = options.lastDay === undefined && random.chance(0.2);
  const last = options.lastDay ?? (stale ? random.int(-260, -95) : random.int(-85, -3));
  const possible = options.firstDay <= last && last <= -1;
  let count = !possible ? 0 : options.initialNull || !stale ? 1 : random.int(0, 1);
  if (count > 0 && options.firstDay <= last - 20) count += random.int(0, 2);
  const days = [last];
  for (let index = 1; index < count; index++) days.push(random.int(options.firstDay, last - 20));
  days.sort((left, right) => left - right);
  if (count === 0) days.length = 0;
  const colours: SentimentColour[] = [final];
  for (let index = 0; index < days.length; index++)
    colours.unshift(random.weighted(NEXT_COLOUR[colours[0]!]));
  // One draw per value whatever the colour: retuning the colour weights moves no other value.
  const state = (colour: SentimentColour, at: Date): SentimentFields => {
    const reason = random.pick(SENTIMENT_REASONS[colour]);
    const roll = random.next();
    return {
      sentiment: colour,
      sentimentSetAt: iso(at),
      sentimentReason: reason,
      atRisk: colour === 'red' ? roll < 0.7 : colour === 'yellow' && roll < 0.08,
    };
  };
  const initial = options.initialNull
    ? NO_SENTIMENT
    : state(colours[0]!, clock.on(-400 - random.int(10, 200), region, 12));
  const changes = days.map((day, index) => {
    const at = clock.on(day, region, 15);
    return { at, fields: state(colours[index + 1]!, at) };
  });
  return { initial, changes, final: changes.at(-1)?.fields ?? initial };
}
