import { Command } from 'commander';
import { runWithContext } from '../run-with-context.ts';
import { runningServer } from '../running-server.ts';

/**
 * `qm auth rotate-keys`: a new Ed25519 key signs access tokens from now on. The keys it replaces stay
 * in `/.well-known/jwks.json` and keep verifying for the overlap (the access token lifetime plus an
 * hour: no token they signed is refused before it expires), then retire: they leave the JWKS, verify
 * nothing, and are deleted at the next rotation. Every API process sees the new key within its
 * reload (a minute), or at once when a token names it.
 */
export function authCommand(): Command {
  const auth = new Command('auth').description('Login tokens: the signing keys');
  auth
    .command('rotate-keys')
    .description('Make a new signing key; the old ones verify for the overlap window, then retire')
    .action(() =>
      runWithContext(async ({ config, log }) => {
        // Embedded, the server owns PGlite: the keys table can only be reached through it.
        if (!config.DATABASE_URL && runningServer(config)) {
          throw new Error('a qm serve process owns the data root; stop it, then run this again');
        }
        const { openDatabase } = await import('../../compose/database.ts');
        const { signingKeysFromConfig, signingKeyOverlapMs } = await import('../../compose/auth.ts');
        const database = await openDatabase(config, log.child({}, { level: 'warn' }));
        try {
          const keys = signingKeysFromConfig(config, database, log);
          const before = (await keys.jwks()).keys.map((key) => key.kid);
          const kid = await keys.rotate();
          const overlapMs = signingKeyOverlapMs(config);
          const until = new Date(Date.now() + overlapMs).toISOString();
          console.log(`new signing key ${kid}: it signs from now on`);
          for (const old of before.filter((other) => other !== kid)) {
            console.log(
              `  ${old}: verifies until ${until} (overlap ${overlapMs / 60_000} min), then retires`,
            );
          }
        } finally {
          await database.close();
        }
      }),
    );
  return auth;
}
