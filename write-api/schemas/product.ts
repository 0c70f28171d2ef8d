import { z } from '@hono/zod-openapi';
import { Id, Money, Text } from './common.ts';

/** A product's editable fields, as the create and update routes and the CSV import take them. */
export const Details = {
  name: Text.min(1).max(200),
  description: Text.max(5000).default(''),
  brand: Text.min(1).max(100),
  category: Text.min(1).max(100),
  attributes: z.record(Text.max(50), Text.max(200)).default({}),
  allowBackorder: z.boolean().default(false),
};

export const CreateProduct = z
  .object({ productId: Id, sku: Id, price: Money, ...Details })
  .openapi('CreateProduct');
