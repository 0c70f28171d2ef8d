import { describe, it } from 'vitest';
import { ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { SkuAlreadyUsed, skuClaimDecider, type SkuClaimEvent } from './index.ts';

const given = specFor(skuClaimDecider);
const claim = (productId: string) => ({ type: 'ClaimSku', data: { sku: 'MUG', productId } }) as const;
const release = (productId: string) => ({ type: 'ReleaseSku', data: { sku: 'MUG', productId } }) as const;
const claimed = (productId: string): SkuClaimEvent => ({
  type: 'SkuClaimed',
  data: { sku: 'MUG', productId },
});

describe('ClaimSku', () => {
  it('claims a free SKU', () => {
    given([])
      .when(claim('p1'))
      .then([claimed('p1')]);
  });

  it('refuses a SKU another product holds, naming the SKU and the holder', () => {
    given([claimed('p1')])
      .when(claim('p2'))
      .thenThrows(SkuAlreadyUsed, { sku: 'MUG', productId: 'p1' });
  });

  it('lets the holder claim again without an event (a retried create)', () => {
    given([claimed('p1')])
      .when(claim('p1'))
      .thenNothing();
  });

  it('claims a SKU that was released', () => {
    given([claimed('p1'), { type: 'SkuReleased', data: { sku: 'MUG', productId: 'p1' } }])
      .when(claim('p2'))
      .then([claimed('p2')]);
  });

  it('refuses a SKU that could not name a stream', () => {
    given([])
      .when({ type: 'ClaimSku', data: { sku: 'MUG@RED', productId: 'p1' } })
      .thenThrows(ValidationFailed, { field: 'sku' });
  });
});

describe('ReleaseSku', () => {
  it("releases the holder's claim", () => {
    given([claimed('p1')])
      .when(release('p1'))
      .then([{ type: 'SkuReleased', data: { sku: 'MUG', productId: 'p1' } }]);
  });

  it("leaves another product's claim alone", () => {
    given([claimed('p1')])
      .when(release('p2'))
      .thenNothing();
  });
});
