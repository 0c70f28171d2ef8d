import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AuthEnv } from '../../infra/auth/actor.ts';
import { commandContext } from '../http/command-context.ts';
import { writeAnswer } from '../http/write-answer.ts';
import { errorResponses, Id, idempotencyHeader } from '../schemas/common.ts';
import {
  PriceBreakdown,
  Quote,
  ShippingOptions,
  ShippingOptionsQuery,
  ShippingZone,
  TaxRegion,
  TaxRounding,
} from '../schemas/pricing.ts';
import type { WriteApiDeps } from '../write-api-deps.ts';
import { featureApp, guarded, jsonBody, writeResponses } from './route-kit.ts';

const json = <S extends z.ZodType>(description: string, schema: S) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});

/**
 * The price pipeline over HTTP: admins set shipping zones (with their methods and rates) and the
 * tax table; buyers and staff ask for a quote and for the shipping options of an address. Quotes
 * and options are computed here, on the write side, from the same configuration streams and
 * pipeline as order placement, so what a storefront shows is what an order is charged.
 */
export function pricingRoutes(deps: WriteApiDeps) {
  const app = featureApp();
  const context = (c: Context<AuthEnv>) => commandContext(c, deps.clock, deps.ids);
  const { handlers } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/shipping/zones',
      summary: 'Set a shipping zone with its methods and rates (replaces the zone whole)',
      tags: ['Shipping'],
      ...guarded('shipping:write'),
      request: { headers: idempotencyHeader, body: jsonBody(ShippingZone) },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) => writeAnswer(c, 200, await handlers.setShippingZone(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/shipping/zones/{zoneId}/remove',
      summary: 'Remove a shipping zone and its methods',
      tags: ['Shipping'],
      ...guarded('shipping:write'),
      request: { headers: idempotencyHeader, params: z.object({ zoneId: Id }) },
      responses: writeResponses(200, 'Removed'),
    }),
    async (c) =>
      writeAnswer(c, 200, await handlers.removeShippingZone(c.req.valid('param').zoneId, context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tax/regions',
      summary: 'Set a tax region with its rate per tax class (replaces the region whole)',
      tags: ['Tax'],
      ...guarded('tax:write'),
      request: { headers: idempotencyHeader, body: jsonBody(TaxRegion) },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) => writeAnswer(c, 200, await handlers.setTaxRegion(c.req.valid('json'), context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tax/regions/{regionId}/remove',
      summary: 'Remove a tax region (its addresses are then untaxed)',
      tags: ['Tax'],
      ...guarded('tax:write'),
      request: { headers: idempotencyHeader, params: z.object({ regionId: Id }) },
      responses: writeResponses(200, 'Removed'),
    }),
    async (c) =>
      writeAnswer(c, 200, await handlers.removeTaxRegion(c.req.valid('param').regionId, context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tax/rounding',
      summary: 'Round tax per line (default) or once per order total',
      tags: ['Tax'],
      ...guarded('tax:write'),
      request: { headers: idempotencyHeader, body: jsonBody(TaxRounding) },
      responses: writeResponses(200, 'Set'),
    }),
    async (c) => writeAnswer(c, 200, await handlers.setTaxRounding(c.req.valid('json').rounding, context(c))),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/pricing/quote',
      summary:
        'Price lines as an order would be: subtotal, discounts, shipping, tax, total (appends nothing)',
      tags: ['Pricing'],
      ...guarded('orders:place'),
      request: { headers: idempotencyHeader, body: jsonBody(Quote) },
      responses: json('The price breakdown', PriceBreakdown),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const breakdown = await handlers.quotePrice(
        { ...body, customerId: c.var.actor.id },
        deps.clock.now().toISOString(),
      );
      // The breakdown as JSON: its readonly lists copied into the answer's shape.
      const detail = breakdown.taxDetail!;
      return c.json(
        {
          ...breakdown,
          discounts: breakdown.discounts.map((d) => ({ ...d, lineAmounts: [...d.lineAmounts] })),
          shippingMethod: breakdown.shippingMethod ?? null,
          taxDetail: { ...detail, lines: [...detail.lines] },
          pending: [...(breakdown.pending ?? [])],
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/shipping/options',
      summary: 'The shipping methods for an address and lines, with fee and delivery estimate',
      tags: ['Shipping'],
      ...guarded('orders:place'),
      request: { query: ShippingOptionsQuery },
      responses: json('The methods, cheapest first (none: the address is in no zone)', ShippingOptions),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const options = await handlers.shippingOptions(
        {
          currency: q.currency,
          lines: q.lines.split(',').map((line) => {
            const at = line.lastIndexOf('*');
            return { productId: line.slice(0, at), quantity: Number(line.slice(at + 1)) };
          }),
          where: { country: q.country, region: q.region ?? null, postalCode: q.postalCode },
          couponCodes: q.couponCodes ? q.couponCodes.split(',').filter((code) => code !== '') : [],
          customerId: c.var.actor.id,
          channel: null,
        },
        deps.clock.now().toISOString(),
      );
      return c.json(
        {
          options: options.map((o) => ({
            methodId: o.methodId,
            zoneId: o.zoneId,
            name: o.name,
            fee: { amount: o.fee, currency: o.currency },
            minDays: o.minDays,
            maxDays: o.maxDays,
          })),
        },
        200,
      );
    },
  );
  return app;
}
