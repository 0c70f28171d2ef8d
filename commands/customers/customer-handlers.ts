import { customerDecider, type CustomerCommand } from '../../domain/customers/index.ts';
import { loginEmailDecider } from '../../domain/login-emails/index.ts';
import { customerStream, loginEmailStream } from '../../domain/streams.ts';
import type { AccountSecrets } from '../../ports/account-secrets.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';
import { emailHash } from '../auth/login-email.ts';

/** How long an emailed verification code stays good. */
export const VERIFICATION_CODE_TTL_MINUTES = 15;

export interface SignUpInput {
  customerId: string;
  email: string;
  name: string | null;
  /** Checked against the password policy by the caller (the API), hashed here. */
  password: string;
  marketingConsent: boolean;
}

/**
 * Customer accounts, a `customer-{id}` stream each. Sign-up answers the verification code once, for
 * the caller to hand to the mail outbox; only its hash is stored.
 */
export function customerHandlers(runtime: CommandRuntime, secrets: AccountSecrets) {
  const run = async (customerId: string, command: CustomerCommand, context: CommandContext) =>
    toResult(await handleCommand(runtime, customerDecider, customerStream(customerId), command, context));
  return {
    async signUp(input: SignUpInput, context: CommandContext) {
      const passwordHash = await secrets.hashPassword(input.password);
      const { code, hash } = secrets.newCode();
      const command: CustomerCommand = {
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
      // The email is claimed in the same append (`login-email-{hash}`): login finds the account
      // by it, and two accounts never share one.
      const stream = customerStream(input.customerId);
      const claimStream = loginEmailStream(emailHash(input.email));
      const outcome = await runCommand(
        runtime,
        {
          keys: [claimStream, stream],
          contention: 'normal',
          plan: async () => [
            {
              stream: claimStream,
              decider: asStepDecider(loginEmailDecider),
              command: {
                type: 'ClaimLoginEmail',
                data: { emailHash: emailHash(input.email), accountId: input.customerId, kind: 'customer' },
              },
            },
            { stream, decider: asStepDecider(customerDecider), command },
          ],
        },
        context,
      );
      const result = {
        events: outcome.events.get(stream) ?? [],
        revision: outcome.revisions.get(stream) ?? null,
        position: outcome.position,
      };
      return { ...result, verificationCode: code };
    },
    verifyEmail: (customerId: string, code: string, context: CommandContext) =>
      run(
        customerId,
        { type: 'VerifyEmail', data: { customerId, codeHash: secrets.hashCode(code), now: context.now } },
        context,
      ),
  };
}
