import { assertNever } from '../assert-never.ts';
import { AlreadyExists, InvalidTransition, NoChange } from '../errors.ts';
import { requireKey } from '../validation.ts';
import type { PromotionCommand } from './commands.ts';
import { validateDefinition } from './definition.ts';
import { PromotionNotFound } from './errors.ts';
import type { PromotionEvent } from './events.ts';
import type { PromotionState, PromotionStatus } from './state.ts';

/**
 * The lifecycle: draft → active ⇄ paused; active or paused → expired; any → archived (for good).
 * A draft, active or paused promotion may be edited; each edit is a new version. A paused promotion
 * keeps its codes and its redemptions.
 */
export function decidePromotion(command: PromotionCommand, state: PromotionState): PromotionEvent[] {
  const { promotionId } = command.data;
  if (command.type === 'CreatePromotion') {
    requireKey('promotionId', promotionId);
    if (state.status !== 'absent') throw new AlreadyExists({ aggregate: 'promotion', id: promotionId });
    const definition = validateDefinition(command.data.definition);
    return [{ type: 'PromotionCreated', data: { promotionId, version: 1, definition } }];
  }
  if (state.status === 'absent') throw new PromotionNotFound(promotionId);
  const { version } = state;
  const refuse = (): never => {
    throw new InvalidTransition({
      aggregate: 'promotion',
      id: promotionId,
      from: state.status,
      command: command.type,
    });
  };
  const from = (...allowed: PromotionStatus[]) => {
    if (!allowed.includes(state.status)) refuse();
  };
  switch (command.type) {
    case 'EditPromotion': {
      from('draft', 'active', 'paused');
      const definition = validateDefinition(command.data.definition);
      if (JSON.stringify(definition) === JSON.stringify(state.definition))
        throw new NoChange({ aggregate: 'promotion', id: promotionId, field: 'definition' });
      // A shared code is claimed when the promotion is created; changing it would orphan the claim.
      if (JSON.stringify(definition.codes) !== JSON.stringify(state.definition.codes)) refuse();
      return [
        {
          type: 'PromotionEdited',
          data: { promotionId, version: version + 1, definition, previous: state.definition },
        },
      ];
    }
    case 'ActivatePromotion':
      from('draft', 'paused');
      return [{ type: 'PromotionActivated', data: { promotionId, version } }];
    case 'PausePromotion':
      from('active');
      return [{ type: 'PromotionPaused', data: { promotionId, version } }];
    case 'ExpirePromotion':
      // The scheduler may ask twice (two processes saw the window close): the second is a no-op.
      if (state.status === 'expired') return [];
      from('active', 'paused');
      return [{ type: 'PromotionExpired', data: { promotionId, version, reason: command.data.reason } }];
    case 'ArchivePromotion':
      from('draft', 'active', 'paused', 'expired');
      return [{ type: 'PromotionArchived', data: { promotionId, version } }];
    default:
      return assertNever(command);
  }
}
