/**
 * How many cases a property test runs: its own default in `npm test`, or `QM_PROPERTY_RUNS` when
 * set (`npm run test:soak` sets 1,000), so one variable deepens every property at once.
 */
export function propertyRuns(fallback: number): number {
  const configured = Number(process.env.QM_PROPERTY_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}
