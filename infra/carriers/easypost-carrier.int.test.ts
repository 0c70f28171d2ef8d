import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarrierSignatureInvalid } from '../../ports/carrier.ts';
import {
  signedTrackerEvent,
  startFakeEasyPost,
  type FakeEasyPost,
} from '../../test-support/fake-easypost/start-fake-easypost.ts';
import { easyPostCarrier } from './easypost-carrier.ts';

const apiKey = 'EZTK_test_key';
const webhookSecret = 'whsec-quartermaster-test';
const warehouse = {
  name: 'Quartermaster',
  line1: '1 Dock Rd',
  line2: null,
  city: 'Oakland',
  postalCode: '94607',
  region: 'CA',
  country: 'US',
};
const customer = {
  ...warehouse,
  name: 'Ada Lovelace',
  line1: '5 Main St',
  city: 'Austin',
  postalCode: '78701',
  region: 'TX',
};

describe('the EasyPost carrier, through the SDK, against a local fake of its API', () => {
  let fake: FakeEasyPost;
  beforeAll(async () => {
    fake = await startFakeEasyPost({ apiKey });
  });
  afterAll(async () => fake?.close());
  const carrier = () => easyPostCarrier({ apiKey, webhookSecret, baseUrl: fake.baseUrl });

  it('buys the cheapest label, or the named service, with the parcel in ounces', async () => {
    const label = await carrier().buyLabel({
      orderId: 'o-1',
      shipmentId: 's-1',
      from: warehouse,
      to: customer,
      weightGrams: 1000,
      service: null,
      idempotencyKey: 'o-1/s-1',
    });
    expect(label).toMatchObject({
      provider: 'easypost',
      carrier: 'USPS',
      service: 'GroundAdvantage',
      cost: 507,
      currency: 'USD',
    });
    expect(label.trackingNumber).toMatch(/^9400\d{18}$/);
    expect(label.labelUrl).toMatch(/\.pdf$/);
    const created = fake.requests.find((r) => r.path === '/v2/shipments')!;
    expect(created.body).toMatchObject({
      shipment: { reference: 'o-1/s-1', parcel: { weight: 35.3 }, to_address: { zip: '78701', state: 'TX' } },
    });
    const priority = await carrier().buyLabel({
      orderId: 'o-2',
      shipmentId: 's-1',
      from: warehouse,
      to: customer,
      weightGrams: 200,
      service: 'Priority',
      idempotencyKey: 'o-2/s-1',
    });
    expect(priority).toMatchObject({ service: 'Priority', cost: 935 });
  });

  it('refuses a wrong API key as EasyPost does', async () => {
    const wrong = easyPostCarrier({ apiKey: 'EZTK_other', webhookSecret, baseUrl: fake.baseUrl });
    await expect(
      wrong.buyLabel({
        orderId: 'o',
        shipmentId: 's',
        from: warehouse,
        to: customer,
        weightGrams: 1,
        service: null,
        idempotencyKey: 'k',
      }),
    ).rejects.toThrow();
  });

  it('reads a signed tracker webhook, and refuses a forged, an altered or an unsigned one', async () => {
    const signed = signedTrackerEvent(webhookSecret, {
      trackingCode: '9400000000000000000001',
      status: 'out_for_delivery',
      at: '2026-12-05T09:00:00.000Z',
      message: 'Out for delivery',
    });
    expect(
      await carrier().trackingFromWebhook(signed.payload, { 'x-hmac-signature': signed.signature }),
    ).toEqual({
      reference: null,
      eventId: signed.eventId,
      trackingNumber: '9400000000000000000001',
      status: 'out_for_delivery',
      at: '2026-12-05T09:00:00.000Z',
      detail: 'Out for delivery',
    });
    const forged = signedTrackerEvent('not-the-secret', {
      trackingCode: '9400000000000000000001',
      status: 'delivered',
      at: '2026-12-05T10:00:00.000Z',
      message: 'Delivered',
    });
    await expect(
      carrier().trackingFromWebhook(forged.payload, { 'x-hmac-signature': forged.signature }),
    ).rejects.toThrow(CarrierSignatureInvalid);
    const altered = signed.payload.replace('out_for_delivery', 'delivered');
    await expect(
      carrier().trackingFromWebhook(altered, { 'x-hmac-signature': signed.signature }),
    ).rejects.toThrow(CarrierSignatureInvalid);
    await expect(carrier().trackingFromWebhook(signed.payload, {})).rejects.toThrow(CarrierSignatureInvalid);
  });

  it('names the order and shipment a tracked parcel was labelled for, from the shipment’s reference', async () => {
    const label = await carrier().buyLabel({
      orderId: 'o-9',
      shipmentId: 's-2',
      from: warehouse,
      to: customer,
      weightGrams: 500,
      service: null,
      idempotencyKey: 'o-9/s-2',
    });
    const signed = signedTrackerEvent(webhookSecret, {
      trackingCode: label.trackingNumber,
      shipmentId: label.providerShipmentId,
      status: 'delivered',
      at: '2026-12-06T15:00:00.000Z',
      message: 'Delivered, front door',
    });
    expect(
      await carrier().trackingFromWebhook(signed.payload, { 'x-hmac-signature': signed.signature }),
    ).toMatchObject({
      reference: 'o-9/s-2',
      status: 'delivered',
      trackingNumber: label.trackingNumber,
    });
  });
});
