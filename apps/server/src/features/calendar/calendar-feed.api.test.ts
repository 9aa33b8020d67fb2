import type { Assessment, CreatedCalendarFeed } from '@liaison/contracts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type Client, factories, ok } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

// What a calendar feed lists (docs/calendar.md), read back with an independent iCalendar parser
// (ical.js): a TAM's cadence call and renewal, their dated task, an SA's journey step; nobody
// else's work; each event with a stable UID, its all-day date, its explanation and its link.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

interface ParsedEvent {
  uid: string;
  day: string;
  allDay: boolean;
  summary: string;
  description: string;
  url: string;
  categories: string[];
}

/** The calendar as a calendar app reads it: its properties and its events. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events: ParsedEvent[] = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      day: event.startDate.toString(),
      allDay: event.startDate.isDate,
      summary: event.summary,
      description: event.description,
      url: String(component.getFirstPropertyValue('url')),
      categories: component.getAllProperties('categories').flatMap((p) => p.getValues().map(String)),
    };
  });
  const property = (name: string) => String(calendar.getFirstPropertyValue(name));
  return { property, events };
}

/** Makes the person's feed and reads it anonymously, as a calendar app would. */
async function fetchFeed(person: Client) {
  const made = await ok<CreatedCalendarFeed>('feed', person.post('/api/v1/me/calendar-feed'));
  const response = await f.anonymous.get(new URL(made.url).pathname);
  expect(response.status).toBe(200);
  return { response, ...parse(response.body as string) };
}

const tam = await f.buildUser({ roles: ['tam'], name: 'Tove Tam' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Saul Architect' });
const otherTam = await f.buildUser({ roles: ['tam'], name: 'Olga Tam' });

/** A premium customer renewing on 2026-06-30, with `team` on it since January. */
const customer = (name: string, team: Record<string, { id: string }>) =>
  f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr: 300_000,
    relationshipStage: 'customer',
    renewalDate: '2026-06-30',
    team,
    teamStartsAt: '2026-01-05T00:00:00Z',
  });

const acme = await customer('Acme Corp', { tam: tam.user, sa: sa.user });
const globex = await customer('Globex Other', { tam: otherTam.user });
await ok(
  'task',
  tam.post('/api/v1/tasks', { title: 'Send the sizing guide', accountId: acme.id, dueOn: '2026-03-20' }),
);
await ok('undated', tam.post('/api/v1/tasks', { title: 'Read the release notes', accountId: acme.id }));
await ok('far', tam.post('/api/v1/tasks', { title: 'Next year’s plan', dueOn: '2027-01-15' }));
await ok('others', otherTam.post('/api/v1/tasks', { title: 'Olga’s secret task', dueOn: '2026-03-10' }));
await ok(
  'overlap',
  tam.post(`/api/v1/accounts/${acme.id}/workflows`, { kind: 'sa_overlap', reason: 'new_evaluation' }),
);

describe('a TAM’s feed', () => {
  it('is a calendar named after them, in UTC, with a refresh hint, served privately for five minutes', async () => {
    const { response, property } = await fetchFeed(tam);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=300');
    expect(property('x-wr-calname')).toBe('Liaison — Tove Tam');
    expect(property('x-wr-timezone')).toBe('UTC');
    expect(String(response.body)).toContain('X-PUBLISHED-TTL:PT1H');
    expect(String(response.body)).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
  });

  it('lists the cadence call due and the renewal, on their days, explained and linked', async () => {
    const assessment = await ok<Assessment>('assessment', tam.get(`/api/v1/accounts/${acme.id}/assessment`));
    const cadence = assessment.obligations.find((obligation) => obligation.kind === 'cadence')!;
    const { events } = await fetchFeed(tam);
    const call = events.find((event) => event.uid === `obligation-${acme.id}-cadence@liaison`);
    expect(call).toMatchObject({
      day: cadence.dueDate,
      allDay: true,
      summary: 'Cadence call: Acme Corp',
      url: `http://localhost:80/accounts/${acme.id}`,
      categories: ['Cadence call'],
    });
    // Why it is due: the rule steps the app shows beside the obligation.
    for (const step of cadence.explanation.path) expect(call!.description).toContain(step);
    expect(events.find((event) => event.uid === `renewal-${acme.id}@liaison`)).toMatchObject({
      day: '2026-06-30',
      allDay: true,
      summary: 'Renewal: Acme Corp',
      categories: ['Renewal'],
    });
  });

  it('lists their dated open tasks in the window, not the undated or far ones', async () => {
    const { events } = await fetchFeed(tam);
    const tasks = events.filter((event) => event.uid.startsWith('task-'));
    expect(tasks.map((event) => [event.summary, event.day, event.categories])).toEqual([
      ['Task: Send the sizing guide (Acme Corp)', '2026-03-20', ['Task']],
    ]);
    expect(tasks[0]!.url).toBe(`http://localhost:80/accounts/${acme.id}?tab=tasks`);
  });

  it('keeps each event’s UID from one fetch to the next, and moves a task’s event with its day', async () => {
    const first = (await fetchFeed(tam)).events;
    const task = first.find((event) => event.summary.startsWith('Task: Send'))!;
    const id = task.uid.replace(/^task-|@liaison$/g, '');
    const current = await ok<{ version: number }>('task', tam.get(`/api/v1/tasks/${id}`));
    await ok('move', tam.patch(`/api/v1/tasks/${id}`, { dueOn: '2026-03-27', version: current.version }));
    const second = (await fetchFeed(tam)).events;
    expect(second.map((event) => event.uid).sort()).toEqual(first.map((event) => event.uid).sort());
    expect(second.find((event) => event.uid === task.uid)?.day).toBe('2026-03-27');
  });

  it('never shows another person’s accounts or tasks', async () => {
    const { response, events } = await fetchFeed(tam);
    expect(String(response.body)).not.toContain('Globex Other');
    expect(String(response.body)).not.toContain('Olga');
    expect(events.some((event) => event.uid.includes(globex.id))).toBe(false);
  });
});

describe('an SA’s feed', () => {
  it('lists the open journey step they are responsible for, and none of the TAM’s work', async () => {
    const { events, property } = await fetchFeed(sa);
    expect(property('x-wr-calname')).toBe('Liaison — Saul Architect');
    const steps = events.filter((event) => event.uid.startsWith('step-'));
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      // The overlap's step is due 14 days after it opened (the template's dueDays).
      day: '2026-03-16',
      allDay: true,
      summary: expect.stringMatching(/^Journey step: .+ \(Acme Corp\)$/),
      url: `http://localhost:80/accounts/${acme.id}?tab=journey`,
      categories: ['Journey step'],
    });
    expect(events.some((event) => event.uid.startsWith('obligation-') || event.uid.startsWith('task-'))).toBe(
      false,
    );
  });
});
