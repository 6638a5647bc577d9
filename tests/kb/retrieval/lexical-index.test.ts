import { describe, expect, it } from 'vitest';
import { LexicalIndex } from '../../../src/kb/retrieval/lexical-index.js';
import type { SparseVec } from '../../../src/kb/retrieval/vectorize.js';

function cosine(q: SparseVec, vs: SparseVec[]): number {
  const sum = new Map<number, number>();
  for (const v of vs) v.ids.forEach((id, i) => sum.set(id, (sum.get(id) ?? 0) + v.w[i]!));
  let dot = 0;
  q.ids.forEach((id, i) => (dot += q.w[i]! * (sum.get(id) ?? 0)));
  let n2 = 0;
  for (const x of sum.values()) n2 += x * x;
  return dot / Math.sqrt(n2);
}

describe('LexicalIndex leave-out ranking', () => {
  const index = new LexicalIndex([1, 0.5, 1], 0.5);
  index.load([
    { id: 'card', texts: ['where is my new card', 'my card has not arrived yet', 'card delivery time', 'when will the card come', 'Card arrival'] },
    { id: 'pin', texts: ['how do i change my pin', 'reset the pin of my card', 'Change PIN'] },
  ]);
  const card = index.articleSlot('card')!;
  const vs = index.variantSlots(card);
  const vecs = vs.map((v) => index.variantQuery(v, 'variant').vec);

  it('scores the held article as if both left-out variants were absent (leave-two-out)', () => {
    const [v, u] = [vs[0]!, vs[1]!];
    const q = { ...index.variantQuery(v, 'variant'), heldAlso: u };
    const top = index.rank(q, { k: 5, excludeVariant: v, alsoExclude: u }).find((c) => c.slot === card)!;
    expect(top.cen).toBeCloseTo(cosine(vecs[0]!, vecs.slice(2)), 6);
    const nn = Math.max(...vecs.slice(2).map((w) => cosine(vecs[0]!, [w]) * Math.sqrt(dotSelf(w))));
    expect(top.nn).toBeCloseTo(nn, 6);
  });

  it('leave-one-out keeps the second variant', () => {
    const v = vs[0]!;
    const top = index.rank(index.variantQuery(v, 'variant'), { k: 5, excludeVariant: v }).find((c) => c.slot === card)!;
    expect(top.cen).toBeCloseTo(cosine(vecs[0]!, vecs.slice(1)), 6);
  });

  it('does not count the second left-out variant\'s words as coverage', () => {
    const [v, u] = [vs[1]!, vs[3]!];
    const one = index.variantQuery(v, 'variant');
    expect(index.coverage({ ...one, heldAlso: u }, card)).toBeLessThanOrEqual(index.coverage(one, card));
  });
});

function dotSelf(v: SparseVec): number {
  let s = 0;
  for (const x of v.w) s += x * x;
  return s;
}
