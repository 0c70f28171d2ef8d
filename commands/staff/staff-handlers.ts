import { replay } from '../../domain/decider.ts';
import { emailClaimDecider } from '../../domain/email-claims/index.ts';
import { InvitationRefused, staffDecider, type StaffCommand } from '../../domain/staff/index.ts';
import { emailClaimStream, staffStream } from '../../domain/streams.ts';
import type { AccountSecrets } from '../../ports/account-secrets.ts';
import type { MailQueue } from '../../ports/mail.ts';
import { staffInvitationMail } from '../accounts/account-mails.ts';
import type { CommandContext } from '../runtime/command-context.ts';
import { toResult, type CommandResult } from '../runtime/command-result.ts';
import type { CommandRuntime } from '../runtime/command-runtime.ts';
import { handleCommand } from '../runtime/handle-command.ts';
import { earlierRun } from '../runtime/request-events.ts';
import { runCommand } from '../runtime/run-command.ts';
import { asStepDecider } from '../runtime/steps.ts';

/** How long an invitation can be accepted. */
export const INVITATION_TTL_HOURS = 72;

export interface StaffDeps {
  runtime: CommandRuntime;
  secrets: AccountSecrets;
  mail: MailQueue;
}

/**
 * The token mailed to an invitee is `{staffId}.{secret}`: the id finds the account's stream, the
 * secret (32 random bytes, stored as a hash) proves the mail was read.
 */
export function parseInvitationToken(token: string): { staffId: string; secret: string } | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { staffId: token.slice(0, dot), secret: token.slice(dot + 1) };
}

/** Staff accounts (`staff-{id}`): an admin invites by email with roles; the invitee accepts with a password. */
export function staffHandlers(deps: StaffDeps) {
  const { runtime, secrets, mail } = deps;
  const run = async (staffId: string, command: StaffCommand, context: CommandContext) =>
    toResult(await handleCommand(runtime, staffDecider, staffStream(staffId), command, context));
  return {
    /**
     * The invitation claims the address among staff accounts (`email-staff.{digest}`) in the same
     * append, as sign-up does for customers: login finds the staff member through that claim.
     */
    async inviteStaff(
      input: { staffId: string; email: string; name: string | null; roles: string[] },
      context: CommandContext,
    ) {
      const stream = staffStream(input.staffId);
      const { token, hash } = secrets.newToken();
      const invite: StaffCommand = {
        type: 'InviteStaff',
        data: { ...input, tokenHash: hash, now: context.now, ttlHours: INVITATION_TTL_HOURS },
      };
      // A request resumed after its first run died answers what that run appended (no second mail).
      const earlier = await earlierRun(runtime.store, stream, context);
      if (earlier) return earlier;
      // A malformed invitation is refused before anything (a claim on its own) is appended.
      staffDecider.decide(invite, staffDecider.initialState());
      const claimStream = emailClaimStream('staff', secrets.emailDigest(input.email));
      const outcome = await runCommand(
        runtime,
        {
          keys: [claimStream, stream],
          contention: 'normal',
          plan: async () => [
            {
              stream: claimStream,
              decider: asStepDecider(emailClaimDecider),
              command: { type: 'ClaimEmail', data: { accountId: input.staffId } },
            },
            { stream, decider: asStepDecider(staffDecider), command: invite },
          ],
        },
        context,
      );
      const result: CommandResult = {
        events: outcome.events.get(stream) ?? [],
        revision: outcome.revisions.get(stream) ?? null,
        position: outcome.position,
      };
      const invited = result.events.find((event) => event.type === 'StaffInvited');
      if (invited) {
        const data = invited.data as { roles: string[]; expiresAt: string };
        await mail.enqueue({
          eventId: `${stream}#${result.revision ?? 0}`,
          to: input.email.trim().toLowerCase(),
          ...staffInvitationMail(`${input.staffId}.${token}`, data.roles, data.expiresAt),
        });
      }
      return result;
    },

    revokeInvitation: (staffId: string, context: CommandContext) =>
      run(staffId, { type: 'RevokeInvitation', data: { staffId, now: context.now } }, context),

    /** The password is hashed before the token is checked, so a wrong token costs the same time. */
    async acceptInvitation(input: { token: string; password: string }, context: CommandContext) {
      const passwordHash = await secrets.hashPassword(input.password);
      const parsed = parseInvitationToken(input.token);
      if (!parsed || !/^[A-Za-z0-9._~:+=-]{1,64}$/.test(parsed.staffId)) throw new InvitationRefused();
      const { staffId, secret } = parsed;
      const result = await run(
        staffId,
        {
          type: 'AcceptInvitation',
          data: { staffId, tokenHash: secrets.hashCode(secret), passwordHash, now: context.now },
        },
        context,
      );
      return { ...result, staffId };
    },

    changeStaffRoles: (staffId: string, roles: string[], reason: string | null, context: CommandContext) =>
      run(staffId, { type: 'ChangeStaffRoles', data: { staffId, roles, reason, now: context.now } }, context),

    /** The staff account's current state (roles, status), for who signs tokens and for tests. */
    async staffAccount(staffId: string) {
      const events = await runtime.store.readStream(staffStream(staffId));
      return replay(
        staffDecider,
        events.map((event) => event as unknown as Parameters<typeof staffDecider.evolve>[1]),
      );
    },
  };
}

export type StaffHandlers = ReturnType<typeof staffHandlers>;
