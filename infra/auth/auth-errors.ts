import { HttpProblem } from '../http/problem.ts';

/** Why a request carried no usable identity. */
export type AuthenticationFailure = 'missing' | 'invalid' | 'expired' | 'unconfigured';

/**
 * 401: the request has no valid bearer token. The `WWW-Authenticate` challenge follows RFC 6750:
 * bare `Bearer` when no token came, `error="invalid_token"` when one came and was refused.
 */
export class Unauthenticated extends HttpProblem {
  override name = 'Unauthenticated';
  constructor(
    readonly reason: AuthenticationFailure,
    detail: string,
    cause?: unknown,
  ) {
    super({
      status: 401,
      code: 'unauthenticated',
      title: 'Authentication required',
      detail,
      extensions: { reason },
      headers: {
        'WWW-Authenticate':
          reason === 'missing' || reason === 'unconfigured'
            ? 'Bearer'
            : `Bearer error="invalid_token", error_description="${reason === 'expired' ? 'The token expired' : 'The token is invalid'}"`,
      },
      cause,
    });
  }
}

/** 403: the caller is known but its role may not do this. */
export class Forbidden extends HttpProblem {
  override name = 'Forbidden';
  constructor(detail: string) {
    super({ status: 403, code: 'forbidden', title: 'Forbidden', detail });
  }
}
