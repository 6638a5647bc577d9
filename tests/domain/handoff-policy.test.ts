import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../../src/domain/complaint/severity';
import { handoffReasonSchema, type HandoffReason } from '../../src/domain/decision';
import {
  DEFAULT_POLICY,
  REASON_ORDER,
  SEVERITY_VALUES,
  decidePolicy,
  policyConfigSchema,
  queuePriority,
  type PolicyConfigInput,
  type PolicySignals,
  type Severity,
} from '../../src/domain/handoff-policy';

type Top = NonNullable<NonNullable<PolicySignals['retrieval']>['top']>;
const T = 0.6; // the answer threshold in every row

const article = (over: Partial<Top> = {}): Top => ({ id: 'a1', title: 'Delivery times', department: 'logistics', handoff: 'auto', ...over });
const kb = (confidence: number, over: { ambiguous?: boolean; top?: Partial<Top> } = {}): PolicySignals['retrieval'] => ({
  confidence,
  threshold: T,
  ambiguous: over.ambiguous ?? false,
  top: article(over.top),
});

function signals(over: Partial<PolicySignals> & { severity?: Severity; score?: number } = {}): PolicySignals {
  const { severity = 'none', score, ...rest } = over;
  return {
    retrieval: kb(0.9),
    humanRequested: false,
    complaint: { score: score ?? (severity === 'none' ? 0.05 : 0.9), severity },
    missStreak: 0,
    vip: false,
    ...rest,
  };
}

const ROUTING: PolicyConfigInput = { routing: { severity: { formal: 'claims', legal_threat: 'claims' } } };

interface Row {
  name: string;
  s: PolicySignals;
  config?: PolicyConfigInput;
  action: 'answer' | 'clarify' | 'handoff';
  reasons?: HandoffReason[];
  department?: string;
  miss?: boolean;
}

