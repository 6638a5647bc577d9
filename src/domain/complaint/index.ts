import { detectLanguage } from '../language';
import { extractFeatures, FEATURE_NAMES, type FeatureVector } from './features';
import { withoutInjection } from './injection';
import { severityOf, type Severity } from './severity';
import { BIAS, COMPLAINT_THRESHOLD, WEIGHTS } from './weights';

export { SEVERITIES, type Severity } from './severity';
export { COMPLAINT_THRESHOLD } from './weights';

/** The complaint scorer's verdict on one message. */
export interface ComplaintScore {
  /** Probability-like score in 0..1 that the message is a complaint. */
  score: number;
  /** `score >= COMPLAINT_THRESHOLD`. */
  complaint: boolean;
  severity: Severity;
  /** What the score rests on, as `category:phrase` (e.g. `delay:still waiting`), plus shape marks. */
  signals: string[];
}

/** The model's raw log-odds. */
function complaintLogit(values: FeatureVector): number {
  let z = BIAS;
  for (const name of FEATURE_NAMES) z += WEIGHTS[name] * values[name];
  return z;
}

/**
 * Scores a Russian or English message for complaint and anger with a small logistic model over
 * lexicon and shape features (weights fitted by `scripts/train-complaints.ts`).
 *
 * @example
 * scoreComplaint('Верните деньги, третью неделю жду заказ!')
 * // { score: ≈0.9, complaint: true, severity: 'compensation_demand',
 * //   signals: ['delay:третью неделю', 'compensation:верните деньги', …] }
 */
export function scoreComplaint(text: string, lang?: 'ru' | 'en'): ComplaintScore {
  const cleaned = withoutInjection(text);
  const { values, signals } = extractFeatures(cleaned.text, lang ?? detectLanguage(text));
  if (cleaned.injection) signals.push('injection_removed');
  const score = 1 / (1 + Math.exp(-complaintLogit(values)));
  const complaint = score >= COMPLAINT_THRESHOLD;
  return { score, complaint, severity: severityOf(values, complaint), signals };
}
