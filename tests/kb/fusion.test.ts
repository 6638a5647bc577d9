import { describe, expect, it } from 'vitest';
import { fusedConfidence, fuseRankings, type RankedId } from '../../src/kb/fusion';

/** `'a b c'` → a ranked list with descending scores (fusion reads the order only). */
const list = (ids: string): RankedId[] => ids.split(' ').filter(Boolean).map((id, i) => ({ id, score: 1 - i / 10 }));
const ids = (ranked: RankedId[]) => ranked.map((r) => r.id).join(' ');

describe('fuseRankings', () => {
  it.each([
    // [lexical, semantic, options, fused order]
    ['a b c', 'a b c', {}, 'a b c'],
    ['a b c', 'c b a', {}, 'a c b'], // a and c tie (the lexical rank breaks it) and beat b: 1/x is convex
    ['a b c', 'b c a', {}, 'b a c'], // b: 1/62+1/61 beats a: 1/61+1/63
    ['a b', 'c b', {}, 'b a c'], // b is in both lists; c only in the semantic one, so it comes after a
    ['a b', 'c', {}, 'a c b'], // equal single-list ranks: lexical first
    ['a b c', 'c', { weightSemantic: 2 }, 'c a b'], // a heavier semantic list can lift its top
    ['a b c', 'c b a', { weightSemantic: 0 }, 'a b c'], // weight 0: the semantic list only breaks ties
    ['a b c d e', 'f g e', {}, 'e a f b g c d'], // the usual k rewards being in both lists...
    ['a b c d e', 'f g e', { k: 1 }, 'a f e b g c d'], // ...k = 1 rewards being first in either
    ['a b a', 'b', {}, 'b a'], // a duplicate counts at its best rank
    ['', 'x y', {}, 'x y'],
    ['', '', {}, ''],
  ] as const)('lexical [%s] + semantic [%s] %o → [%s]', (lexical, semantic, opts, expected) => {
    expect(ids(fuseRankings(list(lexical), list(semantic), opts))).toBe(expected);
  });

  it('scores with 1/(k+rank) per list', () => {
    expect(fuseRankings(list('a b'), list('b'))).toEqual([
      { id: 'b', score: 1 / 62 + 1 / 61 },
      { id: 'a', score: 1 / 61 },
    ]);
  });

  it('keeps the lexical order when there is no semantic ranking', () => {
    const lexical = [{ id: 'x', score: 0.2 }, { id: 'y', score: 0.9 }, { id: 'z', score: 0.5 }];
    expect(ids(fuseRankings(lexical, null))).toBe('x y z');
    expect(fuseRankings([], null)).toEqual([]);
  });

  it('rejects nonsensical options', () => {
    expect(() => fuseRankings(list('a'), null, { k: 0 })).toThrow(RangeError);
    expect(() => fuseRankings(list('a'), null, { weightSemantic: -1 })).toThrow(RangeError);
  });
});

describe('fusedConfidence', () => {
  it.each([
    // [lexical confidence, lexical top, fused top, options, expected]
    [0.8, 'a', 'a', {}, 0.8], // agreement keeps the calibrated value, never raises it
    [0.8, 'a', undefined, {}, 0.8], // nothing fused: nothing to change
    [0.8, 'a', 'b', {}, 0.4], // disagreement halves it
    [0.8, undefined, 'b', {}, 0.4],
    [0, undefined, 'b', {}, 0],
    [0.8, 'a', 'b', { disagreementFactor: 0.25 }, 0.2],
    [0.9, 'a', 'b', { threshold: 0.4 }, 0.399], // halved would still be ≥ t: capped below it
    [0.6, 'a', 'b', { threshold: 0.5 }, 0.3], // already below: the cap changes nothing
    [0.3, 'a', 'b', { threshold: 0.5 }, 0.15],
  ] as const)('%d, top %s → fused top %s %o → %d', (confidence, lexicalTop, fusedTop, opts, expected) => {
    expect(fusedConfidence(confidence, lexicalTop, fusedTop, opts)).toBeCloseTo(expected, 10);
  });

  it('never lets a disagreement reach the threshold when the threshold is given', () => {
    for (const threshold of [0.05, 0.3, 0.5, 0.9]) {
      for (const confidence of [0, 0.2, 0.5, 0.8, 1]) {
        expect(fusedConfidence(confidence, 'a', 'b', { threshold })).toBeLessThan(threshold);
      }
    }
  });

  it('rejects a factor outside 0..1', () => {
    expect(() => fusedConfidence(0.5, 'a', 'b', { disagreementFactor: 1.5 })).toThrow(RangeError);
  });
});
