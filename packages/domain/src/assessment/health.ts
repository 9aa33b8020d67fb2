import type { Playbook } from '../playbook/playbook-schema.ts';
import type { AccountView } from './account-view.ts';
import { dateOfDay } from './calendar.ts';
import { type Explanation, explain } from './explanation.ts';
import {
  engagementMeasure,
  type HealthMeasureId,
  type MeasureReading,
  responsivenessMeasure,
  sentimentAge,
  sentimentMeasure,
  successPlanMeasure,
  supportTicketMeasure,
} from './health-measures.ts';
import type { HealthColour } from './vocabulary.ts';

export interface HealthMeasure {
  measure: HealthMeasureId;
  /** False when the measure is left out: no data, or the onboarding grace period. */
  included: boolean;
  colour: HealthColour | null;
  /** Points for the colour (default green 100, yellow 50, red 0); null when left out. */
  points: number | null;
  /** Configured weight. */
  weight: number;
  /** Share of the score in percent after renormalising over the included measures (0 if left out). */
  effectiveWeight: number;
  explanation: Explanation;
}

export interface HealthResult {
  /** 0–100, rounded to 2 decimals; null when every measure is left out. */
  score: number | null;
  /** From the score (≥ 75 green, ≥ 50 yellow, else red); red sentiment forces red; null without a score. */
  colour: HealthColour | null;
  /** The TAM sentiment is older than the stale limit (default 90 days). */
  stale: boolean;
  /** Whole days since the sentiment was set; null without a sentiment. */
  sentimentAgeDays: number | null;
  measures: HealthMeasure[];
  explanation: Explanation;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The health scorecard (docs/playbook.md, Health): weighted points of the included measures,
 * renormalised so that missing measures drop out. The measures are the TAM's: with no TAM
 * (`requireTam`) none is scored and the account is "not scored", never "red 0". In the first
 * `onboardingGraceDays` days since onboarding started (inclusive, completed or not) only the
 * sentiment counts; in the first `tamGraceDays` of the TAM's engagement, recency and the success
 * plan are left out. Health never reads the priority.
 */
export function health(view: AccountView, playbook: Playbook): HealthResult {
  const cfg = playbook.health;
  const { facts } = view;
  const daysIntoOnboarding = view.onboardingStartDay === null ? null : view.today - view.onboardingStartDay;
  const grace = daysIntoOnboarding !== null && daysIntoOnboarding <= cfg.onboardingGraceDays;
  const graced = (ruleId: string): MeasureReading => ({
    colour: null,
    explanation: explain(
      ruleId,
      [`day ${daysIntoOnboarding} of onboarding ≤ ${cfg.onboardingGraceDays} → left out`],
      { daysIntoOnboarding, onboardingGraceDays: cfg.onboardingGraceDays },
    ),
  });
  // TAM-owned measures need a TAM; recency and the success plan wait out the TAM's first weeks.
  const engagement = view.tamEngagement;
  const noTam = cfg.requireTam && engagement === null;
  const daysIntoEngagement = engagement === null ? null : view.today - engagement.day;
  const tamGrace = cfg.requireTam && daysIntoEngagement !== null && daysIntoEngagement <= cfg.tamGraceDays;
  const withoutTam = (ruleId: string): MeasureReading => ({
    colour: null,
    explanation: explain(ruleId, ['no TAM: a TAM-owned measure → left out'], { requireTam: true }),
  });
  const tamGraced = (ruleId: string): MeasureReading => ({
    colour: null,
    explanation: explain(
      ruleId,
      [
        `TAM engaged since ${dateOfDay(engagement!.day)}: day ${daysIntoEngagement} ≤ ${cfg.tamGraceDays} → left out`,
      ],
      { tamEngagedSince: dateOfDay(engagement!.day), daysIntoEngagement, tamGraceDays: cfg.tamGraceDays },
    ),
  });
  const read = (ruleId: string, measure: () => MeasureReading, waitsForTam: boolean): MeasureReading =>
    noTam
      ? withoutTam(ruleId)
      : grace
        ? graced(ruleId)
        : waitsForTam && tamGrace
          ? tamGraced(ruleId)
          : measure();
  const readings: [HealthMeasureId, number, MeasureReading][] = [
    ['sentiment', cfg.weights.sentiment, noTam ? withoutTam('health.sentiment') : sentimentMeasure(facts)],
    [
      'engagement',
      cfg.weights.engagement,
      read('health.engagement', () => engagementMeasure(view, playbook), true),
    ],
    [
      'success_plan',
      cfg.weights.successPlan,
      read('health.success_plan', () => successPlanMeasure(facts), true),
    ],
    [
      'support_tickets',
      cfg.weights.supportTickets,
      read('health.support_tickets', () => supportTicketMeasure(view, playbook), false),
    ],
    // Off by default (`projects.responsiveness.healthMeasure`): then not on the scorecard at all.
    ...(playbook.projects.responsiveness.healthMeasure
      ? [
          [
            'responsiveness',
            playbook.projects.responsiveness.weight,
            read('health.responsiveness', () => responsivenessMeasure(view, playbook), false),
          ] as [HealthMeasureId, number, MeasureReading],
        ]
      : []),
  ];
  const totalWeight = readings.reduce((sum, [, w, r]) => sum + (r.colour ? w : 0), 0);
  const measures: HealthMeasure[] = readings.map(([measure, weight, r]) => ({
    measure,
    included: r.colour !== null,
    colour: r.colour,
    points: r.colour ? cfg.points[r.colour] : null,
    weight,
    effectiveWeight: r.colour && totalWeight > 0 ? round2((weight / totalWeight) * 100) : 0,
    explanation: r.explanation,
  }));
  const { ageDays, stale } = sentimentAge(facts, view.today, playbook);
  const path = measures.map((m) =>
    m.included
      ? `${m.measure}: ${m.colour} = ${m.points} pts × weight ${m.weight}`
      : `${m.measure}: left out`,
  );
  const inputs: Record<string, unknown> = {
    weights: cfg.weights,
    thresholds: cfg.thresholds,
    sentimentAgeDays: ageDays,
    staleSentimentDays: cfg.staleSentimentDays,
  };
  if (stale) path.push(`sentiment is ${ageDays} days old > ${cfg.staleSentimentDays} → stale`);
  if (totalWeight === 0) {
    path.push(noTam ? 'no TAM → not scored' : 'no measure available → not scored');
    return {
      score: null,
      colour: null,
      stale,
      sentimentAgeDays: ageDays,
      measures,
      explanation: explain('health', path, inputs),
    };
  }
  const weighted = measures.reduce((sum, m) => sum + (m.points ?? 0) * m.weight, 0);
  const score = round2(weighted / totalWeight);
  path.push(`score = ${round2(weighted)} / ${totalWeight} = ${score}`);
  let colour: HealthColour =
    score >= cfg.thresholds.green ? 'green' : score >= cfg.thresholds.yellow ? 'yellow' : 'red';
  const { green, yellow } = cfg.thresholds;
  path.push(
    colour === 'green'
      ? `${score} ≥ ${green}? yes → green`
      : colour === 'yellow'
        ? `${score} ≥ ${green}? no; ≥ ${yellow}? yes → yellow`
        : `${score} ≥ ${yellow}? no → red`,
  );
  if (cfg.redSentimentMakesRed && facts.sentiment?.value === 'red') {
    colour = 'red';
    path.push('TAM sentiment is red → red regardless of score');
  }
  return {
    score,
    colour,
    stale,
    sentimentAgeDays: ageDays,
    measures,
    explanation: explain('health', path, inputs),
  };
}