const ROWS: Row[] = [
  // the bands
  { name: 'confident answer', s: signals(), action: 'answer', reasons: [], department: 'logistics', miss: false },
  { name: 'exactly at threshold answers', s: signals({ retrieval: kb(T) }), action: 'answer', miss: false },
  { name: 'ambiguous → clarify, a miss', s: signals({ retrieval: kb(0.4, { ambiguous: true }) }), action: 'clarify', reasons: [], miss: true },
  { name: 'unsure band → ask to rephrase', s: signals({ retrieval: kb(0.5) }), action: 'clarify', department: 'logistics', miss: true },
  { name: 'one unrelated line is asked about, not handed off', s: signals({ retrieval: kb(0.05) }), action: 'clarify', reasons: [], department: 'general', miss: true },
  { name: 'a second unrelated line in a row → low_confidence', s: signals({ retrieval: kb(0.05), missStreak: 1 }), action: 'handoff', reasons: ['low_confidence'], department: 'general', miss: true },
  { name: 'no knowledge base', s: signals({ retrieval: null }), action: 'handoff', reasons: ['no_knowledge_base'], department: 'general', miss: true },
  { name: 'no KB even with low_confidence off', s: signals({ retrieval: null }), config: { triggers: { lowConfidence: false } }, action: 'handoff', reasons: ['no_knowledge_base'] },
  // repeated misses: N earlier misses, then the next miss hands off
  { name: 'one earlier miss, clarify again', s: signals({ retrieval: kb(0.4, { ambiguous: true }), missStreak: 1 }), action: 'clarify' },
  { name: 'two earlier misses → repeated_misses', s: signals({ retrieval: kb(0.4, { ambiguous: true }), missStreak: 2 }), action: 'handoff', reasons: ['repeated_misses'], department: 'logistics' },
  { name: 'streak does not matter when confident', s: signals({ missStreak: 5 }), action: 'answer', miss: false },
  { name: 'repeatedMisses = 1', s: signals({ retrieval: kb(0.5), missStreak: 1 }), config: { repeatedMisses: 1 }, action: 'handoff', reasons: ['repeated_misses'] },
  { name: 'repeated misses trigger off → clarify forever', s: signals({ retrieval: kb(0.5), missStreak: 9 }), config: { triggers: { repeatedMisses: false } }, action: 'clarify' },
  { name: 'low_confidence off: hopeless asks again', s: signals({ retrieval: kb(0.05) }), config: { triggers: { lowConfidence: false } }, action: 'clarify', miss: true },
  { name: 'low_confidence off, after misses → repeated_misses', s: signals({ retrieval: kb(0.05), missStreak: 2 }), config: { triggers: { lowConfidence: false } }, action: 'handoff', reasons: ['repeated_misses'] },
  { name: 'hopeless after misses carries both', s: signals({ retrieval: kb(0.05), missStreak: 2 }), action: 'handoff', reasons: ['repeated_misses', 'low_confidence'] },
  // explicit request
  { name: 'explicit request beats a confident answer', s: signals({ humanRequested: true }), action: 'handoff', reasons: ['explicit_request'], department: 'logistics', miss: false },
  { name: 'explicit request trigger off', s: signals({ humanRequested: true }), config: { triggers: { explicitRequest: false } }, action: 'answer' },
  // complaints
  { name: 'mild complaint + confident answer → answer', s: signals({ severity: 'mild' }), action: 'answer', reasons: [] },
  { name: 'mild complaint + unsure → handoff, not rephrase', s: signals({ severity: 'mild', retrieval: kb(0.5) }), action: 'handoff', reasons: ['complaint'] },
  { name: 'mild complaint, mildComplaint=handoff', s: signals({ severity: 'mild' }), config: { mildComplaint: 'handoff' }, action: 'handoff', reasons: ['complaint'] },
  { name: 'angry always hands off', s: signals({ severity: 'angry' }), action: 'handoff', reasons: ['complaint'], department: 'logistics' },
  { name: 'churn threat hands off', s: signals({ severity: 'churn_threat' }), action: 'handoff', reasons: ['complaint'] },
  { name: 'compensation demand hands off', s: signals({ severity: 'compensation_demand' }), action: 'handoff', reasons: ['complaint'] },
  { name: 'score under threshold is no complaint', s: signals({ severity: 'angry', score: 0.3 }), action: 'answer' },
  { name: 'custom threshold catches it', s: signals({ severity: 'angry', score: 0.3 }), config: { complaint: { threshold: 0.25 } }, action: 'handoff', reasons: ['complaint'] },
  { name: 'complaint over threshold with severity none counts as mild', s: signals({ severity: 'none', score: 0.8, retrieval: kb(0.05) }), action: 'handoff', reasons: ['complaint'] },
  { name: 'complaint trigger off', s: signals({ severity: 'legal_threat' }), config: { triggers: { complaint: false } }, action: 'answer' },
  // routing and departments
  { name: 'formal complaint routed to claims', s: signals({ severity: 'formal' }), config: ROUTING, action: 'handoff', reasons: ['complaint'], department: 'claims' },
  { name: 'legal threat routed to claims', s: signals({ severity: 'legal_threat', retrieval: kb(0.05), missStreak: 1 }), config: ROUTING, action: 'handoff', reasons: ['complaint', 'low_confidence'], department: 'claims' },
  { name: 'angry not routed: article department', s: signals({ severity: 'angry' }), config: ROUTING, action: 'handoff', department: 'logistics' },
  { name: 'no routing by default', s: signals({ severity: 'formal' }), action: 'handoff', department: 'logistics' },
  { name: 'article without department → default', s: signals({ retrieval: kb(0.9, { top: { department: undefined } }), humanRequested: true }), action: 'handoff', department: 'general' },
  { name: 'custom default department', s: signals({ retrieval: null }), config: { defaultDepartment: 'support' }, action: 'handoff', department: 'support' },
  { name: 'department override: mild complaints go to a person', s: signals({ severity: 'mild' }), config: { departments: { logistics: { mildComplaint: 'handoff' } } }, action: 'handoff', reasons: ['complaint'] },
  { name: 'override for another department does not apply', s: signals({ severity: 'mild' }), config: { departments: { billing: { mildComplaint: 'handoff' } } }, action: 'answer' },
  { name: 'department override: explicit requests off', s: signals({ humanRequested: true }), config: { departments: { logistics: { triggers: { explicitRequest: false } } } }, action: 'answer' },
  { name: 'department override: one miss is enough', s: signals({ retrieval: kb(0.4, { ambiguous: true }), missStreak: 1 }), config: { departments: { logistics: { repeatedMisses: 1 } } }, action: 'handoff', reasons: ['repeated_misses'] },
  { name: 'department override: no rephrase band', s: signals({ retrieval: kb(0.5), missStreak: 1 }), config: { departments: { logistics: { rephraseFloor: 1 } } }, action: 'handoff', reasons: ['low_confidence'], department: 'logistics' },
  // always a human
  { name: 'article marked always', s: signals({ retrieval: kb(0.9, { top: { handoff: 'always' } }) }), action: 'handoff', reasons: ['always_human'], department: 'logistics', miss: false },
  { name: 'always-article that is only a guess does not fire', s: signals({ retrieval: kb(0.5, { top: { handoff: 'always' } }) }), action: 'clarify' },
  { name: 'always_human trigger off', s: signals({ retrieval: kb(0.9, { top: { handoff: 'always' } }) }), config: { triggers: { alwaysHuman: false } }, action: 'answer' },
  // VIP
  { name: 'VIP only raises priority by default', s: signals({ vip: true }), action: 'answer' },
  { name: 'vipAlwaysHuman', s: signals({ vip: true }), config: { vipAlwaysHuman: true }, action: 'handoff', reasons: ['vip'] },
  { name: 'vipAlwaysHuman per department', s: signals({ vip: true }), config: { departments: { logistics: { vipAlwaysHuman: true } } }, action: 'handoff', reasons: ['vip'] },
  // ordering: everything at once
  {
    name: 'all reasons, most important first',
    s: signals({ retrieval: kb(0.05, { top: { handoff: 'always' } }), humanRequested: true, severity: 'angry', vip: true, missStreak: 3 }),
    config: { vipAlwaysHuman: true },
    action: 'handoff',
    reasons: ['complaint', 'explicit_request', 'vip', 'repeated_misses', 'low_confidence'],
    department: 'general',
  },
  {
    name: 'always_human sits between vip and misses',
    s: signals({ retrieval: kb(0.9, { top: { handoff: 'always' } }), humanRequested: true, vip: true }),
    config: { vipAlwaysHuman: true },
    action: 'handoff',
    reasons: ['explicit_request', 'vip', 'always_human'],
  },
];

