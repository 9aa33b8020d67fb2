import type { AssessmentDiff } from '@liaison/domain';

export type ShownChange = AssessmentDiff & { accountName: string };

/** The first `limit` changes by account name, kept sorted as they come; counts every change. */
export class ChangesShown {
  total = 0;
  private readonly kept: ShownChange[] = [];
  constructor(private readonly limit: number) {}
  add(change: ShownChange) {
    this.total += 1;
    const { kept } = this;
    if (kept.length === this.limit && compareNames(change, kept[kept.length - 1]!) >= 0) return;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareNames(kept[middle]!, change) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, change);
    if (kept.length > this.limit) kept.pop();
  }
  list(): ShownChange[] {
    return this.kept;
  }
}

const compareNames = (left: ShownChange, right: ShownChange) =>
  left.accountName.localeCompare(right.accountName);
