import Stripe from 'stripe';
import type { FormObject } from './form-body.ts';
import {
  metadata,
  optionalAmount,
  optionalEnum,
  optionalString,
  rejectUnknown,
  requiredAmount,
  requiredString,
} from './params.ts';
import { parameterError, resourceMissing, stateError } from './stripe-error-response.ts';
import {
  stripeId,
  unixNow,
  type FakeCharge,
  type FakeDispute,
  type FakeEvent,
  type FakePaymentIntent,
  type FakeRefund,
  type PaymentIntentStatus,
} from './stripe-objects.ts';

/** What Stripe records about the API request behind an event (`event.request`). */
export interface RequestContext {
  requestId: string | null;
  idempotencyKey: string | null;
}

const NO_REQUEST: RequestContext = { requestId: null, idempotencyKey: null };
const CAPTURE_METHODS = ['automatic', 'automatic_async', 'manual'] as const;
const CANCELLATION_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer', 'abandoned'] as const;
const REFUND_REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;
const CANCELABLE: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];
const CONFIRMABLE: readonly PaymentIntentStatus[] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

/**
 * The fake's account: PaymentIntents, their charges and refunds, with Stripe's state machine and
 * limits, and the events Stripe would send for each change. Endpoint methods take the parsed form
 * parameters and throw `FakeStripeError`s; the `simulate*` methods stand in for what happens outside
 * the API (the customer paying in the browser, a bank failing a refund).
 */
export class FakeStripeLedger {
  private readonly paymentIntents = new Map<string, FakePaymentIntent>();
  private readonly charges = new Map<string, FakeCharge>();
  private readonly refunds = new Map<string, FakeRefund>();
  private readonly disputes = new Map<string, FakeDispute>();
  readonly events: FakeEvent[] = [];

  createPaymentIntent(params: FormObject, request: RequestContext): FakePaymentIntent {
    rejectUnknown(params, ['amount', 'currency', 'capture_method', 'metadata', 'description', 'expand']);
    const amount = requiredAmount(params, 'amount');
    const currency = requiredString(params, 'currency');
    if (!/^[a-z]{3}$/.test(currency)) {
      throw parameterError(
        undefined,
        'currency',
        `Invalid currency: ${currency}. Stripe currencies are 3 lower-case letters.`,
      );
    }
    const id = stripeId('pi');
    const intent: FakePaymentIntent = {
      id,
      object: 'payment_intent',
      amount,
      amount_capturable: 0,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      // Stripe's default for new integrations.
      capture_method: optionalEnum(params, 'capture_method', CAPTURE_METHODS) ?? 'automatic_async',
      client_secret: `${id}_secret_${stripeId('x', 25).slice(2)}`,
      confirmation_method: 'automatic',
      created: unixNow(),
      currency,
      customer: null,
      description: optionalString(params, 'description') ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: metadata(params),
      payment_method: null,
      payment_method_types: ['card'],
      status: 'requires_payment_method',
    };
    this.paymentIntents.set(id, intent);
    this.emit('payment_intent.created', intent, undefined, request);
    return intent;
  }

  retrievePaymentIntent(id: string): FakePaymentIntent {
    const intent = this.paymentIntents.get(id);
    if (!intent) throw resourceMissing('payment_intent', id, 'intent');
    return intent;
  }

  capturePaymentIntent(id: string, params: FormObject, request: RequestContext): FakePaymentIntent {
    const intent = this.retrievePaymentIntent(id);
    rejectUnknown(params, ['amount_to_capture', 'metadata', 'expand']);
    const requested = optionalAmount(params, 'amount_to_capture');
    if (intent.status !== 'requires_capture') {
      throw stateError(
        'payment_intent_unexpected_state',
        `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
        { payment_intent: structuredClone(intent) },
      );
    }
    const amount = requested ?? intent.amount_capturable;
    if (amount > intent.amount_capturable) {
      throw stateError(
        'amount_too_large',
        `The amount to capture (${amount}) must be less than or equal to the amount capturable (${intent.amount_capturable}).`,
        { param: 'amount_to_capture', payment_intent: structuredClone(intent) },
      );
    }
    const charge = this.chargeOf(intent);
    charge.amount_captured = amount;
    charge.captured = true;
    this.emit('charge.captured', charge, { amount_captured: 0, captured: false }, request);
    const previous = {
      amount_capturable: intent.amount_capturable,
      amount_received: 0,
      status: intent.status,
    };
    Object.assign(intent, { amount_capturable: 0, amount_received: amount, status: 'succeeded' });
    Object.assign(intent.metadata, metadata(params));
    this.emit('payment_intent.succeeded', intent, previous, request);
    return intent;
  }

  cancelPaymentIntent(id: string, params: FormObject, request: RequestContext): FakePaymentIntent {
    const intent = this.retrievePaymentIntent(id);
    rejectUnknown(params, ['cancellation_reason', 'expand']);
    const reason = optionalEnum(params, 'cancellation_reason', CANCELLATION_REASONS) ?? null;
    if (!CANCELABLE.includes(intent.status)) {
      throw stateError(
        'payment_intent_unexpected_state',
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(', ')}.`,
        { payment_intent: structuredClone(intent) },
      );
    }
    const previous = { status: intent.status, amount_capturable: intent.amount_capturable };
    Object.assign(intent, {
      status: 'canceled',
      amount_capturable: 0,
      canceled_at: unixNow(),
      cancellation_reason: reason,
    });
    this.emit('payment_intent.canceled', intent, previous, request);
    return intent;
  }

