/**
 * A growable posting list in typed arrays: at 10,000 articles there are millions of
 * postings, and plain arrays of objects would cost several times the memory and
 * scatter the query loop across the heap.
 */
export class Postings {
  slots: Int32Array;
  weights: Float32Array;
  length = 0;

  constructor(capacity = 4) {
    this.slots = new Int32Array(capacity);
    this.weights = new Float32Array(capacity);
  }

  push(slot: number, weight: number): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      const weights = new Float32Array(this.length * 2);
      weights.set(this.weights);
      this.slots = slots;
      this.weights = weights;
    }
    this.slots[this.length] = slot;
    this.weights[this.length] = weight;
    this.length++;
  }

  /** Drops every posting of the given slot; order is kept so results stay deterministic. */
  delete(slot: number): void {
    let out = 0;
    for (let i = 0; i < this.length; i++) {
      const s = this.slots[i]!;
      if (s === slot) continue;
      this.slots[out] = s;
      this.weights[out] = this.weights[i]!;
      out++;
    }
    this.length = out;
  }
}
