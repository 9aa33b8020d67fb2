import { describe, expect, it } from 'vitest';
import { firstSnoozeDay, ownerText, recentlyDone, snoozeChoices } from './task-format.ts';

describe('task-format', () => {
  it('offers tomorrow, next Monday and a week on, as UTC days', () => {
    // Thursday 2026-12-10.
    expect(snoozeChoices('2026-12-10')).toEqual([
      { label: 'Tomorrow', day: '2026-12-11' },
      { label: 'Next Monday', day: '2026-12-14' },
      { label: 'In a week', day: '2026-12-17' },
    ]);
    // An instant counts by its UTC day, the server's.
    expect(snoozeChoices(new Date('2026-12-10T23:30:00Z'))[0]!.day).toBe('2026-12-11');
  });

  it('puts next Monday a week on when today is Monday, and crosses months and years', () => {
    expect(snoozeChoices('2026-12-07')[1]!.day).toBe('2026-12-14');
    expect(snoozeChoices('2026-12-13')[1]!.day).toBe('2026-12-14');
    expect(snoozeChoices('2026-12-29')).toEqual([
      { label: 'Tomorrow', day: '2026-12-30' },
      { label: 'Next Monday', day: '2027-01-04' },
      { label: 'In a week', day: '2027-01-05' },
    ]);
  });

  it('lets a picked snooze start tomorrow at the earliest', () => {
    expect(firstSnoozeDay('2026-02-28')).toBe('2026-03-01');
  });

  it('names the owner unless it is me', () => {
    const staff = (userId: string) => ({
      owner: { kind: 'staff' as const, userId, contactId: null, name: 'Priya Natarajan' },
    });
    expect(ownerText(staff('me'), 'me')).toBeNull();
    expect(ownerText(staff('other'), 'me')).toBe('Priya Natarajan');
    expect(
      ownerText({ owner: { kind: 'contact', userId: null, contactId: 'c', name: 'Ana Ruiz' } }, 'me'),
    ).toBe('Ana Ruiz');
    expect(ownerText({ owner: null }, 'me')).toBe('Unassigned');
  });

  it('lists done tasks the most recently done first', () => {
    const done = (id: string, completedAt: string | null) => ({ id, task: { completedAt } });
    const sorted = recentlyDone([
      done('a', '2026-01-16T10:00:00Z'),
      done('b', null),
      done('c', '2026-12-07T09:00:00Z'),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });
});
