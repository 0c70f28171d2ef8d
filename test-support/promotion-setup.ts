import type { CommandContext, CommandHandlers } from '../commands/command-handlers.ts';
import type { PromotionDefinition } from '../domain/promotions/index.ts';

/** Creates and activates a promotion through the handlers, as an admin would. */
export async function activePromotion(
  handlers: CommandHandlers,
  context: CommandContext,
  promotionId: string,
  definition: PromotionDefinition,
): Promise<void> {
  await handlers.createPromotion({ promotionId, definition }, context);
  await handlers.activatePromotion(promotionId, context);
}
