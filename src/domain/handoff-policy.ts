import { z } from 'zod';
import { SEVERITIES } from './complaint/severity';
import { COMPLAINT_THRESHOLD } from './complaint/weights';
import type { HandoffReason } from './decision';

/**
 * The handoff policy: one pure function from the signals of a visitor turn to answer, clarify
 * or handoff, with every reason that applies. No clock, no store: the caller keeps the miss
 * streak on the conversation and hands it in.
 *
 * Confidence bands (threshold t is the retriever's calibrated answer level):
 *
 *   confident   confidence ≥ t                        → answer (unless a trigger fires)
 *   ambiguous   < t, but the right article is among the top two → clarify with options
 *   unsure      rephraseFloor·t ≤ confidence < t     → clarify: ask the visitor to rephrase
 *   hopeless    confidence < rephraseFloor·t         → clarify: say what the bot can help with;
 *                                                      handoff `low_confidence` after a miss
 *   none        no knowledge base                     → handoff `no_knowledge_base`
 *
 * A **miss** is any turn without a confident answer (every band but `confident`). One unrelated
 * line is not a reason to queue a person: the visitor is told what the bot can help with and
 * offered a person; a second hopeless turn in a row goes to a person (`low_confidence`). The
 * repeated-misses rule is about the turns where the bot stays in charge and asks again
 * (ambiguous, unsure, or hopeless while the `lowConfidence` trigger is off). With `repeatedMisses` = N, after N misses in a row the next
 * miss hands off (`repeated_misses`) instead of failing a (N+1)-th time: with the default 2 a
 * visitor is asked to clarify at most twice.
 *
 * **Complaints** count when `score ≥ complaint.threshold`. Severities in
 * `complaint.alwaysHandoff` (angry and worse by default) always go to a person. A mild
 * complaint is answered when the bot has a confident answer and `mildComplaint` is 'answer'
 * (a late parcel with a tracking article); otherwise it is handed off rather than asking an
 * unhappy visitor to rephrase.
 */

/** The complaint scorer's severities, one list for both. */
export const SEVERITY_VALUES = SEVERITIES;
const severitySchema = z.enum(SEVERITY_VALUES);
export type Severity = z.infer<typeof severitySchema>;

export interface PolicySignals {
  /** null when there is no knowledge base */
  retrieval: null | {
    confidence: number;
    threshold: number;
    /** the right article is probably among the top two: a clarifying question can settle it */
    ambiguous: boolean;
    top?: { id: string; title: string; department?: string; handoff: 'auto' | 'always' };
  };
  /** the visitor asked for a person in this message */
  humanRequested: boolean;
  complaint: { score: number; severity: Severity };
  /** consecutive earlier bot turns that were misses */
  missStreak: number;
  /** a signed attribute from the website */
  vip: boolean;
}

const triggersSchema = z.strictObject({
  lowConfidence: z.boolean().default(true),
  complaint: z.boolean().default(true),
  explicitRequest: z.boolean().default(true),
  repeatedMisses: z.boolean().default(true),
  alwaysHuman: z.boolean().default(true),
});

const ratio = z.number().min(0).max(1);

/** What a department may change about the base policy. */
const departmentOverrideSchema = z.strictObject({
  triggers: triggersSchema.partial().optional(),
  repeatedMisses: z.number().int().min(1).optional(),
  mildComplaint: z.enum(['answer', 'handoff']).optional(),
  vipAlwaysHuman: z.boolean().optional(),
  rephraseFloor: ratio.optional(),
  /** added to the queue priority of this department's conversations */
  priorityBoost: z.number().default(0),
});

/**
 * The policy configuration, parseable from JSON: `policyConfigSchema.parse({})` is
 * DEFAULT_POLICY, and any field may be given alone. Strict at every level: an unknown key is a
 * typo ("repeatedMiss") that would otherwise be dropped and leave the default in force.
 *
 * @example
 * policyConfigSchema.parse({
 *   routing: { severity: { formal: 'claims', legal_threat: 'claims' } },
 *   departments: { billing: { mildComplaint: 'handoff', priorityBoost: 10 } },
 * })
 */
