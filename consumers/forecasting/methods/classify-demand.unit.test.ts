import { describe, expect, it } from 'vitest';
import { classifyDemand } from './classify-demand.ts';

const repeat = (pattern: number[], days: number) =>
  Array.from({ length: days }, (_, t) => pattern[t % pattern.length]!);

describe('classifyDemand (Syntetos–Boylan categories)', () => {
  it('calls frequent, steady demand smooth', () => {
    expect(classifyDemand(repeat([10, 12, 9, 11], 28))).toMatchObject({ demandClass: 'smooth', adi: 1 });
  });

  it('calls frequent demand of wildly varying size erratic', () => {
    expect(classifyDemand(repeat([1, 30, 2, 25], 28)).demandClass).toBe('erratic');
  });

  it('calls rare demand of steady size intermittent, with ADI = days per demand day', () => {
    const profile = classifyDemand(repeat([0, 0, 3, 0, 4, 0], 30));
    expect(profile).toMatchObject({ demandClass: 'intermittent', adi: 3 });
    expect(profile.cv2).toBeCloseTo(1 / 49, 6);
  });

  it('calls rare demand of varying size lumpy', () => {
    expect(classifyDemand(repeat([0, 0, 1, 0, 20, 0], 30)).demandClass).toBe('lumpy');
  });

  it('puts the cut-off at ADI 1.32', () => {
    // 3 days in 4 with demand: ADI 1.33, just intermittent; 4 in 5: ADI 1.25, smooth.
    expect(classifyDemand(repeat([5, 5, 5, 0], 28)).demandClass).toBe('intermittent');
    expect(classifyDemand(repeat([5, 5, 5, 5, 0], 30)).demandClass).toBe('smooth');
  });

  it('does not classify under two weeks of history, nor a series without demand as smooth', () => {
    expect(classifyDemand([3, 4, 5]).demandClass).toBe('short');
    expect(classifyDemand(repeat([0], 30))).toMatchObject({ demandClass: 'intermittent', adi: Infinity });
  });
});
