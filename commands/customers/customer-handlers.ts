import {
  customerDecider,
  ResetCodeRefused,
  VerificationCodeRefused,
  type ConsentSource,
  type CustomerAddress,
  type CustomerCommand,
  type CustomerState,
} from '../../domain/customers/index.ts';
import { emailClaimDecider, type EmailClaimState } from '../../domain/email-claims/index.ts';
import { replay } from '../../domain/decider.ts';
import { customerStream, emailClaimStream } from '../../domain/streams.ts';
import type { AccountSecrets } from '../../ports/account-secrets.ts';
import type { MailQueue } from '../../ports/mail.ts';
import { passwordResetMail, verificationMail } from '../accounts/account-mails.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';

/** How long an emailed verification code stays good. */
export const VERIFICATION_CODE_TTL_MINUTES = 15;
/** How long an emailed password reset code stays good. */
export const RESET_CODE_TTL_MINUTES = 15;

export interface SignUpInput {
  customerId: string;
  email: string;
  name: string | null;
  /** Checked against the password policy by the caller (the API), hashed here. */
  password: string;
  marketingConsent: boolean;
}

export interface CustomerDeps {
  runtime: CommandRuntime;
  secrets: AccountSecrets;
  /** Where the verification and reset codes go out. */
  mail: MailQueue;
}

/**
 * Customer accounts, a `customer-{id}` stream each, with the email claimed in `email-customer.{digest}`
 * in the same append. Codes (verification, reset) are mailed once through the mail queue; only
 * their hashes are stored.
 */
