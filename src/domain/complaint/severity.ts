import type { FeatureVector } from './features';

/**
 * How serious a complaint is, for the handoff policy and the operator queue. Ordered from
 * nothing to worst; a message with several marks gets the worst one, since that is the one an
 * operator must see first.
 */
export const SEVERITIES = [
  'none',
  /** Dissatisfaction said calmly: a late parcel, a polite "unfortunately it does not work". */
  'mild',
  /** Strong words, swearing, shouting, "scam": the visitor is angry. */
  'angry',
  /** The visitor asks for money back or compensation. */
  'compensation_demand',
  /** The visitor threatens to leave: "never again", "ухожу к конкурентам", a bad review. */
  'churn_threat',
  /** A formal complaint: "formal complaint", "претензия", "жалоба". */
  'formal',
  /** Court, lawyer, regulator: "суд", "Роспотребнадзор", "consumer protection". */
  'legal_threat',
] as const;

export type Severity = (typeof SEVERITIES)[number];

/** The severity of a message already judged a complaint (or not). */
export function severityOf(values: FeatureVector, complaint: boolean): Severity {
  if (!complaint) return 'none';
  if (values.legal > 0) return 'legal_threat';
  if (values.formal > 0) return 'formal';
  if (values.churn > 0) return 'churn_threat';
  // "Still waiting for my refund" is a late refund; a demand says so: "I want my money back".
  if (values.compensation > 0 && values.demand > 0) return 'compensation_demand';
  const loud = values.caps > 0 || values.multi_punct > 0;
  if (values.anger > 0 || values.profanity > 0 || values.deceit > 0 || loud) return 'angry';
  return 'mild';
}
