import { randomBytes } from 'node:crypto';

/**
 * The Stripe objects the fake keeps: the fields the adapter and the webhook mapping read, with
 * Stripe's names, id prefixes and types, and enough of the rest to look like the real answers.
 */
export type PaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'succeeded'
  | 'canceled';

export type CaptureMethod = 'automatic' | 'automatic_async' | 'manual';

export interface LastPaymentError {
  type: 'card_error';
  code: string;
  decline_code: string;
  message: string;
}

export interface FakePaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  canceled_at: number | null;
  cancellation_reason: string | null;
  capture_method: CaptureMethod;
  client_secret: string;
  confirmation_method: 'automatic';
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  last_payment_error: LastPaymentError | null;
  latest_charge: string | null;
  livemode: false;
  metadata: Record<string, string>;
  payment_method: string | null;
  payment_method_types: string[];
  status: PaymentIntentStatus;
}

export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  failure_reason: string | null;
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string | null;
  status: RefundStatus;
}

export interface FakeCharge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  created: number;
  currency: string;
  livemode: false;
  /** Copied from the PaymentIntent when it is confirmed, as Stripe does (once; later edits do not follow). */
  metadata: Record<string, string>;
  paid: boolean;
  payment_intent: string;
  refunded: boolean;
  refunds: { object: 'list'; data: FakeRefund[]; has_more: false; total_count: number; url: string };
  status: 'succeeded' | 'failed';
}

export type DisputeStatus = 'needs_response' | 'under_review' | 'won' | 'lost' | 'warning_closed';

/** A chargeback, with the fields Stripe's Dispute object has that integrations read. */
export interface FakeDispute {
  id: string;
  object: 'dispute';
  amount: number;
  balance_transactions: { amount: number; currency: string; reporting_category: string }[];
  charge: string;
  created: number;
  currency: string;
  evidence_details: {
    due_by: number | null;
    has_evidence: boolean;
    past_due: boolean;
    submission_count: number;
  };
  is_charge_refundable: boolean;
  livemode: false;
  /** Empty: a dispute does not copy its charge's metadata (unlike a charge, which copies its PaymentIntent's). */
  metadata: Record<string, string>;
  payment_intent: string;
  reason: string;
  status: DisputeStatus;
}

export interface FakeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `pi_3Q...`-like ids: a prefix and 24 random alphanumerics. */
export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${id}`;
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
