import { DomainError } from '../errors.ts';

export type PromotionNotFoundDetails = { promotionId: string };

export class PromotionNotFound extends DomainError<PromotionNotFoundDetails> {
  override readonly name = 'PromotionNotFound';
  readonly code = 'promotion_not_found';
  readonly kind = 'not_found';
  constructor(promotionId: string) {
    super(`Promotion ${promotionId} does not exist`, { promotionId });
  }
}

export type CodeAlreadyUsedDetails = { code: string; promotionId: string };

/** The code is taken (by this promotion or another): codes are unique whatever their case. */
export class CodeAlreadyUsed extends DomainError<CodeAlreadyUsedDetails> {
  override readonly name = 'CodeAlreadyUsed';
  readonly code = 'code_already_used';
  readonly kind = 'conflict';
  constructor(details: CodeAlreadyUsedDetails) {
    super(`Code ${details.code} is already used by promotion ${details.promotionId}`, details);
  }
}

export type UsageLimitReachedDetails = {
  /** Which limit: the promotion's total, one code's, or one customer's. */
  limit: 'total' | 'per_code' | 'per_customer';
  key: string;
  allowed: number;
  used: number;
  requested: number;
};

/** Answered 409: the promotion (or code, or this customer's share of it) is used up. */
export class UsageLimitReached extends DomainError<UsageLimitReachedDetails> {
  override readonly name = 'UsageLimitReached';
  readonly code = 'usage_limit_reached';
  readonly kind = 'conflict';
  constructor(details: UsageLimitReachedDetails) {
    super(
      `The ${details.limit.replace('_', ' ')} usage limit of ${details.key} is reached (${details.used} of ${details.allowed} used)`,
      details,
    );
  }
}
