import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  type IssueResponses,
  median,
  responsiveness,
  responsivenessColour,
  type ThreadPost,
  trackResponses,
} from './response-tracking.ts';

// 2026-03-02 is a Monday.
describe('business days (Monday–Friday, UTC)', () => {
  it.each([
    ['Monday 10:00 + 2', '2026-03-02T10:00:00.000Z', 2, '2026-03-04T10:00:00.000Z'],
    ['Thursday 10:00 + 2 skips the weekend', '2026-03-05T10:00:00.000Z', 2, '2026-03-09T10:00:00.000Z'],
    ['Friday 15:00 + 2', '2026-03-06T15:00:00.000Z', 2, '2026-03-10T15:00:00.000Z'],
    ['Saturday counts from Monday 00:00', '2026-03-07T18:00:00.000Z', 2, '2026-03-11T00:00:00.000Z'],
    ['Sunday + 3', '2026-03-08T09:00:00.000Z', 3, '2026-03-12T00:00:00.000Z'],
    ['Friday + 1 is Monday', '2026-03-06T09:00:00.000Z', 1, '2026-03-09T09:00:00.000Z'],
  ])('%s', (_name, from, days, due) => {
    expect(addBusinessDays(from, days)).toBe(due);
  });

  it.each([
    ['same day, 12 hours', '2026-03-02T08:00:00Z', '2026-03-02T20:00:00Z', 0.5],
    ['Friday noon to Monday noon', '2026-03-06T12:00:00Z', '2026-03-09T12:00:00Z', 1],
    ['a weekend alone', '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z', 0],
    ['backwards', '2026-03-09T00:00:00Z', '2026-03-02T00:00:00Z', 0],
  ])('between: %s', (_name, from, to, days) => {
    expect(businessDaysBetween(from, to)).toBe(days);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
  ] as [number[], number | null][])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

const sla = { firstResponseDays: 2, followUpDays: 3 };
const customer = (at: string): ThreadPost => ({ at, by: 'customer', internal: false });
const staff = (at: string, internal = false): ThreadPost => ({ at, by: 'staff', internal });
const monday = '2026-03-02T10:00:00.000Z';

describe('an issue’s responses', () => {
  it.each([
    {
      name: 'a customer issue nobody answered waits, due in 2 business days',
      posts: [customer(monday)],
      now: '2026-03-03T10:00:00.000Z',
      expected: { waitingSince: monday, dueAt: '2026-03-04T10:00:00.000Z', overdue: false, waitingHours: 24 },
    },
    {
      name: 'past its SLA it is overdue',
      posts: [customer(monday)],
      now: '2026-03-04T10:00:01.000Z',
      expected: { overdue: true },
    },
    {
      name: 'an internal note is not an answer',
      posts: [customer(monday), staff('2026-03-02T11:00:00.000Z', true)],
      now: '2026-03-02T12:00:00.000Z',
      expected: { waitingSince: monday, firstResponseAt: null },
    },
    {
      name: 'a public staff comment answers it: first response measured',
      posts: [customer(monday), staff('2026-03-02T16:00:00.000Z')],
      now: '2026-03-05T00:00:00.000Z',
      expected: { waitingSince: null, dueAt: null, firstResponseHours: 6, firstResponseBusinessDays: 0.25 },
    },
    {
      name: 'a follow-up waits on the follow-up SLA (3 days)',
      posts: [customer(monday), staff('2026-03-02T16:00:00.000Z'), customer('2026-03-04T10:00:00.000Z')],
      now: '2026-03-04T11:00:00.000Z',
      expected: { waitingSince: '2026-03-04T10:00:00.000Z', dueAt: '2026-03-09T10:00:00.000Z' },
    },
    {
      name: 'a customer comment on a staff issue is a follow-up',
      posts: [staff(monday), customer('2026-03-02T12:00:00.000Z')],
      now: '2026-03-02T13:00:00.000Z',
      expected: { customerOpened: false, firstResponseAt: null, dueAt: '2026-03-05T12:00:00.000Z' },
    },
    {
      name: 'two customer posts wait from the first',
      posts: [customer(monday), customer('2026-03-03T10:00:00.000Z')],
      now: '2026-03-03T11:00:00.000Z',
      expected: { waitingSince: monday },
    },
    {
      name: 'a closed issue waits for nobody',
      posts: [customer(monday)],
      state: 'closed' as const,
      now: '2026-03-20T00:00:00.000Z',
      expected: { waitingSince: null, overdue: false },
    },
  ])('$name', ({ posts, now, expected, state }) => {
    expect(trackResponses(posts, state ?? 'open', sla, now)).toMatchObject(expected);
  });
});

describe('an account’s responsiveness', () => {
  const answered = (hours: number, days: number): IssueResponses => ({
    customerOpened: true,
    firstResponseAt: monday,
    firstResponseHours: hours,
    firstResponseBusinessDays: days,
    waitingSince: null,
    waitingHours: null,
    dueAt: null,
    overdue: false,
  });
  const waiting = (overdue: boolean): IssueResponses => ({
    ...answered(0, 0),
    firstResponseAt: null,
    firstResponseHours: null,
    firstResponseBusinessDays: null,
    waitingSince: monday,
    overdue,
  });

  it('median first response, issues waiting and overdue', () => {
    expect(
      responsiveness([
        answered(2, 0.1),
        answered(30, 1.25),
        answered(10, 0.4),
        waiting(true),
        waiting(false),
      ]),
    ).toEqual({
      medianFirstResponseHours: 10,
      medianFirstResponseBusinessDays: 0.4,
      answered: 3,
      waiting: 2,
      overdue: 1,
    });
  });

  const bands = { greenMaxDays: 1, yellowMaxDays: 3 };
  it.each([
    ['no answered issue, nothing late: left out', [], null],
    ['nothing answered, one late', [waiting(true)], 'yellow'],
    ['fast', [answered(5, 0.2)], 'green'],
    ['fast but one late', [answered(5, 0.2), waiting(true)], 'yellow'],
    ['slow', [answered(50, 2.5)], 'yellow'],
    ['very slow', [answered(100, 4)], 'red'],
  ] as [string, IssueResponses[], string | null][])('%s', (_name, issues, colour) => {
    expect(responsivenessColour(responsiveness(issues), bands)).toBe(colour);
  });
});