export const policyConfigSchema = z.strictObject({
  triggers: triggersSchema.prefault({}),
  /** hand off on the (N+1)-th miss in a row */
  repeatedMisses: z.number().int().min(1).default(2),
  /** share of the answer threshold below which the bot stops asking to rephrase */
  rephraseFloor: ratio.default(0.75),
  complaint: z
    .strictObject({
      /** the scorer's own default */
      threshold: ratio.default(COMPLAINT_THRESHOLD),
      alwaysHandoff: z
        .array(severitySchema)
        .default(['angry', 'compensation_demand', 'churn_threat', 'formal', 'legal_threat']),
    })
    .prefault({}),
  /** a mild complaint with a confident answer: answer it, or always give it to a person */
  mildComplaint: z.enum(['answer', 'handoff']).default('answer'),
  /** every message of a VIP visitor goes to a person (otherwise VIP only raises priority) */
  vipAlwaysHuman: z.boolean().default(false),
  /** where a handoff goes when neither routing nor the article says */
  defaultDepartment: z.string().min(1).default('general'),
  /**
   * Complaint routing beats the article's department. Empty by default: routing to a
   * department nobody staffs would strand the visitor.
   */
  routing: z.strictObject({ severity: z.partialRecord(severitySchema, z.string().min(1)).default({}) }).prefault({}),
  departments: z.record(z.string(), departmentOverrideSchema).default({}),
  priority: z
    .strictObject({
      vip: z.number().default(30),
      explicitRequest: z.number().default(5),
      severity: z
        .strictObject({
          none: z.number().default(0),
          mild: z.number().default(10),
          angry: z.number().default(20),
          compensation_demand: z.number().default(25),
          churn_threat: z.number().default(30),
          formal: z.number().default(35),
          legal_threat: z.number().default(40),
        })
        .prefault({}),
    })
    .prefault({}),
});
export type PolicyConfig = z.infer<typeof policyConfigSchema>;
export type PolicyConfigInput = z.input<typeof policyConfigSchema>;

export const DEFAULT_POLICY: PolicyConfig = policyConfigSchema.parse({});

export interface PolicyOutcome {
  action: 'answer' | 'clarify' | 'handoff';
  /** the handoff reasons that fired, most important first; empty unless action is handoff */
  reasons: HandoffReason[];
  department: string;
  /** queue priority, higher = more urgent; meaningful for handoffs */
  priority: number;
  /** this turn had no confident answer; the caller extends or resets the miss streak */
  miss: boolean;
}

/**
 * Reasons in order of importance: what the operator should read first. A complaint says the
 * most about how to open the conversation; the fallbacks say the least.
 */
export const REASON_ORDER: readonly HandoffReason[] = [
  'complaint',
  'explicit_request',
  'vip',
  'always_human',
  'repeated_misses',
  'low_confidence',
  'no_knowledge_base',
];

type Band = 'confident' | 'ambiguous' | 'unsure' | 'hopeless' | 'none';

function bandOf(retrieval: PolicySignals['retrieval'], rephraseFloor: number): Band {
  if (retrieval === null) return 'none';
  if (retrieval.confidence >= retrieval.threshold) return 'confident';
  if (retrieval.ambiguous) return 'ambiguous';
  return retrieval.confidence >= rephraseFloor * retrieval.threshold ? 'unsure' : 'hopeless';
}

/** The complaint severity that counts: 'none' under the threshold, at least 'mild' above it. */
export function effectiveSeverity(complaint: PolicySignals['complaint'], config: PolicyConfig = DEFAULT_POLICY): Severity {
  if (complaint.score < config.complaint.threshold) return 'none';
  return complaint.severity === 'none' ? 'mild' : complaint.severity;
}

/**
 * Routing first (complaint severity), then the article's department when the bot was at least
 * on topic (a hopeless best match says nothing about the subject), then the default.
 */