  createRefund(params: FormObject, request: RequestContext): FakeRefund {
    rejectUnknown(params, ['payment_intent', 'charge', 'amount', 'reason', 'metadata', 'expand']);
    const requested = optionalAmount(params, 'amount');
    const reason = optionalEnum(params, 'reason', REFUND_REASONS) ?? null;
    const refundMetadata = metadata(params);
    const charge = this.refundableCharge(params);
    const remaining = charge.amount_captured - charge.amount_refunded;
    if (remaining === 0) {
      throw stateError('charge_already_refunded', `Charge ${charge.id} has already been refunded.`);
    }
    const amount = requested ?? remaining;
    if (amount > remaining) {
      throw stateError(
        'amount_too_large',
        `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(remaining, charge.currency)})`,
        { param: 'amount' },
      );
    }
    const refund: FakeRefund = {
      id: stripeId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      created: unixNow(),
      currency: charge.currency,
      failure_reason: null,
      metadata: refundMetadata,
      payment_intent: charge.payment_intent,
      reason,
      // Card refunds succeed at once; `simulateRefundFailure` models the bank returning one later.
      status: 'succeeded',
    };
    this.refunds.set(refund.id, refund);
    const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    charge.refunds.data.unshift(refund);
    charge.refunds.total_count += 1;
    this.emit('charge.refunded', charge, previous, request);
    this.emit('refund.created', refund, undefined, request);
    return refund;
  }

