import { describe, it } from 'vitest';
import { ValidationFailed } from '../errors.ts';
import { specFor } from '../testing/decider-spec.ts';
import { AlreadyErased } from './errors.ts';
import { privacyDecider, type CustomerErased, type EraseCustomer } from './index.ts';

const given = specFor(privacyDecider);
const erase: EraseCustomer = {
  type: 'EraseCustomer',
  data: { customerId: 'c1', orderIds: ['o1'], reason: null },
};
const erased: CustomerErased = { type: 'CustomerErased', data: erase.data };

describe('EraseCustomer', () => {
  it('erases a subject once', () => {
    given([]).when(erase).then([erased]);
  });

  it('refuses a second erasure of the same subject', () => {
    given([erased]).when(erase).thenThrows(AlreadyErased, { customerId: 'c1' });
  });

  it('refuses a customer id that cannot name a stream', () => {
    given([])
      .when({ ...erase, data: { ...erase.data, customerId: '' } })
      .thenThrows(ValidationFailed, { field: 'customerId' });
  });
});
