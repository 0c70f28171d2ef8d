import { DomainError } from '../errors.ts';

export type SuggestionNotOpenDetails = { sku: string; location: string; suggestionId: string };

/** Dismissing a suggestion that is not the open one (never made, superseded, withdrawn, dismissed). */
export class SuggestionNotOpen extends DomainError<SuggestionNotOpenDetails> {
  override readonly name = 'SuggestionNotOpen';
  readonly code = 'suggestion_not_open';
  readonly kind = 'not_found';
  constructor(details: SuggestionNotOpenDetails) {
    super(
      `Suggestion ${details.suggestionId} is not open for ${details.sku} at ${details.location}`,
      details,
    );
  }
}
