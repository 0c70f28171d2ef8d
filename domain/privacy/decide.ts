import { assertNever } from '../assert-never.ts';
import { requireKey } from '../validation.ts';
import type { PrivacyCommand } from './commands.ts';
import { AlreadyErased } from './errors.ts';
import type { PrivacyEvent } from './events.ts';
import type { PrivacyState } from './state.ts';

export function decidePrivacy(command: PrivacyCommand, state: PrivacyState): PrivacyEvent[] {
  switch (command.type) {
    case 'EraseCustomer': {
      requireKey('customerId', command.data.customerId);
      if (state.erased) throw new AlreadyErased(command.data.customerId);
      return [{ type: 'CustomerErased', data: command.data }];
    }
    case 'RecordEncryption':
      return [{ type: 'PersonalDataEncrypted', data: command.data }];
    default:
      return assertNever(command);
  }
}