  /** The customer pays in the browser (Stripe.js confirms with the client secret), or their card is declined. */
  simulateCustomerPayment(
    paymentIntentId: string,
    outcome: 'succeeds' | 'declined' = 'succeeds',
  ): FakePaymentIntent {
    const intent = this.retrievePaymentIntent(paymentIntentId);
    if (!CONFIRMABLE.includes(intent.status)) {
      throw new Error(`PaymentIntent ${intent.id} is ${intent.status}: the customer cannot pay it.`);
    }
    const previous = { status: intent.status };
    if (outcome === 'declined') {
      intent.last_payment_error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
      };
      intent.status = 'requires_payment_method';
      this.emit('payment_intent.payment_failed', intent, previous, NO_REQUEST);
      return intent;
    }
    const capturedNow = intent.capture_method !== 'manual';
    const charge = this.newCharge(intent, capturedNow);
    intent.latest_charge = charge.id;
    intent.payment_method = stripeId('pm');
    intent.last_payment_error = null;
    this.emit('charge.succeeded', charge, undefined, NO_REQUEST);
    if (capturedNow) {
      Object.assign(intent, { status: 'succeeded', amount_received: intent.amount });
      this.emit('payment_intent.succeeded', intent, previous, NO_REQUEST);
    } else {
      Object.assign(intent, { status: 'requires_capture', amount_capturable: intent.amount });
      this.emit(
        'payment_intent.amount_capturable_updated',
        intent,
        { ...previous, amount_capturable: 0 },
        NO_REQUEST,
      );
    }
    return intent;
  }

  /** The bank returns a refund that Stripe had accepted: the money counts as unrefunded again. */
  simulateRefundFailure(refundId: string, failureReason = 'expired_or_canceled_card'): FakeRefund {
    const refund = this.refunds.get(refundId);
    if (!refund) throw new Error(`No refund ${refundId}`);
    const charge = this.charges.get(refund.charge)!;
    const previous = { status: refund.status, failure_reason: refund.failure_reason };
    Object.assign(refund, { status: 'failed', failure_reason: failureReason });
    charge.amount_refunded -= refund.amount;
    charge.refunded = false;
    this.emit('refund.updated', refund, previous, NO_REQUEST);
    this.emit('refund.failed', refund, previous, NO_REQUEST);
    return refund;
  }

  /**
   * The cardholder's bank disputes the PaymentIntent's charge: Stripe sends
   * `charge.dispute.created` and, as the amount leaves the balance at once for card disputes,
   * `charge.dispute.funds_withdrawn`. Evidence is due in `dueInDays` (Stripe: about a week).
   */
  simulateDispute(
    paymentIntentId: string,
    options: { amount?: number; reason?: string; dueInDays?: number } = {},
  ): FakeDispute {
    const charge = this.chargeOf(this.retrievePaymentIntent(paymentIntentId));
    if (!charge.captured) throw new Error(`Charge ${charge.id} is not captured: nothing can be disputed.`);
    const amount = options.amount ?? charge.amount_captured - charge.amount_refunded;
    const dispute: FakeDispute = {
      id: stripeId('dp'),
      object: 'dispute',
      amount,
      balance_transactions: [],
      charge: charge.id,
      created: unixNow(),
      currency: charge.currency,
      evidence_details: {
        due_by: unixNow() + (options.dueInDays ?? 7) * 86_400,
        has_evidence: false,
        past_due: false,
        submission_count: 0,
      },
      is_charge_refundable: false,
      livemode: false,
      metadata: {},
      payment_intent: charge.payment_intent,
      reason: options.reason ?? 'fraudulent',
      status: 'needs_response',
    };
    this.disputes.set(dispute.id, dispute);
    this.emit('charge.dispute.created', dispute, undefined, NO_REQUEST);
    dispute.balance_transactions.push({
      amount: -amount,
      currency: charge.currency,
      reporting_category: 'dispute',
    });
    this.emit('charge.dispute.funds_withdrawn', dispute, undefined, NO_REQUEST);
    return dispute;
  }

  /** The bank decides: `charge.dispute.closed`, and `charge.dispute.funds_reinstated` when the shop won. */
  simulateDisputeClosed(disputeId: string, outcome: 'won' | 'lost' | 'warning_closed'): FakeDispute {
    const dispute = this.disputes.get(disputeId);
    if (!dispute) throw new Error(`No dispute ${disputeId}`);
    const previous = { status: dispute.status };
    dispute.status = outcome;
    this.emit('charge.dispute.closed', dispute, previous, NO_REQUEST);
    if (outcome === 'won') {
      dispute.balance_transactions.push({
        amount: dispute.amount,
        currency: dispute.currency,
        reporting_category: 'dispute_reversal',
      });
      this.emit('charge.dispute.funds_reinstated', dispute, undefined, NO_REQUEST);
    }
    return dispute;
  }

  private refundableCharge(params: FormObject): FakeCharge {
    const intentId = optionalString(params, 'payment_intent');
    const chargeId = optionalString(params, 'charge');
    if (intentId === undefined && chargeId === undefined) {
      throw parameterError(
        'parameter_missing',
        'payment_intent',
        'One of the following params should be provided for this request: payment_intent or charge.',
      );
    }
    if (chargeId !== undefined) {
      const charge = this.charges.get(chargeId);
      if (!charge) throw resourceMissing('charge', chargeId, 'charge');
      return charge;
    }
    const intent = this.paymentIntents.get(intentId!);
    if (!intent) throw resourceMissing('payment_intent', intentId!, 'payment_intent');
    if (intent.status !== 'succeeded') {
      throw stateError(
        'payment_intent_unexpected_state',
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
        { param: 'payment_intent', payment_intent: structuredClone(intent) },
      );
    }
    return this.chargeOf(intent);
  }

  private chargeOf(intent: FakePaymentIntent): FakeCharge {
    const charge = intent.latest_charge === null ? undefined : this.charges.get(intent.latest_charge);
    if (!charge)
      throw new Error(`PaymentIntent ${intent.id} has no charge: the fake's state is inconsistent.`);
    return charge;
  }

  private newCharge(intent: FakePaymentIntent, captured: boolean): FakeCharge {
    const charge: FakeCharge = {
      id: stripeId('ch'),
      object: 'charge',
      amount: intent.amount,
      amount_captured: captured ? intent.amount : 0,
      amount_refunded: 0,
      captured,
      created: unixNow(),
      currency: intent.currency,
      livemode: false,
      metadata: { ...intent.metadata },
      paid: true,
      payment_intent: intent.id,
      refunded: false,
      refunds: { object: 'list', data: [], has_more: false, total_count: 0, url: '' },
      status: 'succeeded',
    };
    charge.refunds.url = `/v1/charges/${charge.id}/refunds`;
    this.charges.set(charge.id, charge);
    return charge;
  }

  private emit(
    type: string,
    object: unknown,
    previous: Record<string, unknown> | undefined,
    request: RequestContext,
  ): void {
    this.events.push({
      id: stripeId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: unixNow(),
      // A snapshot: the object as it was when the event happened, like Stripe's.
      data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: request.requestId, idempotency_key: request.idempotencyKey },
      type,
    });
  }
}

function money(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}
