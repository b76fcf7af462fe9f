import { AppError } from '../../common/errors/app-error.js';
import {
  assembleReport,
  checkPeriod,
  monthPeriod,
  populationRates,
  previousMonth,
  share,
} from './coverage.arithmetic.js';
import { counts } from '../../../test/support/coverage-counts.js';
import { coverageJobId, parseCoverageJobId } from './coverage.jobs.js';


describe('coverage arithmetic', () => {
  it('share is the exact fraction, not rounded, 0 without people', () => {
    expect(share(0, 0)).toBe(0);
    expect(share(3, 0)).toBe(0);
    expect(share(0, 5)).toBe(0);
    expect(share(2, 4)).toBe(0.5);
    expect(share(2, 3)).toBe(2 / 3);
    expect(share(4, 7)).toBe(4 / 7);
    expect(share(1, 30_000)).toBe(1 / 30_000);
    expect(share(7, 7)).toBe(1);
  });

  it('rates per 1,000 residents and the 0.5% criterion, exact at the threshold', () => {
    expect(populationRates(5, null)).toBeNull();
    expect(populationRates(5, 0)).toBeNull();
    expect(populationRates(5, 1000)).toEqual({
      population: 1000,
      peopleWithFiles: 5,
      filesPer1000: 5,
      drugComplexThreshold: 0.005,
      drugComplexCriterion: true,
    });
    expect(populationRates(4, 1000)?.drugComplexCriterion).toBe(false);
    expect(populationRates(3, 2000)).toMatchObject({ filesPer1000: 1.5, drugComplexCriterion: false });
    // Exact in the JSON (a rounded 0.004 would read 0 for a large province); rounded only in exports.
    expect(populationRates(1, 3000)).toMatchObject({ filesPer1000: 1 / 3 });
    expect(populationRates(1, 250_000)).toMatchObject({ filesPer1000: 0.004 });
    expect(populationRates(10, 2000)?.drugComplexCriterion).toBe(true);
  });

  it('assembles a unit with its children ordered by name and every target', () => {
    const r = assembleReport(
      counts({ id: 'p', name: 'Tỉnh', withFiles: 4, reached: 3, supervised: 2, supported: 1, held: 1, treated: 1 }),
      [counts({ id: 'b', name: 'Xã B' }), counts({ id: 'a', name: 'Xã A', withFiles: 1, reached: 1 })],
      { from: '2025-03-01', to: '2025-03-31', asOf: '2025-04-10' },
    );
    expect(r).toMatchObject({
      unitId: 'p',
      from: '2025-03-01',
      to: '2025-03-31',
      asOf: '2025-04-10',
      withFiles: 4,
      reachedServices: 3,
      share: 0.75,
      target: 0.8,
      postRehab: { supervised: 2, supported: 1, share: 0.5, target: 0.9 },
      detention: { held: 1, treated: 1, share: 1, target: 1 },
      rates: null,
    });
    expect(r.children.map((c) => [c.unit.id, c.share])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
  });

  it('carries every share as the exact ratio: coverage, post-rehab and detention', () => {
    const r = assembleReport(
      counts({ id: 'p', name: 'Tỉnh', withFiles: 3, reached: 2, supervised: 7, supported: 4, held: 6, treated: 1 }),
      [counts({ id: 'a', name: 'Xã A', withFiles: 9, reached: 1, supervised: 3, supported: 1, held: 3, treated: 2 })],
      { from: '2025-03-01', to: '2025-03-31', asOf: '2025-04-10' },
    );
    expect([r.share, r.postRehab.share, r.detention.share]).toEqual([2 / 3, 4 / 7, 1 / 6]);
    const [a] = r.children;
    expect([a.share, a.postRehab.share, a.detention.share]).toEqual([1 / 9, 1 / 3, 2 / 3]);
  });

  it('refuses a period that runs backwards or longer than 5 years, naming `to`', () => {
    expect(() => checkPeriod('2025-03-01', '2025-03-01')).not.toThrow();
    expect(() => checkPeriod('2020-01-01', '2024-12-31')).not.toThrow();
    for (const [from, to] of [
      ['2025-03-02', '2025-03-01'],
      ['2020-01-01', '2025-01-01'],
    ]) {
      try {
        checkPeriod(from, to);
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).messages).toEqual([expect.stringMatching(/^to: /)]);
      }
    }
  });

  it('finds the previous month, across a year end and in February', () => {
    expect(previousMonth('2025-04-01')).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(previousMonth('2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousMonth('2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2025-02')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
  });

  it('builds and parses deterministic job ids', () => {
    const data = { unitId: '0A1B2C3D-0000-4000-8000-000000000001', from: '2025-03-01', to: '2025-03-31' };
    const id = coverageJobId(data);
    expect(id).toBe('coverage_0a1b2c3d-0000-4000-8000-000000000001_2025-03-01_2025-03-31');
    expect(id).not.toContain(':');
    expect(parseCoverageJobId(id)).toEqual({ ...data, unitId: data.unitId.toLowerCase() });
    expect(parseCoverageJobId('coverage_x_2025-03-01_2025-03-31')).toBeUndefined();
  });
});