function resolveDepartment(signals: PolicySignals, config: PolicyConfig = DEFAULT_POLICY): string {
  const routed = config.routing.severity[effectiveSeverity(signals.complaint, config)];
  if (routed) return routed;
  const band = bandOf(signals.retrieval, config.rephraseFloor);
  const fromArticle = signals.retrieval?.top?.department;
  if (fromArticle && band !== 'hopeless' && band !== 'none') return fromArticle;
  return config.defaultDepartment;
}

export interface PriorityInput {
  vip: boolean;
  /** effective severity ('none' when the message is no complaint) */
  severity: Severity;
  humanRequested: boolean;
  department: string;
}

/** Queue priority, higher = more urgent: VIP, complaint severity, explicit request, department. */
export function queuePriority(input: PriorityInput, config: PolicyConfig = DEFAULT_POLICY): number {
  const p = config.priority;
  return (
    (input.vip ? p.vip : 0) +
    p.severity[input.severity] +
    (input.humanRequested ? p.explicitRequest : 0) +
    (config.departments[input.department]?.priorityBoost ?? 0)
  );
}

/** The base config with the department's overrides laid over it. */
function forDepartment(config: PolicyConfig, department: string): PolicyConfig {
  const o = config.departments[department];
  if (!o) return config;
  return {
    ...config,
    triggers: { ...config.triggers, ...o.triggers },
    repeatedMisses: o.repeatedMisses ?? config.repeatedMisses,
    mildComplaint: o.mildComplaint ?? config.mildComplaint,
    vipAlwaysHuman: o.vipAlwaysHuman ?? config.vipAlwaysHuman,
    rephraseFloor: o.rephraseFloor ?? config.rephraseFloor,
  };
}

/**
 * Decides one visitor turn. The department is resolved first (with the base config), so that
 * department overrides can change the triggers that decide.
 *
 * @example
 * decidePolicy({ retrieval: { confidence: 0.1, threshold: 0.6, ambiguous: false },
 *   humanRequested: false, complaint: { score: 0, severity: 'none' }, missStreak: 0, vip: false })
 * // { action: 'clarify', reasons: [], department: 'general', priority: 0, miss: true }
 */
export function decidePolicy(signals: PolicySignals, config: PolicyConfig = DEFAULT_POLICY): PolicyOutcome {
  const department = resolveDepartment(signals, config);
  const c = forDepartment(config, department);
  const band = bandOf(signals.retrieval, c.rephraseFloor);
  const miss = band !== 'confident';
  const severity = effectiveSeverity(signals.complaint, c);
  const t = c.triggers;

  const fired = new Set<HandoffReason>();
  if (t.complaint && severity !== 'none') {
    const severe = c.complaint.alwaysHandoff.includes(severity);
    if (severe || c.mildComplaint === 'handoff' || band !== 'confident') fired.add('complaint');
  }
  if (t.explicitRequest && signals.humanRequested) fired.add('explicit_request');
  if (c.vipAlwaysHuman && signals.vip) fired.add('vip');
  if (t.alwaysHuman && band === 'confident' && signals.retrieval?.top?.handoff === 'always') fired.add('always_human');
  if (t.repeatedMisses && miss && signals.missStreak >= c.repeatedMisses) fired.add('repeated_misses');
  // One unclear line is asked about (what the bot can help with, or a person); a second in a row goes to a person.
  if (t.lowConfidence && band === 'hopeless' && signals.missStreak >= 1) fired.add('low_confidence');
  // Without a knowledge base there is nothing to answer from: never a trigger one can turn off.
  if (band === 'none') fired.add('no_knowledge_base');

  const reasons = REASON_ORDER.filter((r) => fired.has(r));
  const action = reasons.length > 0 ? 'handoff' : band === 'confident' ? 'answer' : 'clarify';
  const priority = queuePriority({ vip: signals.vip, severity, humanRequested: signals.humanRequested, department }, config);
  return { action, reasons, department, priority, miss };
}
