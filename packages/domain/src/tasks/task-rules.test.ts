import { describe, expect, it } from 'vitest';
import {
  type ActionItemDraft,
  type ActionItemTaskState,
  compareWork,
  type DatedWork,
  isOverdue,
  isSnoozed,
  planActionItemTasks,
} from './task-rules.ts';

const today = '2026-03-10';
const work = (key: string, dueOn: string | null, snoozedUntil: string | null = null): DatedWork => ({
  key,
  dueOn,
  snoozedUntil,
});

describe('overdue and snoozed', () => {
  it.each([
    ['due yesterday', work('a', '2026-03-09'), true, false],
    ['due today', work('a', '2026-03-10'), false, false],
    ['due tomorrow', work('a', '2026-03-11'), false, false],
    ['undated', work('a', null), false, false],
    ['due yesterday, snoozed to tomorrow', work('a', '2026-03-09', '2026-03-11'), false, true],
    ['due last week, snooze ended yesterday', work('a', '2026-03-02', '2026-03-09'), true, false],
    ['due last week, snoozed to today', work('a', '2026-03-02', '2026-03-10'), true, false],
  ])('%s', (_label, item, overdue, snoozed) => {
    expect(isOverdue(item, today)).toBe(overdue);
    expect(isSnoozed(item, today)).toBe(snoozed);
  });
});

describe("My week's order", () => {
  it('puts overdue first, oldest first; then dated by the day they ask for attention; undated last', () => {
    const items = [
      work('undated', null),
      work('next-week', '2026-03-17'),
      work('overdue-recent', '2026-03-09'),
      work('snoozed', '2026-03-05', '2026-03-12'),
      work('today', '2026-03-10'),
      work('overdue-old', '2026-02-20'),
      work('also-today', '2026-03-10'),
    ];
    const order = [...items].sort((l, r) => compareWork(l, r, today)).map((item) => item.key);
    expect(order).toEqual([
      'overdue-old',
      'overdue-recent',
      'also-today',
      'today',
      'snoozed',
      'next-week',
      'undated',
    ]);
  });
});

describe('action items kept in step with their tasks', () => {
  const item = (id: string, patch: Partial<ActionItemDraft> = {}): ActionItemDraft => ({
    id,
    text: `item ${id}`,
    ownerUserId: 'u1',
    ownerContactId: null,
    dueDate: '2026-03-20',
    done: false,
    ...patch,
  });
  const task = (id: string, patch: Partial<ActionItemTaskState> = {}): ActionItemTaskState => ({
    taskId: `t-${id}`,
    actionItemId: id,
    title: `item ${id}`,
    ownerUserId: 'u1',
    ownerContactId: null,
    dueOn: '2026-03-20',
    status: 'open',
    ...patch,
  });

  it.each([
    ['a new activity: a task per item', [item('a'), item('b')], [], ['a', 'b'], [], []],
    ['nothing changed', [item('a')], [task('a')], [], [], []],
    ['the text changed', [item('a', { text: 'new words' })], [task('a')], [], ['a'], []],
    [
      'the owner became a contact',
      [item('a', { ownerUserId: null, ownerContactId: 'c1' })],
      [task('a')],
      [],
      ['a'],
      [],
    ],
    ['the due date moved', [item('a', { dueDate: '2026-04-01' })], [task('a')], [], ['a'], []],
    ['ticked off in the activity', [item('a', { done: true })], [task('a')], [], ['a'], []],
    ['reopened in the activity', [item('a')], [task('a', { status: 'done' })], [], ['a'], []],
    ['an item removed', [item('b')], [task('a'), task('b')], [], [], ['t-a']],
    [
      'an item removed whose task was cancelled already',
      [],
      [task('a', { status: 'cancelled' })],
      [],
      [],
      [],
    ],
  ])('%s', (_label, items, tasks, created, updated, cancelled) => {
    const plan = planActionItemTasks(items, tasks);
    expect(plan.create.map((i) => i.id)).toEqual(created);
    expect(plan.update.map((i) => i.id)).toEqual(updated);
    expect(plan.cancel).toEqual(cancelled);
  });
});
