/**
 * Every PostgreSQL read model, for the composition root to register with the projector runtime
 * (and for `qm replay <name>`). Each returns fresh objects: no module-level state.
 */
import { auditProjection } from './audit/projection.ts';
import { cartsProjection } from './carts/projection.ts';
import { catalogProjection } from './catalog/projection.ts';
import { customersProjection } from './customers/projection.ts';
import { inventoryProjection } from './inventory/projection.ts';
import { ordersProjection } from './orders/projection.ts';
import { replenishmentProjection } from './replenishment/projection.ts';
import { promotionsProjection } from './promotions/projection.ts';
import { returnsProjection } from './returns/projection.ts';
import { reportsProjection } from './reports/projection.ts';
import type { ReadModelProjection } from './runtime/projection.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projection has its own table types
export function readModelProjections(): ReadModelProjection<any>[] {
  return [
    catalogProjection(),
    inventoryProjection(),
    ordersProjection(),
    auditProjection(),
    replenishmentProjection(),
    customersProjection(),
    cartsProjection(),
    promotionsProjection(),
    returnsProjection(),
    reportsProjection(),
  ];
}
