import type { CarrierDeps } from '../../commands/orders/order-deps.ts';
import type { Config } from '../../infra/config/config.ts';
import { easyPostCarrier } from '../../infra/carriers/easypost-carrier.ts';

/**
 * EasyPost when an API key is configured (labels bought, tracking webhooks read), else none: staff
 * type the carrier and tracking number (the manual carrier). A key without a webhook secret or a
 * ship-from address is a configuration error, refused at start rather than at the first label.
 */
export function openCarrier(config: Config): CarrierDeps | undefined {
  if (!config.QM_EASYPOST_API_KEY) return undefined;
  if (!config.QM_EASYPOST_WEBHOOK_SECRET)
    throw new Error('QM_EASYPOST_API_KEY needs QM_EASYPOST_WEBHOOK_SECRET');
  if (!config.QM_SHIP_FROM)
    throw new Error('QM_EASYPOST_API_KEY needs QM_SHIP_FROM (the address labels ship from)');
  const from = JSON.parse(config.QM_SHIP_FROM) as Record<string, unknown>;
  const text = (key: string) => {
    const value = from[key];
    if (typeof value !== 'string' || value === '') throw new Error(`QM_SHIP_FROM needs a ${key}`);
    return value;
  };
  const optional = (key: string) => {
    const value = from[key];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return {
    port: easyPostCarrier({
      apiKey: config.QM_EASYPOST_API_KEY,
      webhookSecret: config.QM_EASYPOST_WEBHOOK_SECRET,
      ...(config.QM_EASYPOST_API_URL ? { baseUrl: config.QM_EASYPOST_API_URL } : {}),
    }),
    shipFrom: {
      name: text('name'),
      line1: text('line1'),
      line2: optional('line2'),
      city: text('city'),
      postalCode: text('postalCode'),
      region: optional('region'),
      country: text('country'),
    },
  };
}
