import { emptyFigures, differingKeys, monthlyShares, sumFigures } from './monthly-figures.js';

describe('monthly figures', () => {
  const commune = (over: Partial<ReturnType<typeof emptyFigures>>) => ({ ...emptyFigures(), ...over });

  it('sums communes key by key and derives the shares from the sums, not from the communes shares', () => {
    const a = commune({ withFiles: 10, reached: 9, supervised: 2, supported: 2, filesOpen: 5, population: 1000 });
    const b = commune({ withFiles: 10, reached: 5, supervised: 8, supported: 6, filesOpen: 4, population: 1000 });
    const total = sumFigures([a, b]);
    expect(total).toMatchObject({ withFiles: 20, reached: 14, supervised: 10, supported: 8, filesOpen: 9, population: 2000 });
    expect(monthlyShares(total)).toEqual({
      coverage: { value: 0.7, target: 0.8, met: false },
      postRehab: { value: 0.8, target: 0.9, met: false },
      detention: { value: 0, target: 1, met: false },
      filesOfResidents: { value: 0.0045, target: 0.005, met: false },
    });
    // 5 files of 1,000 residents is exactly at the 0.5% criterion; 9 of 10 reaches 90%.
    expect(monthlyShares(a).filesOfResidents.met).toBe(true);
    expect(monthlyShares(a).coverage).toEqual({ value: 0.9, target: 0.8, met: true });
  });

  it('names the figures that differ between a snapshot and the live figures', () => {
    expect(differingKeys(commune({ held: 1 }), commune({ held: 2, jobs: 0 }))).toEqual(['held']);
    expect(differingKeys(emptyFigures(), emptyFigures())).toEqual([]);
  });
});
