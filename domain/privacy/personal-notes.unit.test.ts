import { describe, expect, it } from 'vitest';
import { mapPersonalFields } from './personal-fields.ts';

const seal = <E extends { type: string; data: Record<string, unknown> }>(event: E) =>
  mapPersonalFields(event as never, (subject, path) => `sealed(${subject}:${path})`) as unknown as E;

/** Free text people write about an order is sealed with the customer's key, like their address. */
describe('personal notes', () => {
  it('seals an order cancellation’s note with the customer’s key', () => {
    const event = {
      type: 'OrderCancelled',
      data: { orderId: 'o1', customerId: 'c1', reason: 'requested', note: 'moving to Rome', releases: [] },
    };
    expect(seal(event).data).toEqual({ ...event.data, note: 'sealed(c1:note)' });
    // Without a note there is nothing to seal; a cancellation recorded before names no customer.
    expect(seal({ ...event, data: { ...event.data, note: null } })).toEqual({
      ...event,
      data: { ...event.data, note: null },
    });
    const legacy = { ...event, data: { orderId: 'o1', reason: 'requested', note: 'old', releases: [] } };
    expect(seal(legacy)).toBe(legacy);
  });

  it('seals a return request’s note with the customer’s key', () => {
    const event = {
      type: 'ReturnRequested',
      data: {
        returnId: 'r1',
        orderId: 'o1',
        customerId: 'c1',
        reason: 'damaged',
        note: 'my son dropped it',
        photos: [],
      },
    };
    expect(seal(event).data).toEqual({ ...event.data, note: 'sealed(c1:note)' });
  });
});
