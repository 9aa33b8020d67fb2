// A home for every role (docs/homes.md): which views a person may open and which one they land on.

export const HOME_VIEWS = ['tam', 'account_owner', 'sa', 'manager', 'viewer'] as const;
export type HomeView = (typeof HOME_VIEWS)[number];

export const HOME_VIEW_LABELS: Record<HomeView, string> = {
  tam: 'My week (TAM)',
  account_owner: 'My accounts (SAL / AE)',
  sa: 'Pre-sales and handoffs (SA)',
  manager: 'My team (TAM manager)',
  viewer: 'The book',
};

/** The renewal windows a home counts, in days from today (docs/homes.md, Renewals). */
export const RENEWAL_WINDOWS = [30, 60, 90, 180] as const;

/**
 * The views a person's roles allow, in the order they land on them: the first is their home.
 * Every staff member may read the whole book's overview; the role views need the role (admins
 * and TAM managers may open every view, to see what their people see).
 */
export function homeViewsFor(roles: readonly string[]): HomeView[] {
  const has = (...wanted: string[]) => roles.some((role) => wanted.includes(role));
  const views: HomeView[] = [];
  const all = has('admin', 'tam_manager');
  if (all) views.push('manager');
  if (has('tam') || all) views.push('tam');
  if (has('sal', 'ae') || all) views.push('account_owner');
  if (has('sa') || all) views.push('sa');
  views.push('viewer');
  return [...new Set(views)];
}

/** Days from `today` to `day` (both ISO dates). */
export function daysUntil(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The smallest window a renewal `daysLeft` away falls in, or null past the last one (or past due). */
export function renewalWindow(daysLeft: number): (typeof RENEWAL_WINDOWS)[number] | null {
  if (daysLeft < 0) return null;
  return RENEWAL_WINDOWS.find((window) => daysLeft <= window) ?? null;
}
