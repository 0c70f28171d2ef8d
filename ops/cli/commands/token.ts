import { Command, Option } from 'commander';
import { roles, type Role } from '../../../infra/auth/actor.ts';
import { mintToken } from '../../../infra/auth/mint-token.ts';
import { parseTtl } from '../../../infra/auth/token-ttl.ts';
import { runWithContext } from '../run-with-context.ts';

/**
 * `qm token --role admin --sub admin-1 [--ttl 8h] [--step-up]`: prints an HS256 token signed with
 * AUTH_JWT_SECRET, for local use and scripts. It needs that secret: no token is minted with a
 * made-up key, because the API would refuse it anyway.
 */
export function tokenCommand(): Command {
  return new Command('token')
    .description('Mint a signed access token (HS256, AUTH_JWT_SECRET) and print it')
    .addOption(new Option('--role <role>', 'role the token grants').choices(roles).makeOptionMandatory())
    .requiredOption('--sub <id>', 'actor id the token speaks for (recorded on every event)')
    .option('--ttl <duration>', 'lifetime, e.g. 15m or 8h (at most AUTH_MAX_TOKEN_LIFETIME_SECONDS)', '8h')
    .option('--step-up', 'mark a second factor passed now, for refunds and role changes (QM_STEP_UP_MINUTES)')
    .action((options: { role: Role; sub: string; ttl: string; stepUp?: boolean }) =>
      runWithContext(async ({ config }) => {
        if (!config.AUTH_JWT_SECRET) {
          throw new Error(
            config.AUTH_JWKS_URL
              ? 'tokens are verified with AUTH_JWKS_URL here: mint them at that identity provider'
              : 'qm token needs AUTH_JWT_SECRET (32+ characters), the same secret the API verifies with',
          );
        }
        // A token the API would refuse is no use: say so here, naming the limit.
        if (parseTtl(options.ttl) > config.AUTH_MAX_TOKEN_LIFETIME_SECONDS) {
          throw new Error(
            `--ttl ${options.ttl} is longer than AUTH_MAX_TOKEN_LIFETIME_SECONDS (${config.AUTH_MAX_TOKEN_LIFETIME_SECONDS} s), which the API enforces`,
          );
        }
        const token = await mintToken({
          secret: config.AUTH_JWT_SECRET,
          subject: options.sub,
          role: options.role,
          ttl: options.ttl,
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          ...(options.stepUp ? { secondFactorAt: Math.floor(Date.now() / 1000) } : {}),
        });
        console.log(token);
      }),
    );
}
