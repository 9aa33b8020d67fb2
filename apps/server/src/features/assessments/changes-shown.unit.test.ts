import { describe, expect, it } from 'vitest';
import { ChangesShown, type ShownChange } from './changes-shown.ts';

const change = (accountName: string): ShownChange =>
  ({
    accountId: accountName,
    accountName,
    changes: [{ field: 'priority', before: 'pr1', after: 'pr2' }],
  }) as ShownChange;

describe('the changes a dry run lists', () => {
  it('keeps the first N by name whatever the order they come in, and counts them all', () => {
    const shown = new ChangesShown(3);
    for (const name of ['Delta', 'alpha', 'Echo', 'Bravo', 'Charlie', 'Alpha', 'Zulu'])
      shown.add(change(name));
    expect(shown.total).toBe(7);
    expect(shown.list().map((item) => item.accountName)).toEqual(['alpha', 'Alpha', 'Bravo']);
  });

  it('lists everything when there are fewer than N', () => {
    const shown = new ChangesShown(10);
    for (const name of ['b', 'a']) shown.add(change(name));
    expect(shown.list().map((item) => item.accountName)).toEqual(['a', 'b']);
    expect(shown.total).toBe(2);
  });
});
