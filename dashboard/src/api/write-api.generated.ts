// Generated from the write API's OpenAPI document by `npm run dashboard:types`. Do not edit.
export interface paths {
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public keys of the tokens this server signs (JWKS) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The key set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Jwks'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/customers/{customerId}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase a customer's personal data (GDPR art. 17) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EraseCustomer'];
        };
      };
      responses: {
        /** @description Erased */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in with email and password
     * @description Answers the tokens, or `{challenge: "totp", challengeToken}` when the account has a second factor (finish with POST /auth/login/totp). Unknown email and wrong password answer the same 401; repeated failures are slowed, then locked (429 with Retry-After).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['Login'];
        };
      };
      responses: {
        /** @description Logged in, or a second factor is needed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              components['schemas']['SessionTokens'] | components['schemas']['LoginChallenge'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/login/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish a login with a TOTP code or a recovery code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LoginSecondFactor'];
        };
      };
      responses: {
        /** @description Logged in */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SessionTokens'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this token's session (its refresh token too) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask for a reset code by mail; the same 202 whether or not the account exists */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PasswordResetRequest'];
        };
      };
      responses: {
        /** @description Accepted */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PasswordResetAccepted'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/password-reset/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with the mailed code (single use, 15 minutes, five tries) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PasswordResetConfirm'];
        };
      };
      responses: {
        /** @description The password is changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange a refresh token for a new pair (the old one is spent)
     * @description A refresh token is good once. Presenting a spent one again revokes its whole session (every token of the family) and answers 401.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['Refresh'];
        };
      };
      responses: {
        /** @description New tokens */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SessionTokens'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/auth/step-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pass a second factor now: a new access token for refunds and role changes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StepUp'];
        };
      };
      responses: {
        /** @description A fresh access token */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              accessToken: string;
              expiresIn: number;
            };
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign up: creates an unverified account and mails a verification code */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SignUp'];
        };
      };
      responses: {
        /** @description Signed up; the code is on its way */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerWriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/{customerId}/groups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the groups a customer belongs to (read by price lists and promotions) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CustomerGroups'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/customers/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify the email with the mailed code (five tries per code, 15 minutes) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['VerifyEmail'];
        };
      };
      responses: {
        /** @description Verified */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerWriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/locations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a location */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateLocation'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/locations/{locationId}/rename': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Rename a location */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          locationId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RenameLocation'];
        };
      };
      responses: {
        /** @description Renamed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change one’s name or phone (fields left out stay as they are) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeProfile'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/me/2fa/totp': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start TOTP enrolment: a secret and its otpauth:// URI (confirm with a code) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Scan the URI */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TotpEnrolment'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/2fa/totp/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm TOTP with a code: answers 10 single-use recovery codes, once */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SecondFactorCode'];
        };
      };
      responses: {
        /** @description Enabled */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              recoveryCodes: string[];
            };
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/2fa/totp/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn TOTP off (needs a current code or a recovery code) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SecondFactorCode'];
        };
      };
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/addresses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add an address to one’s address book (optionally as the default shipping address) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddressBookEntry'];
        };
      };
      responses: {
        /** @description Added */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AddressAdded'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/addresses/{addressId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Replace an address of one’s address book */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          addressId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddressBookEntry'];
        };
      };
      responses: {
        /** @description Saved */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /** Remove an address from one’s address book */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          addressId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/consent': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Give or withdraw marketing consent (recorded with its time and source) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MarketingConsent'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Choose marketing and reminder mail (transactional mail always goes; marketing needs consent) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NotificationPreferences'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/sessions/{sessionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke one of my sessions */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          sessionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Done */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/me/sessions/revoke-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log out everywhere: revoke every session of mine */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              revoked: number;
            };
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Place an order: every line reserved, or none (409 names each short SKU) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PlaceOrder'];
        };
      };
      responses: {
        /** @description Placed, stock reserved, payment opened */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PlacedOrder'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel before shipment, releasing every reservation */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CancelOrder'];
        };
      };
      responses: {
        /** @description Cancelled */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/cancel-lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel some units of an unshipped order: their reservations released at once, what was paid for them refunded */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CancelOrderLines'];
        };
      };
      responses: {
        /** @description Cancelled, stock released, refund made where paid */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/delivered': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark a shipped order delivered */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Delivered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/payments/capture': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Capture the authorized amount now */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Captured, or nothing left to capture */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/payments/manual': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a payment received outside a card provider (manual provider) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ManualPayment'];
        };
      };
      responses: {
        /** @description Payment recorded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/refunds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund part or all of what was captured, with a reason */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['IssueRefund'];
        };
      };
      responses: {
        /** @description Refunded */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request a return of delivered units within the return window (staff: for the customer) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RequestReturn'];
        };
      };
      responses: {
        /** @description Requested; the units are held for this return */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/orders/{orderId}/shipments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ship some or all lines from one location (carrier and tracking number) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateShipment'];
        };
      };
      responses: {
        /** @description Shipped */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a product */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateProduct'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/discontinue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Discontinue a product */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          productId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DiscontinueProduct'];
        };
      };
      responses: {
        /** @description Discontinued */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/price': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the price (with a reason, for the audit trail) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          productId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangePrice'];
        };
      };
      responses: {
        /** @description Price changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/products/{productId}/update': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a product's details */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          productId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UpdateProduct'];
        };
      };
      responses: {
        /** @description Updated */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/replenishment/policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set the lead time and service level of a SKU at a location */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReplenishmentPolicy'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/replenishment/suggestions/{suggestionId}/dismiss': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dismiss the open replenishment suggestion of a SKU at a location */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          suggestionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DismissReplenishmentSuggestion'];
        };
      };
      responses: {
        /** @description Dismissed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/returns/{returnId}/authorize': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Authorize a return: issues its RMA number and a label (or the instructions) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          returnId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AuthorizeReturn'];
        };
      };
      responses: {
        /** @description Authorized */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/returns/{returnId}/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record units received, each line restocked or written off; the refund follows */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          returnId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReceiveReturn'];
        };
      };
      responses: {
        /** @description Received (and refunded, when the policy refunds on receipt) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/returns/{returnId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a return with a reason; its units may be returned again */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          returnId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RejectReturn'];
        };
      };
      responses: {
        /** @description Rejected */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/returns/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set the returns policy (replaces the whole policy) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReturnPolicy'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Define a custom role */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['DefineRole'];
        };
      };
      responses: {
        /** @description Defined */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/roles/{name}/permissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace a custom role's permissions (takes effect on every API process within seconds) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeRolePermissions'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/roles/{name}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a custom role: it grants nothing from then on */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          name: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Retired */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/staff/{staffId}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a staff member's roles (recorded with the roles before) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          staffId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeStaffRoles'];
        };
      };
      responses: {
        /** @description Changed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/staff/{staffId}/sessions/revoke-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke every session of a staff member */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          staffId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              revoked: number;
            };
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/staff/invitations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Invite a staff member by email with roles (the token is mailed; it expires in 72 hours) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['InviteStaff'];
        };
      };
      responses: {
        /** @description Invited */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffInvitedAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/staff/invitations/{staffId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a pending invitation */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          staffId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/staff/invitations/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Accept a staff invitation with the mailed token, setting a password */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AcceptInvitation'];
        };
      };
      responses: {
        /** @description Accepted: the account is active */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StaffAccepted'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stock/adjustments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Adjust stock after a count, damage, loss or find */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StockAdjustment'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stock/receipts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Receive stock at a location */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StockReceipt'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stock/thresholds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set the low-stock threshold of a SKU at a location */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['LowStockThreshold'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/stock/transfers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move stock between locations (atomically out of one, into the other) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['StockTransfer'];
        };
      };
      responses: {
        /** @description Recorded */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WriteAnswer'];
          };
        };
        /** @description Malformed request: the errors name each field */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The token does not allow this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a stale If-Match, a stock shortage (with each SKU and what is available), or a key in use */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description A business rule refuses it, or an Idempotency-Key reused with another body */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptInvitation: {
      /** @description At least 12 characters, not a common password */
      password: string;
      token: string;
    };
    Address: {
      city: string;
      country: string;
      line1: string;
      /** @default null */
      line2: string | null;
      name: string;
      postalCode: string;
      /** @default null */
      region: string | null;
    };
    AddressAdded: components['schemas']['WriteAnswer'] & {
      addressId: string;
    };
    AddressBookEntry: {
      address: components['schemas']['Address'];
      /** @default false */
      isDefault: boolean;
      /** @default  */
      label: string;
    };
    AuthorizeReturn: {
      /** @default null */
      note: string | null;
    };
    CancelOrder: {
      /** @default null */
      note: string | null;
    };
    CancelOrderLines: {
      /** @description The units to cancel, per line; the rest of the order stands. */
      lines: {
        /** @example p-1001 */
        lineId: string;
        quantity: number;
      }[];
    };
    ChangePrice: {
      price: components['schemas']['Money'];
      reason: string;
    };
    ChangeProfile: {
      name?: string | null;
      phone?: string | null;
    };
    ChangeRolePermissions: {
      /**
       * @example [
       *       "stock:receive",
       *       "stock:adjust"
       *     ]
       */
      permissions: (
        | 'catalog:write'
        | 'prices:write'
        | 'locations:write'
        | 'stock:receive'
        | 'stock:adjust'
        | 'stock:transfer'
        | 'stock:configure'
        | 'stock:read'
        | 'replenishment:read'
        | 'replenishment:manage'
        | 'orders:place'
        | 'orders:read'
        | 'orders:act-for-others'
        | 'orders:cancel'
        | 'orders:fulfil'
        | 'orders:refund'
        | 'payments:record'
        | 'payments:capture'
        | 'returns:manage'
        | 'returns:request'
        | 'returns:configure'
        | 'analytics:read'
        | 'audit:read'
        | 'streams:read'
        | 'notifications:manage'
        | 'operations:manage'
        | 'roles:manage'
        | 'staff:manage'
        | 'customers:read'
        | 'customers:write'
        | 'privacy:manage'
        | 'account:self'
        | 'account:2fa'
      )[];
    };
    ChangeStaffRoles: {
      /** @default null */
      reason: string | null;
      /**
       * @description Built-in staff or admin, or custom roles
       * @example [
       *       "staff",
       *       "inventory-clerk"
       *     ]
       */
      roles: string[];
    };
    CreateLocation: {
      /** @example berlin */
      locationId: string;
      name: string;
    };
    CreateProduct: {
      /** @default false */
      allowBackorder: boolean;
      /** @default {} */
      attributes: {
        [key: string]: string;
      };
      brand: string;
      category: string;
      /** @default  */
      description: string;
      name: string;
      price: components['schemas']['Money'];
      /** @example p-1001 */
      productId: string;
      /** @example p-1001 */
      sku: string;
    };
    CreateShipment: {
      carrier: string;
      lines: {
        /** @example p-1001 */
        lineId: string;
        quantity: number;
      }[];
      /** @example p-1001 */
      location: string;
      /** @example p-1001 */
      shipmentId?: string;
      trackingNumber: string;
    };
    CustomerGroups: {
      groups: string[];
    };
    CustomerWriteAnswer: components['schemas']['WriteAnswer'] & {
      customerId: string;
    };
    DefineRole: {
      /** @default  */
      description: string;
      /** @example inventory-clerk */
      name: string;
      /**
       * @example [
       *       "stock:receive",
       *       "stock:adjust"
       *     ]
       */
      permissions: (
        | 'catalog:write'
        | 'prices:write'
        | 'locations:write'
        | 'stock:receive'
        | 'stock:adjust'
        | 'stock:transfer'
        | 'stock:configure'
        | 'stock:read'
        | 'replenishment:read'
        | 'replenishment:manage'
        | 'orders:place'
        | 'orders:read'
        | 'orders:act-for-others'
        | 'orders:cancel'
        | 'orders:fulfil'
        | 'orders:refund'
        | 'payments:record'
        | 'payments:capture'
        | 'returns:manage'
        | 'returns:request'
        | 'returns:configure'
        | 'analytics:read'
        | 'audit:read'
        | 'streams:read'
        | 'notifications:manage'
        | 'operations:manage'
        | 'roles:manage'
        | 'staff:manage'
        | 'customers:read'
        | 'customers:write'
        | 'privacy:manage'
        | 'account:self'
        | 'account:2fa'
      )[];
    };
    DiscontinueProduct: {
      reason: string;
    };
    DismissReplenishmentSuggestion: {
      /** @example p-1001 */
      location: string;
      /** @default null */
      note: string | null;
      /** @example p-1001 */
      sku: string;
    };
    EraseCustomer: {
      reason?: string | null;
    };
    InviteStaff: {
      /** @example ada@example.com */
      email: string;
      /** @default null */
      name: string | null;
      /**
       * @description Built-in staff or admin, or custom roles
       * @example [
       *       "staff",
       *       "inventory-clerk"
       *     ]
       */
      roles: string[];
      /**
       * @description Chosen by the client; else derived from the Idempotency-Key
       * @example p-1001
       */
      staffId?: string;
    };
    IssueRefund: {
      amount: components['schemas']['Money'];
      reason: string;
    };
    Jwks: {
      keys: {
        [key: string]: unknown;
      }[];
    };
    Login: {
      /** @example ada@example.com */
      email: string;
      password: string;
    };
    LoginChallenge: {
      /** @enum {string} */
      challenge: 'totp';
      challengeToken: string;
    };
    LoginSecondFactor: {
      challengeToken: string;
      /** @example 123456 */
      code: string;
    };
    LowStockThreshold: {
      /** @example p-1001 */
      location: string;
      /** @example p-1001 */
      sku: string;
      threshold: number;
    };
    ManualPayment: {
      amount: components['schemas']['Money'];
      /**
       * @description Free text identifying the payment (a bank transfer, a receipt): 1 to 200 characters.
       * @example bank transfer 2026-11-21 #4711
       */
      reference: string;
    };
    MarketingConsent: {
      granted: boolean;
    };
    /**
     * @example {
     *       "amount": 1299,
     *       "currency": "EUR"
     *     }
     */
    Money: {
      amount: number;
      currency: string;
    };
    NotificationPreferences: {
      marketing: boolean;
      reminder: boolean;
    };
    PasswordResetAccepted: {
      message: string;
      /** @enum {string} */
      status: 'accepted';
    };
    PasswordResetConfirm: {
      code: string;
      /** @example ada@example.com */
      email: string;
      /** @description At least 12 characters, not a common password */
      newPassword: string;
    };
    PasswordResetRequest: {
      /** @example ada@example.com */
      email: string;
    };
    PlacedOrder: {
      order: {
        [key: string]: unknown;
      };
      orderId: string;
      payment: {
        clientSecret: string | null;
        paymentId: string;
        provider: string;
        status: string;
      };
      position: string | null;
      revision: number | null;
    };
    PlaceOrder: {
      currency: string;
      /**
       * @description Customers place their own orders; staff and admins name the customer.
       * @example p-1001
       */
      customerId?: string;
      lines: {
        /** @example p-1001 */
        productId: string;
        quantity: number;
      }[];
      /**
       * @description Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same order.
       * @example p-1001
       */
      orderId?: string;
      shippingAddress: components['schemas']['Address'];
      shippingFee?: components['schemas']['Money'];
    };
    Problem: {
      code: string;
      detail?: string;
      errors?: {
        message: string;
        path: string;
      }[];
      instance?: string;
      status: number;
      title: string;
      type: string;
    } & {
      [key: string]: unknown;
    };
    ReceiveReturn: {
      lines: {
        /**
         * @default null
         * @enum {string|null}
         */
        adjustmentReason: 'damage' | 'loss' | null;
        /** @enum {string} */
        disposition: 'restock' | 'write_off';
        /** @example p-1001 */
        lineId: string;
        /** @default null */
        note: string | null;
        quantity: number;
        /**
         * @description Where restocked units go on hand; default: the receiving location
         * @default null
         * @example p-1001
         */
        restockLocation: string | null;
      }[];
      /**
       * @description Where the parcel came in
       * @example p-1001
       */
      location: string;
      /** @example p-1001 */
      receiptId?: string;
    };
    Refresh: {
      refreshToken: string;
    };
    RejectReturn: {
      reason: string;
    };
    RenameLocation: {
      name: string;
    };
    ReplenishmentPolicy: {
      /**
       * @description Supplier lead time in days; null uses QM_LEAD_TIME_DAYS.
       * @example 10
       */
      leadTimeDays: number | null;
      /** @example p-1001 */
      location: string;
      /**
       * @description Cycle service level for safety stock; null uses QM_SERVICE_LEVEL.
       * @example 0.98
       */
      serviceLevel: number | null;
      /** @example p-1001 */
      sku: string;
    };
    RequestReturn: {
      lines: {
        /** @example p-1001 */
        lineId: string;
        quantity: number;
      }[];
      /**
       * @description In the customer’s words
       * @default null
       */
      note: string | null;
      /**
       * @description https URLs of photos
       * @default []
       */
      photos: string[];
      /**
       * @description One of the returns policy's reasons
       * @example damaged
       */
      reason: string;
      /**
       * @description Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same return.
       * @example p-1001
       */
      returnId?: string;
    };
    ReturnPolicy: {
      /** @default {} */
      categoryWindowDays: {
        [key: string]: number;
      };
      /** @example 30 */
      defaultWindowDays: number;
      /** @example Pack the items with the RMA number on the parcel and send it to our warehouse. */
      instructions: string;
      /** @default {} */
      productWindowDays: {
        [key: string]: number;
      };
      reasons: string[];
      /**
       * @default receipt
       * @enum {string}
       */
      refundOn: 'receipt' | 'authorization';
      /** @default false */
      refundShipping: boolean;
      /** @default 0 */
      restockingFeeBps: number;
    };
    SecondFactorCode: {
      /** @example 123456 */
      code: string;
    };
    SessionTokens: {
      accessToken: string;
      /** @description Seconds the access token lives */
      expiresIn: number;
      refreshToken: string;
      sessionId: string;
    };
    SignUp: {
      /** @example ada@example.com */
      email: string;
      /** @default false */
      marketingConsent: boolean;
      /** @default null */
      name: string | null;
      /** @description At least 12 characters, not a common password */
      password: string;
    };
    StaffAccepted: components['schemas']['WriteAnswer'] & {
      staffId: string;
    };
    StaffInvitedAnswer: components['schemas']['WriteAnswer'] & {
      staffId: string;
    };
    StepUp: {
      /** @example 123456 */
      code: string;
    };
    StockAdjustment: {
      delta: number;
      /** @example p-1001 */
      location: string;
      /** @default null */
      note: string | null;
      /** @enum {string} */
      reason: 'count' | 'damage' | 'loss' | 'found';
      /** @example p-1001 */
      sku: string;
    };
    StockReceipt: {
      /** @example p-1001 */
      location: string;
      quantity: number;
      /** @default null */
      reference: string | null;
      /** @example p-1001 */
      sku: string;
    };
    /**
     * @example {
     *       "sku": "IPH15",
     *       "from": "berlin",
     *       "to": "hamburg",
     *       "quantity": 5
     *     }
     */
    StockTransfer: {
      /** @example p-1001 */
      from: string;
      quantity: number;
      /** @example p-1001 */
      sku: string;
      /** @example p-1001 */
      to: string;
      /** @example p-1001 */
      transferId?: string;
    };
    TotpEnrolment: {
      provisioningUri: string;
      secret: string;
    };
    /**
     * @example {
     *       "changes": {
     *         "name": "Claw hammer"
     *       }
     *     }
     */
    UpdateProduct: {
      changes: {
        /** @default false */
        allowBackorder: boolean;
        /** @default {} */
        attributes: {
          [key: string]: string;
        };
        brand?: string;
        category?: string;
        /** @default  */
        description: string;
        name?: string;
      };
    };
    VerifyEmail: {
      code: string;
      /** @example ada@example.com */
      email: string;
    };
    WriteAnswer: {
      events: {
        data: {
          [key: string]: unknown;
        };
        type: string;
      }[];
      /**
       * @description Consistency token: the global position this write reached. Pass it to the read API to read your write.
       * @example 752:1044
       */
      position: string | null;
      /** @description The stream revision now; send it back as If-Match. */
      revision: number | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
