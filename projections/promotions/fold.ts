/**
 * The promotions read model's batch fold: pure, in memory. Rows made in the batch are changed in
 * place by later events of the batch; changes to rows of earlier batches become updates.
 */
import { assertNever } from '../../domain/assert-never.ts';
import { isCouponCodeEvent } from '../../domain/coupon-codes/index.ts';
import { isPromotionEvent, type PromotionDefinition } from '../../domain/promotions/index.ts';
import { isRedemptionEvent } from '../../domain/redemptions/index.ts';
import type { RecordedEvent } from '../../ports/event-store.ts';
import { eventTime } from '../batch-write.ts';
import type {
  Activation,
  CodeRelease,
  DefinitionChange,
  PromotionCodeRow,
  PromotionRedemptionRow,
  PromotionRow,
  RedemptionRelease,
  StatusChange,
} from './tables.ts';

export interface PromotionChanges {
  created: PromotionRow[];
  edits: DefinitionChange[];
  statuses: StatusChange[];
  activations: Activation[];
  codes: PromotionCodeRow[];
  codeReleases: CodeRelease[];
  redemptions: PromotionRedemptionRow[];
  releases: RedemptionRelease[];
}

function definitionRow(
  promotionId: string,
  definition: PromotionDefinition,
  version: number,
  at: string,
): DefinitionChange {
  const { rules, limits } = definition;
  return {
    promotion_id: promotionId,
    name: definition.name,
    version,
    action_kind: definition.action.kind,
    stacking: definition.stacking,
    priority: definition.priority,
    starts_at: rules.startsAt,
    ends_at: rules.endsAt,
    counts: limits.counts,
    limit_total: limits.total,
    limit_per_customer: limits.perCustomer,
    limit_per_code: limits.perCode,
    definition,
    updated_at: at,
  };
}

const redemptionKey = (promotionId: string, orderId: string) => `${promotionId}\u0000${orderId}`;

export function foldPromotions(events: readonly RecordedEvent[]): PromotionChanges {
  const created = new Map<string, PromotionRow>();
  const edits = new Map<string, DefinitionChange>();
  const statuses = new Map<string, StatusChange>();
  const activations = new Map<string, Activation>();
  const codes = new Map<string, PromotionCodeRow>();
  const codeReleases = new Map<string, CodeRelease>();
  const redemptions = new Map<string, PromotionRedemptionRow>();
  const releases = new Map<string, RedemptionRelease>();

  for (const event of events) {
    const at = eventTime(event);
    if (isPromotionEvent(event)) {
      const { promotionId } = event.data;
      const row = created.get(promotionId);
      switch (event.type) {
        case 'PromotionCreated': {
          const { definition, version } = event.data;
          created.set(promotionId, {
            ...definitionRow(promotionId, definition, version, at),
            status: 'draft',
            activated_at: null,
            code_mode: definition.codes.mode,
            shared_code: definition.codes.mode === 'shared' ? definition.codes.code : null,
            created_at: at,
          });
          break;
        }
        case 'PromotionEdited': {
          const change = definitionRow(promotionId, event.data.definition, event.data.version, at);
          if (row) Object.assign(row, change);
          else edits.set(promotionId, change);
          break;
        }
        case 'PromotionActivated':
        case 'PromotionPaused':
        case 'PromotionExpired':
        case 'PromotionArchived': {
          const status = (
            {
              PromotionActivated: 'active',
              PromotionPaused: 'paused',
              PromotionExpired: 'expired',
              PromotionArchived: 'archived',
            } as const
          )[event.type];
          if (row) Object.assign(row, { status, updated_at: at });
          else statuses.set(promotionId, { promotion_id: promotionId, status, updated_at: at });
          if (event.type === 'PromotionActivated') {
            if (row) row.activated_at = at;
            else activations.set(promotionId, { promotion_id: promotionId, activated_at: at });
          }
          break;
        }
        default:
          assertNever(event);
      }
    } else if (isCouponCodeEvent(event)) {
      switch (event.type) {
        case 'CodeClaimed':
          codes.set(event.data.code, {
            code: event.data.code,
            promotion_id: event.data.promotionId,
            generation_id: event.data.generationId,
            single_use: event.data.singleUse,
            released: false,
            claimed_at: at,
          });
          codeReleases.delete(event.data.code);
          break;
        case 'CodeReleased': {
          const row = codes.get(event.data.code);
          if (row) row.released = true;
          else codeReleases.set(event.data.code, { code: event.data.code, released: true });
          break;
        }
        case 'CodeBatchGenerated':
          break;
        default:
          assertNever(event);
      }
    } else if (isRedemptionEvent(event) && event.data.scope === 'promotion') {
      const key = redemptionKey(event.data.promotionId, event.data.orderId);
      switch (event.type) {
        case 'PromotionRedeemed': {
          const d = event.data;
          redemptions.set(key, {
            promotion_id: d.promotionId,
            order_id: d.orderId,
            promotion_version: d.promotionVersion,
            code: d.code,
            customer_id: d.customerId,
            units: d.units,
            amount: d.amount,
            currency: d.currency,
            redeemed_at: at,
            released_at: null,
            release_reason: null,
          });
          // Redeemed again after a release: the new row stands, the earlier release is history.
          releases.delete(key);
          break;
        }
        case 'RedemptionReleased': {
          const release = { released_at: at, release_reason: event.data.reason };
          const row = redemptions.get(key);
          if (row) Object.assign(row, release);
          else
            releases.set(key, {
              promotion_id: event.data.promotionId,
              order_id: event.data.orderId,
              ...release,
            });
          break;
        }
        default:
          assertNever(event);
      }
    }
  }
  return {
    created: [...created.values()],
    edits: [...edits.values()],
    statuses: [...statuses.values()],
    activations: [...activations.values()],
    codes: [...codes.values()],
    codeReleases: [...codeReleases.values()],
    redemptions: [...redemptions.values()],
    releases: [...releases.values()],
  };
}