export function customerHandlers(deps: CustomerDeps) {
  const { runtime, secrets, mail } = deps;
  const run = async (customerId: string, command: CustomerCommand, context: CommandContext) =>
    toResult(await handleCommand(runtime, customerDecider, customerStream(customerId), command, context));
  /** The mail's cause: the stream and revision of the event that issued the code. */
  const causeOf = (customerId: string, result: CommandResult) =>
    `${customerStream(customerId)}#${result.revision ?? 0}`;

  /** The account holding `email`, read from its claim: consistent, unlike a read model. */
  async function customerByEmail(email: string): Promise<string | null> {
    const events = await runtime.store.readStream(emailClaimStream('customer', secrets.emailDigest(email)));
    const state: EmailClaimState = replay(
      emailClaimDecider,
      events.map((event) => event as unknown as Parameters<typeof emailClaimDecider.evolve>[1]),
    );
    return state.status === 'claimed' ? state.accountId : null;
  }

  async function loadCustomer(customerId: string): Promise<CustomerState> {
    const events = await runtime.store.readStream(customerStream(customerId));
    return replay(
      customerDecider,
      events.map((event) => event as unknown as Parameters<typeof customerDecider.evolve>[1]),
    );
  }

  return {
    customerByEmail,

    async signUp(input: SignUpInput, context: CommandContext) {
      const stream = customerStream(input.customerId);
      // A request resumed after its first run died answers what that run appended (no second mail).
      const earlier = await earlierRun(runtime.store, stream, context);
      if (earlier) return { ...earlier, customerId: input.customerId };
      const passwordHash = await secrets.hashPassword(input.password);
      const { code, hash } = secrets.newCode();
      const signUp: CustomerCommand = {
        type: 'SignUp',
        data: {
          customerId: input.customerId,
          email: input.email,
          name: input.name,
          passwordHash,
          verificationCodeHash: hash,
          marketingConsent: input.marketingConsent,
          now: context.now,
          codeTtlMinutes: VERIFICATION_CODE_TTL_MINUTES,
        },
      };
      // A malformed sign-up is refused before anything (a claim on its own) is appended.
      customerDecider.decide(signUp, customerDecider.initialState());
      const claimStream = emailClaimStream('customer', secrets.emailDigest(input.email));
      const outcome = await runCommand(
        runtime,
        {
          keys: [claimStream, stream],
          contention: 'normal',
          plan: async () => [
            {
              stream: claimStream,
              decider: asStepDecider(emailClaimDecider),
              command: { type: 'ClaimEmail', data: { accountId: input.customerId } },
              expectNew: true,
            },
            { stream, decider: asStepDecider(customerDecider), command: signUp },
          ],
        },
        context,
      );
      const result: CommandResult = {
        events: outcome.events.get(stream) ?? [],
        revision: outcome.revisions.get(stream) ?? null,
        position: outcome.position,
      };
      await mail.enqueue({
        eventId: causeOf(input.customerId, result),
        to: input.email.trim().toLowerCase(),
        ...verificationMail(code, VERIFICATION_CODE_TTL_MINUTES),
      });
      return { ...result, customerId: input.customerId };
    },

    /** A wrong code is recorded (it counts towards the limit) and then refused like any other. */
    async verifyEmail(email: string, code: string, context: CommandContext) {
      const customerId = await customerByEmail(email);
      if (!customerId) throw new VerificationCodeRefused();
      const result = await run(
        customerId,
        { type: 'VerifyEmail', data: { customerId, codeHash: secrets.hashCode(code), now: context.now } },
        context,
      );
      if (result.events.some((event) => event.type === 'EmailVerificationFailed')) {
        throw new VerificationCodeRefused();
      }
      return { ...result, customerId };
    },

    /** Fields left out keep their value. */
    async changeProfile(
      customerId: string,
      patch: { name?: string | null | undefined; phone?: string | null | undefined },
      context: CommandContext,
    ) {
      const state = await loadCustomer(customerId);
      const current = state.status === 'absent' ? { name: null, phone: null } : state.personal;
      const name = patch.name === undefined ? current.name : patch.name;
      const phone = patch.phone === undefined ? current.phone : patch.phone;
      return run(customerId, { type: 'ChangeProfile', data: { customerId, name, phone } }, context);
    },

    /** Saves the address (new or changed) and, when asked, makes it the default shipping address. */
    async saveAddress(
      customerId: string,
      entry: CustomerAddress & { isDefault: boolean },
      context: CommandContext,
    ) {
      const { isDefault, ...address } = entry;
      const commands: CustomerCommand[] = [{ type: 'SaveAddress', data: { customerId, ...address } }];
      const state = await loadCustomer(customerId);
      const already = state.status !== 'absent' && state.defaultAddressId === address.addressId;
      if (isDefault && !already) {
        commands.push({ type: 'SetDefaultAddress', data: { customerId, addressId: address.addressId } });
      }
      return toResult(
        await handleCommand(runtime, customerDecider, customerStream(customerId), commands, context),
      );
    },

    removeAddress: (customerId: string, addressId: string, context: CommandContext) =>
      run(customerId, { type: 'RemoveAddress', data: { customerId, addressId } }, context),

    recordConsent: (customerId: string, granted: boolean, source: ConsentSource, context: CommandContext) =>
      run(
        customerId,
        { type: 'RecordMarketingConsent', data: { customerId, granted, source, now: context.now } },
        context,
      ),

    setPreferences: (
      customerId: string,
      preferences: { marketing: boolean; reminder: boolean },
      context: CommandContext,
    ) =>
      run(customerId, { type: 'SetNotificationPreferences', data: { customerId, ...preferences } }, context),

    setGroups: (customerId: string, groups: string[], context: CommandContext) =>
      run(customerId, { type: 'SetGroups', data: { customerId, groups } }, context),

    /**
     * Mails a reset code when an account holds `email`; does nothing otherwise. The caller answers
     * both alike (docs/accounts.md), so whether an account exists cannot be learnt from it.
     */
    async requestPasswordReset(email: string, context: CommandContext): Promise<void> {
      const customerId = await customerByEmail(email);
      const { code, hash } = secrets.newCode();
      if (!customerId) return;
      const result = await run(
        customerId,
        {
          type: 'RequestPasswordReset',
          data: { customerId, codeHash: hash, now: context.now, codeTtlMinutes: RESET_CODE_TTL_MINUTES },
        },
        context,
      );
      await mail.enqueue({
        eventId: causeOf(customerId, result),
        to: email.trim().toLowerCase(),
        ...passwordResetMail(code, RESET_CODE_TTL_MINUTES),
      });
    },

    /**
     * Sets the new password when the code is right. The new password is hashed whether or not an
     * account holds `email` (the slow part costs the same either way), and every refusal is the one
     * `ResetCodeRefused`. A wrong code is recorded first, so five of them use the code up.
     */
    async resetPassword(
      input: { email: string; code: string; newPassword: string },
      context: CommandContext,
    ) {
      const passwordHash = await secrets.hashPassword(input.newPassword);
      const customerId = await customerByEmail(input.email);
      if (!customerId) throw new ResetCodeRefused();
      const result = await run(
        customerId,
        {
          type: 'ResetPassword',
          data: { customerId, codeHash: secrets.hashCode(input.code), passwordHash, now: context.now },
        },
        context,
      );
      if (result.events.some((event) => event.type === 'PasswordResetFailed')) throw new ResetCodeRefused();
      return { ...result, customerId };
    },
  };
}

export type CustomerHandlers = ReturnType<typeof customerHandlers>;
