import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import { tamAlignment } from './tam-alignment.ts';
import { makeFacts, NOW, viewAt } from './test-fixtures.ts';

const noTeam = { team: [] };

describe('tamAlignment (seed 002: plan ≥ premium and ARR ≥ $100k)', () => {
  it.each([
    ['premium', 100_000, true],
    ['premium', 99_999, false],
    ['ultimate', 100_000, true],
    ['free', 1_000_000, false],
    ['gold', 1_000_000, false],
  ])('plan %s, ARR %i → eligible %s', (plan, arr, eligible) => {
    const result = tamAlignment(viewAt(makeFacts({ plan, arr, ...noTeam })), defaultPlaybook);
    expect(result.eligible).toBe(eligible);
    expect(result.needsTam).toBe(eligible);
    expect(result.managed).toBe(eligible);
  });

  it('flags a TAM on an account below the threshold as a disengagement candidate', () => {
    const result = tamAlignment(viewAt(makeFacts({ arr: 80_000 })), defaultPlaybook);
    expect(result).toMatchObject({
      eligible: false,
      hasTam: true,
      needsTam: false,
      disengagementCandidate: true,
      managed: true,
      tamUserIds: ['tam-1'],
    });
  });

  it.each([
    ['ended before now', '2024-01-01T00:00:00Z', '2025-06-01T00:00:00Z', false],
    ['ending exactly now', '2024-01-01T00:00:00Z', NOW, false],
    ['starting exactly now', NOW, null, true],
    ['starting after now', '2025-07-01T00:00:00Z', null, false],
    ['open-ended', '2024-01-01T00:00:00Z', null, true],
  ])('counts a TAM assignment %s: %s', (_label, startsAt, endsAt, hasTam) => {
    const facts = makeFacts({ team: [{ userId: 'tam-9', role: 'tam', startsAt, endsAt }] });
    expect(tamAlignment(viewAt(facts), defaultPlaybook).hasTam).toBe(hasTam);
  });

  it('does not count other roles as a TAM', () => {
    const facts = makeFacts({
      team: [{ userId: 'sal-1', role: 'sal', startsAt: '2024-01-01', endsAt: null }],
    });
    expect(tamAlignment(viewAt(facts), defaultPlaybook)).toMatchObject({ hasTam: false, needsTam: true });
  });
});
