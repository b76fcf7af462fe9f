/**
 * Deterministic randomness for the synthetic data: one mulberry32 stream per run (period 2^32,
 * plenty for the ~100 draws a person needs), and ids that are unique by construction.
 */

/** murmur3's 32-bit finalizer: a bijection on 32-bit integers, so distinct inputs give distinct outputs. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = fmix32(seed ^ 0x5bd1e995) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks from `[value, weight]` pairs. */
  weighted<T>(table: Weighted<T>): T {
    let r = this.next() * table.total;
    for (const [value, weight] of table.items) {
      r -= weight;
      if (r < 0) return value;
    }
    return table.items[table.items.length - 1][0];
  }

  /** Digits as a string, e.g. for phone numbers. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += Math.floor(this.next() * 10);
    return s;
  }
}

export interface Weighted<T> {
  items: readonly (readonly [T, number])[];
  total: number;
}

export function weighted<T>(items: readonly (readonly [T, number])[]): Weighted<T> {
  return { items, total: items.reduce((s, [, w]) => s + w, 0) };
}

const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * Version-4-shaped UUIDs from a counter: the first 32 bits are a bijection of the counter (so ids
 * never collide within a run of fewer than 2^32 rows), the rest look random; the same seed gives
 * the same ids.
 */
export class IdSource {
  private n = 0;
  private readonly salt: number;

  constructor(seed: number) {
    this.salt = fmix32(seed ^ 0x27d4eb2f);
  }

  next(): string {
    const n = this.n++;
    const w0 = fmix32((n ^ this.salt) >>> 0);
    const w1 = fmix32(w0 ^ 0x165667b1);
    const w2 = fmix32(w1 ^ 0x9e3779b9);
    const w3 = fmix32(w2 ^ this.salt);
    const b = hex8(w1);
    const c = hex8(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
    return `${hex8(w0)}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${c.slice(0, 4)}-${c.slice(4, 8)}${hex8(w3)}`;
  }

  get count(): number {
    return this.n;
  }
}
