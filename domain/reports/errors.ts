import { DomainError } from '../errors.ts';

/** The refusals of the saved-reports aggregate; the kinds and the base class are in domain/errors.ts. */
export class ReportNotFound extends DomainError<{ reportId: string }> {
  override readonly name = 'ReportNotFound';
  readonly code = 'report_not_found';
  readonly kind = 'not_found';
  constructor(reportId: string) {
    super(`Report ${reportId} does not exist`, { reportId });
  }
}

/**
 * No run is due: no schedule, or its next run is later (a previous holder of the scheduler's lease
 * mailed it just before). The scheduler counts this refusal as done.
 */
export class ReportRunNotDue extends DomainError<{ reportId: string; nextRunAt: string | null }> {
  override readonly name = 'ReportRunNotDue';
  readonly code = 'report_run_not_due';
  readonly kind = 'rule';
  constructor(reportId: string, nextRunAt: string | null) {
    super(`Report ${reportId} has no run due`, { reportId, nextRunAt });
  }
}
