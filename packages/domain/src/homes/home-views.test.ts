import { describe, expect, it } from 'vitest';
import { daysUntil, homeViewsFor, renewalWindow } from './home-views.ts';

describe('the views a role allows, its home first', () => {
  it.each([
    [['tam'], ['tam', 'viewer']],
    [['sal'], ['account_owner', 'viewer']],
    [['ae'], ['account_owner', 'viewer']],
    [['sa'], ['sa', 'viewer']],
    [['viewer'], ['viewer']],
    [['pse'], ['viewer']],
    [['tam_manager'], ['manager', 'tam', 'account_owner', 'sa', 'viewer']],
    [['admin'], ['manager', 'tam', 'account_owner', 'sa', 'viewer']],
    [
      ['sa', 'tam'],
      ['tam', 'sa', 'viewer'],
    ],
  ])('%j → %j', (roles, views) => {
    expect(homeViewsFor(roles)).toEqual(views);
  });
});

describe('renewal windows', () => {
  it.each([
    [-1, null],
    [0, 30],
    [30, 30],
    [31, 60],
    [90, 90],
    [91, 180],
    [180, 180],
    [181, null],
  ])('%i days left → %s', (days, window) => {
    expect(renewalWindow(days)).toBe(window);
  });

  it('counts days between dates across a month end', () => {
    expect(daysUntil('2026-02-27', '2026-03-02')).toBe(3);
  });
});