describe('decidePolicy table', () => {
  it('the table has at least 25 rows and every reason appears', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(25);
    const seen = new Set(ROWS.flatMap((r) => r.reasons ?? []));
    expect([...seen].sort()).toEqual([...handoffReasonSchema.options].sort());
  });

  for (const row of ROWS) {
    it(row.name, () => {
      const out = decidePolicy(row.s, policyConfigSchema.parse(row.config ?? {}));
      expect(out.action).toBe(row.action);
      if (row.reasons) expect(out.reasons).toEqual(row.reasons);
      if (row.department) expect(out.department).toBe(row.department);
      if (row.miss !== undefined) expect(out.miss).toBe(row.miss);
      // invariant: reasons exist exactly when the bot hands off
      expect(out.reasons.length > 0).toBe(out.action === 'handoff');
    });
  }
});

describe('policy config', () => {
  it('parses {} to the defaults', () => {
    expect(policyConfigSchema.parse({})).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY.repeatedMisses).toBe(2);
    expect(DEFAULT_POLICY.triggers).toEqual({ lowConfidence: true, complaint: true, explicitRequest: true, repeatedMisses: true, alwaysHuman: true });
  });

  it('rejects nonsense with a path', () => {
    const r = policyConfigSchema.safeParse({ repeatedMisses: 0, routing: { severity: { furious: 'x' } } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('repeatedMisses');
  });

  it('orders every reason', () => {
    expect([...REASON_ORDER].sort()).toEqual([...handoffReasonSchema.options].sort());
  });

  it('knows the same severities as the complaint scorer', () => {
    expect([...SEVERITY_VALUES]).toEqual([...SEVERITIES]);
  });
});

describe('queue priority', () => {
  const base = { vip: false, severity: 'none' as Severity, humanRequested: false, department: 'general' };

  it('rises with severity', () => {
    const ps = SEVERITY_VALUES.map((severity) => queuePriority({ ...base, severity }));
    for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeGreaterThan(ps[i - 1]!);
  });

  it('VIP outranks an angry visitor, a legal threat outranks VIP', () => {
    expect(queuePriority({ ...base, vip: true })).toBeGreaterThan(queuePriority({ ...base, severity: 'angry' }));
    expect(queuePriority({ ...base, severity: 'legal_threat' })).toBeGreaterThan(queuePriority({ ...base, vip: true }));
  });

  it('adds the department boost', () => {
    const config = policyConfigSchema.parse({ departments: { vip_desk: { priorityBoost: 50 } } });
    expect(queuePriority({ ...base, department: 'vip_desk' }, config)).toBe(50);
  });

  it('decidePolicy carries it, VIP counted even when VIP is no trigger', () => {
    const out = decidePolicy(signals({ vip: true, humanRequested: true, severity: 'angry' }));
    expect(out.priority).toBe(30 + 20 + 5);
    expect(out.reasons).toEqual(['complaint', 'explicit_request']);
  });

  it('counts severity only over the complaint threshold', () => {
    expect(decidePolicy(signals({ severity: 'legal_threat', score: 0.1 })).priority).toBe(0);
  });
});
