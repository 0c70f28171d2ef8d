import type { PaymentsPort } from '../../ports/payments.ts';
import type { Config } from '../../infra/config/config.ts';
import { createManualPayments } from '../../infra/payments/manual-payments.ts';
import { createStripePayments } from '../../infra/payments/stripe/create-stripe-payments.ts';

/** Stripe when a secret key is configured, else the manual provider (an admin records payments). */
export function openPayments(config: Config): PaymentsPort {
  if (!config.STRIPE_SECRET_KEY) return createManualPayments();
  const api = config.STRIPE_API_URL ? new URL(config.STRIPE_API_URL) : undefined;
  return createStripePayments({
    secretKey: config.STRIPE_SECRET_KEY,
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === 'https:' ? 443 : 80)),
          protocol: api.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}
