import { evaluatePromotions, type Candidate, type PromotionAction } from '../../domain/promotions/index.ts';
import { active, cart, definition, line } from '../../domain/testing/promotion-fixtures.ts';
import { writeResult } from '../lib/results.ts';

/**
 * The evaluation mix: 50 active promotions (20 item percent-offs, 10 buy X get Y, 10 bundle
 * prices, 5 tiered order discounts, 5 free-shipping rules, half of them combinable) on a 20-line cart.
 */
export function promotionMix(): { candidates: Candidate[]; request: ReturnType<typeof cart> } {
  const skus = Array.from({ length: 20 }, (_, i) => `SKU-${i}`);
  const categories = ['tools', 'kitchen', 'phones', 'garden'];
  const request = cart(
    skus.map((sku, i) =>
      line(sku, 500 + ((i * 737) % 9000), 1 + (i % 4), {
        category: categories[i % 4]!,
        brand: `brand${i % 5}`,
      }),
    ),
  );
  const actions: PromotionAction[] = [
    ...Array.from({ length: 20 }, (_, i): PromotionAction => ({
      kind: 'items_percent',
      basisPoints: 500 + i * 50,
    })),
    ...Array.from({ length: 10 }, (_, i): PromotionAction => ({
      kind: 'buy_x_get_y',
      buy: 1 + (i % 3),
      get: 1,
      basisPoints: i % 2 === 0 ? 10_000 : 5000,
      pick: i % 2 === 0 ? 'cheapest' : 'most_expensive',
    })),
    ...Array.from({ length: 10 }, (_, i): PromotionAction => ({
      kind: 'bundle_price',
      items: [
        { productId: `p-${skus[i]!}`, quantity: 1 },
        { productId: `p-${skus[i + 1]!}`, quantity: 1 },
      ],
      price: 4000,
    })),
    ...Array.from({ length: 5 }, (_, i): PromotionAction => ({
      kind: 'tiered',
      tiers: [
        { minSubtotal: 10_000 * (i + 1), basisPoints: 1000 },
        { minSubtotal: 20_000 * (i + 1), basisPoints: 1500 },
      ],
    })),
    ...Array.from({ length: 5 }, (): PromotionAction => ({ kind: 'free_shipping' })),
  ];
  const candidates = actions.map((action, i) => ({
    promotion: active(
      `promo-${String(i).padStart(2, '0')}`,
      definition(action, {
        stacking: i % 2 === 0 ? 'combinable' : 'exclusive',
        priority: i % 7,
        rules: { categories: i < 20 ? [categories[i % 4]!] : [] },
      }),
    ),
    code: null,
  }));
  return { candidates, request };
}

/** Evaluates the mix for `seconds` in process; the time of each evaluation, in µs, as percentiles. */
export function measurePromotionEval(seconds: number): { p50: number; p99: number; evaluations: number } {
  const { candidates, request } = promotionMix();
  for (let i = 0; i < 200; i++) evaluatePromotions(request, candidates); // warm the JIT
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    evaluatePromotions(request, candidates);
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p99: at(0.99), evaluations: samples.length };
}

/** `npm run bench -- promotions`: `promotion_eval_us_p99`, in process (target: < 1,000 µs). */
export async function promotionsBench(options: { seconds: number }): Promise<void> {
  const measured = measurePromotionEval(options.seconds);
  writeResult({
    suite: 'promotions',
    at: new Date().toISOString(),
    metrics: {
      promotion_eval_us_p50: { value: measured.p50, unit: 'µs' },
      promotion_eval_us_p99: { value: measured.p99, unit: 'µs' },
      evaluations: { value: measured.evaluations, unit: 'count' },
    },
    notes: [
      '50 active promotions (20 item percent, 10 BXGY, 10 bundles, 5 tiered, 5 free shipping, half combinable) on a 20-line cart',
      'in process, no I/O: the pure engine only (loading promotions is the state cache)',
    ],
  });
  await Promise.resolve();
}
