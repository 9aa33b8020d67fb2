import { describe, expect, it } from 'vitest';
import { parsePlaybook } from '../playbook/parse-playbook.ts';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import {
  type AudienceEvent,
  type AudienceFacts,
  defaultNotificationSettings,
  type NotificationSettings,
  resolveAudience,
} from './audiences.ts';

// Who hears of what (docs/notifications.md, Audiences): the handbook's lists by default.

const facts: AudienceFacts = {
  region: 'noram',
  team: [
    { userId: 'sal', role: 'sal' },
    { userId: 'sa', role: 'sa' },
    { userId: 'tam', role: 'tam' },
  ],
  regionalManagers: ['manager'],
  leaders: [
    { list: 'tam_director', userId: 'director', regions: [] },
    { list: 'sales_leadership', userId: 'asm-noram', regions: ['noram'] },
    { list: 'sales_leadership', userId: 'asm-emea', regions: ['emea'] },
    { list: 'cs_leadership', userId: 'vp-cs', regions: [] },
  ],
  activeUserIds: new Set([
    'sal',
    'sa',
    'tam',
    'manager',
    'director',
    'asm-noram',
    'asm-emea',
    'vp-cs',
    'me',
    'x',
  ]),
};

const event = (type: AudienceEvent['type'], patch: Partial<AudienceEvent> = {}): AudienceEvent => ({
  type,
  actorId: null,
  recipientIds: [],
  ...patch,
});

describe('the handbook’s lists', () => {
  it.each([
    ['health.yellow', event('health.yellow'), ['sal', 'sa', 'tam', 'manager', 'director']],
    ['health.red', event('health.red'), ['sal', 'sa', 'tam', 'manager', 'director', 'asm-noram', 'vp-cs']],
    ['task.assigned', event('task.assigned', { recipientIds: ['x'] }), ['x']],
    ['step.assigned', event('step.assigned', { recipientIds: ['x', 'x'] }), ['x']],
    ['obligation.overdue', event('obligation.overdue'), ['tam']],
    ['sentiment.stale (named and TAM once)', event('sentiment.stale', { recipientIds: ['tam'] }), ['tam']],
    ['handoff.requested', event('handoff.requested', { recipientIds: ['tam'] }), ['tam']],
    ['import.finished', event('import.finished', { recipientIds: ['me'] }), ['me']],
  ] as const)('%s', (_name, input, expected) => {
    expect(resolveAudience(input, defaultNotificationSettings, facts)).toEqual(expected);
  });
});

describe('who is never told', () => {
  it.each([
    ['the actor of what they caused', event('task.assigned', { actorId: 'x', recipientIds: ['x'] }), []],
    [
      'the actor, among others',
      event('health.red', { actorId: 'tam' }),
      ['sal', 'sa', 'manager', 'director', 'asm-noram', 'vp-cs'],
    ],
    ['a deactivated user', event('task.assigned', { recipientIds: ['gone'] }), []],
  ] as const)('%s', (_name, input, expected) => {
    expect(resolveAudience(input, defaultNotificationSettings, facts)).toEqual(expected);
  });

  it('but the importer hears of their own import (it runs in the background)', () => {
    expect(
      resolveAudience(
        event('import.failed', { actorId: 'me', recipientIds: ['me'] }),
        defaultNotificationSettings,
        facts,
      ),
    ).toEqual(['me']);
  });
});

describe('the playbook decides', () => {
  const settings = (audiences: Record<string, readonly string[]>): NotificationSettings => ({
    ...defaultNotificationSettings,
    audiences: {
      ...defaultNotificationSettings.audiences,
      ...audiences,
    } as NotificationSettings['audiences'],
  });
  it.each([
    ['an empty list tells no one', { 'health.red': [] }, event('health.red'), []],
    ['the account owner only', { 'health.yellow': ['account_owner'] }, event('health.yellow'), ['sal']],
    [
      'the TAM and the manager',
      { 'task.assigned': ['tam', 'regional_tam_manager'] },
      event('task.assigned'),
      ['tam', 'manager'],
    ],
  ] as const)('%s', (_name, audiences, input, expected) => {
    expect(resolveAudience(input, settings(audiences), facts)).toEqual(expected);
  });

  it('an event on no account reaches no regional manager and only leaders of every region', () => {
    expect(
      resolveAudience(event('health.red'), defaultNotificationSettings, {
        ...facts,
        region: null,
        team: [],
      }),
    ).toEqual(['director', 'vp-cs']);
  });
});

describe('the playbook’s notifications section', () => {
  it('a playbook stored before it existed takes the handbook’s lists', () => {
    const stored: Record<string, unknown> = structuredClone(defaultPlaybook);
    delete stored.notifications;
    const result = parsePlaybook(stored);
    expect(result.ok && result.playbook.notifications).toEqual(defaultNotificationSettings);
  });

  it.each([
    [
      'an unknown audience',
      (n: any) => (n.audiences['health.red'] = ['everyone']),
      'notifications.audiences.health.red[0]',
    ],
    [
      'an event type left out',
      (n: any) => delete n.audiences['import.failed'],
      'notifications.audiences.import.failed',
    ],
    [
      'a leader without an e-mail',
      (n: any) => n.leadership.cs_leadership.push({ email: 'vp' }),
      'notifications.leadership.cs_leadership[0].email',
    ],
    [
      'a leader in no known region',
      (n: any) => n.leadership.tam_director.push({ email: 'd@x.io', regions: ['mars'] }),
      'notifications.leadership.tam_director[0].regions[0]',
    ],
  ])('refuses %s', (_name, edit, path) => {
    const copy: any = structuredClone(defaultPlaybook);
    edit(copy.notifications);
    const result = parsePlaybook(copy);
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toContain(path);
  });

  it('accepts leadership people with their regions', () => {
    const copy: any = structuredClone(defaultPlaybook);
    copy.notifications.leadership.sales_leadership.push({ email: 'asm@example.com', regions: ['noram'] });
    copy.notifications.leadership.cs_leadership.push({ email: 'vp@example.com' });
    const result = parsePlaybook(copy);
    expect(result.ok && result.playbook.notifications.leadership.cs_leadership).toEqual([
      { email: 'vp@example.com', regions: [] },
    ]);
  });
});
