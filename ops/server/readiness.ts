/** One dependency a ready process needs: resolves when it answers, throws (saying why) when not. */
export interface ReadinessCheck {
  /** e.g. `eventStore`, `readModels`, `bus`, `cache`, `projectionLag`. */
  name: string;
  check(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  /** `ok`, or why the check failed. */
  checks: Record<string, string>;
}

/** A check that takes longer than this counts as failed: a probe must answer before its own timeout. */
const CHECK_TIMEOUT_MS = 2000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check.check(), timeout]).finally(() => clearTimeout(timer));
}

/** Runs every check at once; ready when all pass. */
export async function checkReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const outcomes = await Promise.allSettled(checks.map(withTimeout));
  const report: ReadinessReport = { ready: true, checks: {} };
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') {
      report.checks[checks[i]!.name] = 'ok';
    } else {
      report.ready = false;
      const reason: unknown = outcome.reason;
      report.checks[checks[i]!.name] = reason instanceof Error ? reason.message : String(reason);
    }
  });
  return report;
}
