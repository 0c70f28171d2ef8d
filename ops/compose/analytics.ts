import {
  analyticsConfigFrom,
  openAnalyticsClient,
  type AnalyticsClient,
  type OpenAnalyticsOptions,
} from '../../infra/analytics/analytics-client.ts';
import type { Config } from '../../infra/config/config.ts';
import { isMemoryRoot } from '../../infra/config/data-root.ts';
import type { Logger } from '../../infra/logging/logger.ts';
import { claimDataRoot } from './data-root-owner.ts';

/**
 * The deployment's analytics client. Embedded chDB lives in the data root, so this process claims
 * the root first (as PGlite does): the refusal then names the owner, where chDB's own lock only
 * says that a file is locked.
 */
export async function openDeploymentAnalytics(
  config: Config,
  log: Pick<Logger, 'info' | 'warn'>,
  options: OpenAnalyticsOptions = {},
): Promise<AnalyticsClient> {
  const analyticsConfig = analyticsConfigFrom(config);
  // A CHDB_PATH of its own is outside the root; chDB's own lock guards it.
  const embeddedOnDisk = !analyticsConfig.url && !config.CHDB_PATH && !isMemoryRoot(config.QM_DATA_DIR);
  const claim = embeddedOnDisk ? claimDataRoot(config, log) : undefined;
  try {
    const client = await openAnalyticsClient(analyticsConfig, options);
    return {
      ...client,
      async close() {
        await client.close();
        claim?.release();
      },
    };
  } catch (error) {
    claim?.release();
    throw error;
  }
}
