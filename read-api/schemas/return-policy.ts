import { z } from '@hono/zod-openapi';

const Days = z.number().int().openapi({ description: 'Days after delivery.', example: 30 });

/** The returns policy in force, as `GET /returns/policy` answers it. */
export const ReturnPolicy = z
  .object({
    defaultWindowDays: Days,
    categoryWindowDays: z
      .record(z.string(), Days)
      .openapi({ description: 'By catalog category; wins over the default.', example: { tools: 14 } }),
    productWindowDays: z
      .record(z.string(), Days)
      .openapi({ description: 'By product id; wins over its category.', example: { lamp: 60 } }),
    reasons: z.array(z.string()).openapi({ example: ['damaged', 'wrong_item', 'other'] }),
    refundShipping: z
      .boolean()
      .openapi({ description: 'Whether shipping is refunded when the whole order comes back.' }),
    restockingFeeBps: z
      .number()
      .int()
      .openapi({ description: 'Kept from each refund of goods, in basis points (1000 = 10 %).', example: 0 }),
    refundOn: z.enum(['receipt', 'authorization']).openapi({
      description: 'When the refund runs by itself: once the goods are back, or at authorization.',
    }),
    instructions: z
      .string()
      .openapi({ description: 'Sent with the RMA number when no carrier makes a label.' }),
    setAt: z.string().nullable().openapi({ description: 'When staff set it; null while the default holds.' }),
  })
  .openapi('ReturnPolicy');
