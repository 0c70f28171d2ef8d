/** An API's refusal (problem+json) or a network failure, with words a person can act on. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly fields: { path: string; message: string }[] = [],
    /** The API's machine-readable `code` (for example `step-up-required`), when it sent one. */
    readonly code?: string,
    /** The API's `details` for a domain refusal (for example why an edit preview went stale). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }

  /** One sentence for the page: what went wrong and, where it helps, what to do. */
  get plainWords(): string {
    const fields = this.fields.map((f) => `${f.path} ${f.message}`).join('; ');
    const hint =
      this.code === 'step-up-required'
        ? ' Enter the code from your authenticator to go on.'
        : this.status === 401
          ? ' Sign in again.'
          : this.status === 403
            ? ' Your role does not allow this.'
            : this.status === 409 || this.status === 412
              ? ' Someone changed it meanwhile: reload and try again.'
              : this.status === 429
                ? ' Too many requests: wait a moment.'
                : '';
    return `${this.detail ?? this.title}${fields ? ` (${fields})` : ''}.${hint}`.replace('..', '.');
  }
}

interface ProblemBody {
  title?: string;
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  details?: unknown;
}

export async function problemFrom(answer: Response): Promise<ApiProblem> {
  let body: ProblemBody = {};
  try {
    body = (await answer.clone().json()) as ProblemBody;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new ApiProblem(
    answer.status,
    body.title ?? answer.statusText,
    body.detail,
    body.errors ?? [],
    body.code,
    typeof body.details === 'object' && body.details !== null
      ? (body.details as Record<string, unknown>)
      : {},
  );
}
