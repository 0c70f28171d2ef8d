import { ConfigError, loadConfig, type Config } from '../../infra/config/config.ts';
import { createLogger, type Logger } from '../../infra/logging/logger.ts';
import { withEmbeddedAuthSecret } from '../compose/embedded-auth-secret.ts';

/**
 * Runs a CLI action with config and logger, turning failures into one clear line and exit code 1
 * instead of a stack trace (stack traces still go to the debug log).
 *
 * The configuration is validated before any logger exists: the logger is built from LOG_LEVEL, and
 * a level pino does not know would otherwise throw its own stack trace instead of the message that
 * names the variable.
 */
export async function runWithContext(
  action: (context: { config: Config; log: Logger }) => Promise<void>,
  /** A long-running service (`serve`, `work`, `project`): its log lines are written in batches. */
  options: { service?: boolean } = {},
): Promise<void> {
  let log: Logger | undefined;
  try {
    const config = withEmbeddedAuthSecret(loadConfig(), log);
    log = createLogger(config.LOG_LEVEL, undefined, options);
    await action({ config, log });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      log?.debug({ err: error }, 'command failed');
      console.error(`qm: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exitCode = 1;
  }
}

/** `runWithContext` for a long-running service (`serve`, `work`, `project`): its log lines are written in batches. */
export function runServiceWithContext(
  action: (context: { config: Config; log: Logger }) => Promise<void>,
): Promise<void> {
  return runWithContext(action, { service: true });
}
