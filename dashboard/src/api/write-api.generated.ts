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
    /** Set a new password with the mailed code (single use, 15 minutes, five tries); ends every session */
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
  '/cart-restore/{cartId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a cart from a reminder’s restore link; a guest cart answers a new secret */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RestoreCart'];
        };
      };
      responses: {
        /** @description Restored (the recovery code, if any, now applies) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RestoredCart'];
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
  '/carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a cart for a customer (its own carts) */
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
          'application/json': components['schemas']['CreateCart'];
        };
      };
      responses: {
        /** @description Created (a guest cart answers its secret once) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedCartAnswer'];
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
  '/carts/{cartId}/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check out: places the order through the placement saga (every line reserved, or 409) and closes the cart
     * @description When a price, stock, a promotion, shipping or tax changed since the cart last showed its total, answers 409 `cart_changed` listing each change (`changes`: line, what, old, new) with the total now (`expectedTotal`); nothing is placed. Send that `expectedTotal` to check out at the new total.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['CheckOutCart'];
        };
      };
      responses: {
        /** @description Order placed, payment opened, cart checked out */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckedOutCart'];
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
  '/carts/{cartId}/checkout/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start checkout: hold the cart’s stock for a while (QM_CHECKOUT_HOLD_TTL_SECONDS)
     * @description Holds every line’s units on the stock streams, at the locations the allocation strategy picks, until the hold expires, the line changes, the cart is abandoned or checked out (then the hold becomes the order’s reservation). A line already held keeps its hold and expiry. 409 `stock_shortage` when a line’s units are not there; 409 `hold_limit_exceeded` past the per-cart or per-customer cap (the cart can still check out without a hold).
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The cart’s holds, each with its expiry */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StartedCheckout'];
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
  '/carts/{cartId}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Claim a guest cart (with its secret); with mergeInto, its lines go into that cart */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ClaimCart'];
        };
      };
      responses: {
        /** @description Claimed (or merged: the answer names the cart that holds the lines) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enter a coupon code (case-insensitive; checked now, totals recomputed)
     * @description The code goes on the cart only if its promotion applies to the cart as it stands; else 400 `coupon_not_applicable` naming the field `code`, with `details.why` (`unknown`, `outside_window`, `condition_unmet`, `limit_reached`, `not_combinable`, `not_active`) and nothing is recorded. The cart view lists the promotions that applied (`totals.discounts`) and those that did not, with why (`totals.notApplied`). Checkout redeems the codes with the order.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ApplyCartCoupon'];
        };
      };
      responses: {
        /** @description Applied, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/coupons/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a coupon code from the cart (totals recomputed) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          cartId: string;
          /** @description A coupon code, case-insensitive (`summer20` is `SUMMER20`). */
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the email reminders go to, with the shopper’s marketing consent (sealed personal data) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetCartEmail'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a product (adds to its line if the cart has one; 409 when not that many are available) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddCartLine'];
        };
      };
      responses: {
        /** @description Added, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/lines/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a line’s quantity */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          cartId: string;
          productId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeCartLineQuantity'];
        };
      };
      responses: {
        /** @description Changed, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
    /** Remove a line */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          cartId: string;
          productId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/shipping-address': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the shipping address (sealed personal data; totals recomputed) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetCartShippingAddress'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/carts/{cartId}/shipping-method': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Choose the shipping method (totals recomputed) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChooseCartShippingMethod'];
        };
      };
      responses: {
        /** @description Chosen */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a cart for a guest (with the cart secret) */
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
          'application/json': components['schemas']['CreateCart'];
        };
      };
      responses: {
        /** @description Created (a guest cart answers its secret once) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedCartAnswer'];
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
  '/guest-carts/{cartId}/checkout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check out: places the order through the placement saga (every line reserved, or 409) and closes the cart
     * @description When a price, stock, a promotion, shipping or tax changed since the cart last showed its total, answers 409 `cart_changed` listing each change (`changes`: line, what, old, new) with the total now (`expectedTotal`); nothing is placed. Send that `expectedTotal` to check out at the new total.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['CheckOutCart'];
        };
      };
      responses: {
        /** @description Order placed, payment opened, cart checked out */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CheckedOutCart'];
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
  '/guest-carts/{cartId}/checkout/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start checkout: hold the cart’s stock for a while (QM_CHECKOUT_HOLD_TTL_SECONDS)
     * @description Holds every line’s units on the stock streams, at the locations the allocation strategy picks, until the hold expires, the line changes, the cart is abandoned or checked out (then the hold becomes the order’s reservation). A line already held keeps its hold and expiry. 409 `stock_shortage` when a line’s units are not there; 409 `hold_limit_exceeded` past the per-cart or per-customer cap (the cart can still check out without a hold).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The cart’s holds, each with its expiry */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StartedCheckout'];
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
  '/guest-carts/{cartId}/coupons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enter a coupon code (case-insensitive; checked now, totals recomputed)
     * @description The code goes on the cart only if its promotion applies to the cart as it stands; else 400 `coupon_not_applicable` naming the field `code`, with `details.why` (`unknown`, `outside_window`, `condition_unmet`, `limit_reached`, `not_combinable`, `not_active`) and nothing is recorded. The cart view lists the promotions that applied (`totals.discounts`) and those that did not, with why (`totals.notApplied`). Checkout redeems the codes with the order.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ApplyCartCoupon'];
        };
      };
      responses: {
        /** @description Applied, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts/{cartId}/coupons/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a coupon code from the cart (totals recomputed) */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
        };
        path: {
          cartId: string;
          /** @description A coupon code, case-insensitive (`summer20` is `SUMMER20`). */
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts/{cartId}/email': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the email reminders go to, with the shopper’s marketing consent (sealed personal data) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetCartEmail'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts/{cartId}/lines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a product (adds to its line if the cart has one; 409 when not that many are available) */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
          /** @description Optional here: a retry with the same key and body answers the same, appending nothing. */
          'idempotency-key'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['AddCartLine'];
        };
      };
      responses: {
        /** @description Added, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts/{cartId}/lines/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a line’s quantity */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
        };
        path: {
          cartId: string;
          productId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChangeCartLineQuantity'];
        };
      };
      responses: {
        /** @description Changed, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
    /** Remove a line */
    delete: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
        };
        path: {
          cartId: string;
          productId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Removed, totals recomputed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts/{cartId}/shipping-address': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the shipping address (sealed personal data; totals recomputed) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetCartShippingAddress'];
        };
      };
      responses: {
        /** @description Set */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/guest-carts/{cartId}/shipping-method': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Choose the shipping method (totals recomputed) */
    put: {
      parameters: {
        query?: never;
        header?: {
          /** @description The secret the guest cart’s creation answered. Without the right one the cart is not found (404). */
          'cart-secret'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChooseCartShippingMethod'];
        };
      };
      responses: {
        /** @description Chosen */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CartWriteAnswer'];
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
  '/imports/{importId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An import's progress: rows done of total, what each did, the refused rows */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          importId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The import */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImportStatus'];
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
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/imports/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import products from a CSV file: creates new ones, updates changed ones (202, runs as a job)
     * @description One row per product. Required columns: productId, sku, name, brand, category, priceAmount, priceCurrency; optional: description, allowBackorder. `priceAmount` is in minor units (1299 is 12.99). A row equal to the product appends nothing, so the same file imported again changes nothing. A row that changes a price needs prices:write.
     */
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
          /**
           * @example productId,sku,name,brand,category,priceAmount,priceCurrency,allowBackorder
           *     hammer-1,HAMMER-1,Claw hammer,Acme,tools,1299,EUR,false
           */
          'text/csv': string;
        };
      };
      responses: {
        /** @description Accepted: the import runs; follow its progress */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ImportAccepted'];
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
  '/mass-price-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move the prices of every product of some categories or brands, under one reason
     * @description Each product gets its own PriceChanged, all in one atomic append with the change record; products in another currency (a fixed amount), discontinued, already at the price or that would fall below zero are skipped and named.
     */
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
          'application/json': components['schemas']['MassPriceChange'];
        };
      };
      responses: {
        /** @description Applied */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MassPriceChangeApplied'];
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
  '/mass-price-changes/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** What a mass price change would do now, product by product; appends nothing */
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
          'application/json': components['schemas']['MassPriceChange'];
        };
      };
      responses: {
        /** @description Preview */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MassPriceChangePreview'];
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
  '/me/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My active sessions, newest first (device, IP, started, last seen, current) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Active sessions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SessionList'];
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
    put?: never;
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
  '/me/wishlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put a product on one’s wishlist */
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
          'application/json': components['schemas']['WishlistItem'];
        };
      };
      responses: {
        /** @description Added */
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
  '/me/wishlist/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take a product off one’s wishlist */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          productId: string;
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
  '/me/wishlist/{productId}/move-to-cart': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move a product from one’s wishlist into one’s cart, in one step (409 naming the SKU when short) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          productId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['MoveToCart'];
        };
      };
      responses: {
        /** @description Moved: the line is in the cart, the product off the wishlist */
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
  '/orders/{orderId}/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Claim shipped units as damaged, missing or wrong (staff: for the customer) */
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
          'application/json': components['schemas']['OpenClaim'];
        };
      };
      responses: {
        /** @description Claimed; staff resolve it */
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
  '/orders/{orderId}/claims/{claimId}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resolve a claim with a replacement shipment or a refund, without a return
     * @description A refund moves money by a staff member’s hand, so it needs a second factor within `QM_STEP_UP_MINUTES` (403 `step-up-required` otherwise), as `POST /orders/{orderId}/refunds` does; a replacement does not.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          claimId: string;
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ResolveClaim'];
        };
      };
      responses: {
        /** @description Resolved */
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
  '/orders/{orderId}/edit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm a previewed edit of an unshipped order (If-Match: the preview’s ETag; a stale preview is refused with 409 edit_preview_stale): units reserved and released with it (409 on a shortage), the order re-priced, the payment difference taken or refunded */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The ETag of POST /orders/{orderId}/edit/preview for this very change: required (428 without it); a stale one answers 409 edit_preview_stale. */
          'if-match'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EditOrder'];
        };
      };
      responses: {
        /** @description Edited, stock reserved and released, the order re-priced, the money followed */
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
  '/orders/{orderId}/edit/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Price an edit of an unshipped order (tax, shipping, promotions) and show the totals before and after, appending nothing; its ETag confirms it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EditOrder'];
        };
      };
      responses: {
        /** @description The edit priced; the ETag header (and `etag`) is what the confirm carries */
        200: {
          headers: {
            ETag: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderEditPreview'];
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
  '/orders/{orderId}/exchanges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange delivered units for another product (staff: for the customer)
     * @description The replacement becomes a new line of the order, reserved in the same append (409 `stock_shortage` when it cannot be). A dearer replacement answers `payment` (pay it with its client secret, as the order); a cheaper one is refunded at once.
     */
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
          'application/json': components['schemas']['RequestExchange'];
        };
      };
      responses: {
        /** @description Exchanged; the replacement is reserved and awaits shipment */
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
  '/orders/{orderId}/payments/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pay again after a failed payment, while the stock is held: the failed attempt is released and a new one opened for the current total */
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
        /** @description A new attempt is open: pay it with its client secret */
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
  '/orders/{orderId}/payments/extra': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The extra payment an edit left owed (an edit raised an authorized or paid order): its amount, and the client secret to pay it with (appends nothing) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The difference owed and its payment; 409 no_extra_payment_owed when nothing is owed */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ExtraPaymentDue'];
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
    /** Ship some or all lines from one location (carrier and tracking number, or a label bought) */
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
  '/price-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule prices to take effect at a future time (each recorded as PriceChanged then) */
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
          'application/json': components['schemas']['SchedulePriceChange'];
        };
      };
      responses: {
        /** @description Scheduled */
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
  '/price-changes/{changeId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a scheduled price change before it takes effect */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          changeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
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
  '/price-lists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a price list for a currency and (optionally) some customer groups */
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
          'application/json': components['schemas']['CreatePriceList'];
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
  '/price-lists/{priceListId}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a price list: it prices nothing from now on */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          priceListId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Archived */
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
  '/price-lists/{priceListId}/prices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set products' prices in a list, with quantity tiers (other products keep theirs) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          priceListId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SetPriceListPrices'];
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
  '/price-lists/{priceListId}/prices/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove products from a list (they fall back to other lists or the catalog price) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          priceListId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RemovePriceListPrices'];
        };
      };
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/pricing/quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Price lines as an order would be: subtotal, discounts, shipping, tax, total (appends nothing) */
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
          'application/json': components['schemas']['PriceQuoteRequest'];
        };
      };
      responses: {
        /** @description The price breakdown */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PriceBreakdown'];
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
  '/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a promotion (a draft): rules, action, stacking, codes and limits */
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
          'application/json': components['schemas']['CreatePromotion'];
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
  '/promotions/{promotionId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate a draft or paused promotion */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
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
  '/promotions/{promotionId}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a promotion for good */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
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
  '/promotions/{promotionId}/codes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Generate up to 10,000 unique single-use codes, in batches under one generation id
     * @description Each batch is appended atomically with a claim per code, so no code collides with any other, whatever its case. Sending the same generation id again resumes an interrupted generation.
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['GenerateCodes'];
        };
      };
      responses: {
        /** @description Generated */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['GeneratedCodes'];
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
  '/promotions/{promotionId}/definition': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Replace a promotion's definition: a new version (orders record the version they used) */
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
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EditPromotion'];
        };
      };
      responses: {
        /** @description Edited */
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
  '/promotions/{promotionId}/expire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End an active or paused promotion */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ExpirePromotion'];
        };
      };
      responses: {
        /** @description Ended */
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
  '/promotions/{promotionId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Pause an active promotion (its codes and redemptions stay) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
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
  '/reports/{reportId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Save a report of the builder (or replace its name and definition)
     * @description The definition is the builder’s (`GET /admin/analytics/builder`) with a rolling period: the `lastDays` whole days before the day it runs. `If-Match` makes a replacement refuse a newer report.
     */
    put: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
          /** @description The revision (ETag) you edited from; a newer stream answers 409. */
          'if-match'?: string;
        };
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SaveReport'];
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
    /** Delete a saved report, with its schedule */
    delete: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
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
  '/reports/{reportId}/schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Mail a saved report daily or weekly, at a local time in a time zone, as CSV or PDF */
    put: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ReportSchedule'];
        };
      };
      responses: {
        /** @description Scheduled */
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
    /** Stop mailing a saved report */
    delete: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          reportId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Unscheduled */
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
  '/scheduled-mass-price-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Schedule a mass price change to take effect at a future time (cancel it like any)
     * @description Validated now; at `effectiveAt` the price-change scheduler selects the products of the categories or brands as they are then and moves each by its own PriceChanged, all in one append with the record, as an immediate mass change does. `POST /mass-price-changes/preview` shows what it would do now.
     */
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
          'application/json': components['schemas']['ScheduledMassPriceChange'];
        };
      };
      responses: {
        /** @description Scheduled */
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
  '/shipping/options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shipping methods for an address and lines, with fee and delivery estimate */
    get: {
      parameters: {
        query: {
          country: string;
          /** @description Comma-separated */
          couponCodes?: string;
          currency: string;
          /** @description The lines as `productId*quantity`, comma-separated */
          lines: string;
          postalCode: string;
          region?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The methods, cheapest first (none: the address is in no zone) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ShippingOptions'];
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
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/shipping/zones': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a shipping zone with its methods and rates (replaces the zone whole) */
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
          'application/json': components['schemas']['ShippingZone'];
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
  '/shipping/zones/{zoneId}/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a shipping zone and its methods */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          zoneId: string;
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
  '/staff/{staffId}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A staff member's active sessions, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          staffId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Active sessions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SessionList'];
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
    put?: never;
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
  '/tax/regions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a tax region with its rate per tax class (replaces the region whole) */
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
          'application/json': components['schemas']['TaxRegion'];
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
  '/tax/regions/{regionId}/remove': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a tax region (its addresses are then untaxed) */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description Makes the POST safe to retry: the same key and body answer the same, appending nothing again. */
          'idempotency-key': string;
        };
        path: {
          regionId: string;
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
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/tax/rounding': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Round tax per line (default) or once per order total */
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
          'application/json': components['schemas']['TaxRounding'];
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AcceptInvitation: {
      /** @description At least 12 characters, not a common password */
      password: string;
      token: string;
    };
    AddCartLine: {
      /** @example p-1001 */
      productId: string;
      /** @example 2 */
      quantity: number;
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
    ApplyCartCoupon: {
      /**
       * @description A coupon code, case-insensitive (`summer20` is `SUMMER20`).
       * @example SUMMER20
       */
      code: string;
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
    CartWriteAnswer: components['schemas']['WriteAnswer'] & {
      cartId: string;
    };
    ChangeCartLineQuantity: {
      /** @example 2 */
      quantity: number;
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
        | 'prices:read'
        | 'locations:write'
        | 'stock:receive'
        | 'stock:adjust'
        | 'stock:transfer'
        | 'stock:configure'
        | 'stock:read'
        | 'replenishment:read'
        | 'replenishment:manage'
        | 'orders:place'
        | 'carts:use'
        | 'orders:read'
        | 'orders:act-for-others'
        | 'orders:cancel'
        | 'orders:edit'
        | 'orders:fulfil'
        | 'orders:refund'
        | 'payments:record'
        | 'payments:capture'
        | 'returns:manage'
        | 'returns:request'
        | 'returns:configure'
        | 'shipping:write'
        | 'tax:write'
        | 'analytics:read'
        | 'reports:manage'
        | 'audit:read'
        | 'streams:read'
        | 'notifications:manage'
        | 'operations:manage'
        | 'roles:manage'
        | 'staff:manage'
        | 'customers:read'
        | 'customers:write'
        | 'privacy:manage'
        | 'promotions:write'
        | 'promotions:read'
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
    CheckedOutCart: components['schemas']['WriteAnswer'] & {
      cartId: string;
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
    };
    CheckOutCart: {
      /**
       * @description The total the shopper agreed to, in minor units. Absent: the cart’s last computed total. After a 409 `cart_changed`, send that answer’s `expectedTotal` to confirm the new figures.
       * @example 4990
       */
      expectedTotal?: number;
    };
    ChooseCartShippingMethod: {
      /** @example standard */
      shippingMethodId: string;
    };
    ClaimCart: {
      /**
       * @description The customer’s own open cart to merge the guest cart into (docs/carts.md).
       * @default null
       * @example null
       */
      mergeInto: string | null;
      /** @example q3J0ZXN0LXNlY3JldC1vZi1hLWd1ZXN0LWNhcnQtMDAx */
      secret: string;
    };
    CreateCart: {
      /**
       * @description Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same cart.
       * @example k-1001
       */
      cartId?: string;
      /** @example EUR */
      currency: string;
    };
    CreatedCartAnswer: components['schemas']['CartWriteAnswer'] & {
      /** @description A guest cart’s secret, answered this once; null for a customer’s cart. */
      secret: string | null;
    };
    CreateLocation: {
      /** @example berlin */
      locationId: string;
      name: string;
    };
    /**
     * @example {
     *       "priceListId": "wholesale-eur",
     *       "name": "Wholesale (EUR)",
     *       "currency": "EUR",
     *       "customerGroups": [
     *         "wholesale"
     *       ],
     *       "priority": 0
     *     }
     */
    CreatePriceList: {
      currency: string;
      /**
       * @description Customers of one of these groups get the list; empty: every buyer.
       * @default []
       */
      customerGroups: string[];
      name: string;
      /** @example wholesale-eur */
      priceListId: string;
      /**
       * @description Among lists of the same kind that price a product, the highest wins.
       * @default 0
       */
      priority: number;
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
    CreatePromotion: {
      definition: components['schemas']['PromotionDefinition'];
      /** @example summer-2026 */
      promotionId: string;
    };
    CreateShipment: {
      /**
       * @description Buy the label through the configured carrier (400 when none is): carrier and tracking number come from it
       * @default false
       * @example false
       */
      buyLabel: boolean;
      /**
       * @description Who carries it; with `buyLabel` the carrier port says
       * @example DHL
       */
      carrier?: string;
      lines: {
        /** @example p-1001 */
        lineId: string;
        quantity: number;
      }[];
      /** @example p-1001 */
      location: string;
      /**
       * @description With buyLabel: the carrier service; null: the cheapest
       * @default null
       * @example null
       */
      service: string | null;
      /** @example p-1001 */
      shipmentId?: string;
      /**
       * @description As the carrier gave it; with `buyLabel` the carrier port says
       * @example 00340434161094042557
       */
      trackingNumber?: string;
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
        | 'prices:read'
        | 'locations:write'
        | 'stock:receive'
        | 'stock:adjust'
        | 'stock:transfer'
        | 'stock:configure'
        | 'stock:read'
        | 'replenishment:read'
        | 'replenishment:manage'
        | 'orders:place'
        | 'carts:use'
        | 'orders:read'
        | 'orders:act-for-others'
        | 'orders:cancel'
        | 'orders:edit'
        | 'orders:fulfil'
        | 'orders:refund'
        | 'payments:record'
        | 'payments:capture'
        | 'returns:manage'
        | 'returns:request'
        | 'returns:configure'
        | 'shipping:write'
        | 'tax:write'
        | 'analytics:read'
        | 'reports:manage'
        | 'audit:read'
        | 'streams:read'
        | 'notifications:manage'
        | 'operations:manage'
        | 'roles:manage'
        | 'staff:manage'
        | 'customers:read'
        | 'customers:write'
        | 'privacy:manage'
        | 'promotions:write'
        | 'promotions:read'
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
    EditOrder: {
      /**
       * @description New lines, at the catalog price now (a product already on the order: raise it).
       * @default []
       */
      add: {
        /** @example p-1001 */
        productId: string;
        quantity: number;
      }[];
      /**
       * @description Units taken off lines the order has, their reservations released.
       * @default []
       */
      lower: {
        /** @example p-1001 */
        lineId: string;
        /** @description The units taken off the line */
        quantity: number;
      }[];
      /**
       * @description Units added to lines the order has, at the price the line was sold at.
       * @default []
       */
      raise: {
        /** @example p-1001 */
        lineId: string;
        /** @description The units added to the line */
        quantity: number;
      }[];
      /**
       * @description Lines taken off whole (the order keeps at least one unit).
       * @default []
       */
      remove: string[];
      /** @description A new shipping address; absent or null keeps the order’s */
      shippingAddress?: {
        city: string;
        country: string;
        line1: string;
        /** @default null */
        line2: string | null;
        name: string;
        postalCode: string;
        /** @default null */
        region: string | null;
      } | null;
      /**
       * @description A new shipping method (GET /shipping/options); absent or null keeps the order’s
       * @example p-1001
       */
      shippingMethodId?: string | null;
    };
    EditPromotion: {
      definition: components['schemas']['PromotionDefinition'];
    };
    EraseCustomer: {
      reason?: string | null;
    };
    ExpirePromotion: {
      /**
       * @default ended_by_staff
       * @enum {string}
       */
      reason: 'ended_by_staff' | 'window_closed' | 'units_sold_out';
    };
    ExtraPaymentDue: {
      amount: components['schemas']['Money'] & unknown;
      orderId: string;
      payment: {
        /** @description What the storefront confirms the payment with; null with the manual provider */
        clientSecret: string | null;
        paymentId: string;
        provider: string;
        status: string;
      };
    };
    GenerateCodes: {
      /** @example 500 */
      count: number;
      /** @example newsletter-june */
      generationId: string;
      /**
       * @description Put before each code, then a dash.
       * @example JUNE
       */
      prefix?: string;
    };
    GeneratedCodes: components['schemas']['WriteAnswer'] & {
      batches: number;
      /** @description The codes this call appended (a resumed generation: only the new ones). */
      codes: string[];
      generationId: string;
    };
    ImportAccepted: {
      importId: string;
      /** @description Where the progress is: GET it, or follow /live/events */
      status: string;
      total: number;
    };
    ImportStatus: {
      created: number;
      done: number;
      /** @description The refused rows (the first 1,000), in row order */
      errors: {
        /** @example validation_failed */
        code: string;
        /**
         * @description The column
         * @example priceAmount
         */
        field: string;
        message: string;
        /** @description The row of the file, the header being row 1 */
        row: number;
      }[];
      failed: number;
      finishedAt: string | null;
      importId: string;
      /** @enum {string} */
      kind: 'products';
      startedAt: string;
      startedBy: string;
      /** @enum {string} */
      state: 'running' | 'finished';
      /** @description Rows in the file, the header not counted */
      total: number;
      unchanged: number;
      updated: number;
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
     *       "changeId": "kitchen-sale",
     *       "reason": "kitchen sale",
     *       "categories": [
     *         "kitchen"
     *       ],
     *       "brands": [],
     *       "adjustment": {
     *         "kind": "percent",
     *         "basisPoints": -1000
     *       },
     *       "rounding": {
     *         "kind": "price_point",
     *         "ending": 99
     *       }
     *     }
     */
    MassPriceChange: {
      adjustment:
        | {
            /** @description Basis points: -1000 is 10 % off, 500 is 5 % up. */
            basisPoints: number;
            /** @enum {string} */
            kind: 'percent';
          }
        | {
            /** @description Minor units added (negative: taken off). */
            amount: number;
            currency: string;
            /** @enum {string} */
            kind: 'fixed';
          };
      /** @default [] */
      brands: string[];
      /** @default [] */
      categories: string[];
      /** @example kitchen-sale */
      changeId: string;
      reason: string;
      /**
       * @default {
       *       "kind": "none"
       *     }
       */
      rounding:
        | {
            /** @enum {string} */
            kind: 'none';
          }
        | {
            /** @description 99: the nearest x.99. */
            ending: number;
            /** @enum {string} */
            kind: 'price_point';
          };
    };
    MassPriceChangeApplied: components['schemas']['WriteAnswer'] & {
      applied: {
        from: components['schemas']['Money'];
        productId: string;
        to: components['schemas']['Money'];
      }[];
      skipped: {
        productId: string;
        /** @enum {string} */
        why: 'not_found' | 'discontinued' | 'currency_mismatch' | 'unchanged' | 'negative';
      }[];
    };
    MassPriceChangePreview: {
      applied: {
        from: components['schemas']['Money'];
        productId: string;
        to: components['schemas']['Money'];
      }[];
      skipped: {
        productId: string;
        /** @enum {string} */
        why: 'not_found' | 'discontinued' | 'currency_mismatch' | 'unchanged' | 'negative';
      }[];
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
    MoveToCart: {
      /** @example k-1001 */
      cartId: string;
      /** @example 1 */
      quantity: number;
    };
    NotificationPreferences: {
      marketing: boolean;
      reminder: boolean;
    };
    OpenClaim: {
      /**
       * @description Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same claim.
       * @example p-1001
       */
      claimId?: string;
      /** @example L1 */
      lineId: string;
      quantity: number;
      /** @enum {string} */
      reason: 'damaged' | 'missing' | 'wrong';
    };
    OrderEditPreview: {
      added: {
        lineId: string;
        lineTotal: components['schemas']['Money'];
        quantity: number;
        sku: string;
        unitPrice: components['schemas']['Money'];
      }[];
      after: components['schemas']['OrderTotals'];
      before: components['schemas']['OrderTotals'];
      /** @description after.total − before.total (negative: the order gets cheaper) */
      difference: {
        amount: number;
        currency: string;
      };
      /**
       * @description Also the ETag header: send it as If-Match to POST /orders/{orderId}/edit to confirm this very edit
       * @example "4.9f2c1a0b3d4e5f60.0a1b2c3d4e5f6071"
       */
      etag: string;
      /** @description The order’s lines after the edit */
      lines: {
        lineId: string;
        lineTotal: components['schemas']['Money'];
        quantity: number;
        sku: string;
        unitPrice: components['schemas']['Money'];
      }[];
      lowered: {
        amount: components['schemas']['Money'];
        lineId: string;
        quantity: number;
        sku: string;
        unitPrice?: components['schemas']['Money'] & unknown;
      }[];
      orderId: string;
      /** @description What confirming does to the money: nothing (not paid yet: the next payment is for the new total), an extra payment for the difference, a refund of it, or a release of the authorization beyond the new total */
      payment: {
        amount: components['schemas']['Money'];
        /** @enum {string} */
        kind: 'none' | 'extra_payment' | 'refund' | 'release';
      };
      raised: {
        amount: components['schemas']['Money'];
        lineId: string;
        quantity: number;
        sku: string;
        unitPrice?: components['schemas']['Money'] & unknown;
      }[];
      /** @description Reservations the confirm gives back */
      releases: {
        lineId: string;
        location: string;
        quantity: number;
        sku: string;
      }[];
      /** @description Units the confirm reserves */
      reservations: {
        lineId: string;
        location: string;
        quantity: number;
        sku: string;
      }[];
      /** @description The order’s revision the edit was priced on */
      revision: number;
    };
    OrderTotals: {
      discounts: {
        amount: components['schemas']['Money'];
        code: string | null;
        /** @description The stock a stock-level promotion was decided on (see docs/promotions.md). */
        evidence?: {
          daysOfCover: number | null;
          onHand: number;
          sku: string;
        }[];
        freeShipping: boolean;
        label: string;
        lineAmounts: {
          amount: components['schemas']['Money'];
          sku: string;
        }[];
        promotionId: string;
        promotionVersion: number;
      }[];
      discountTotal: components['schemas']['Money'];
      shipping: components['schemas']['Money'];
      shippingMethod: {
        maxDays: number;
        methodId: string;
        minDays: number;
        name: string;
        zoneId: string;
      } | null;
      subtotal: components['schemas']['Money'];
      tax: components['schemas']['Money'] & unknown;
      taxDetail: {
        included: boolean;
        known: boolean;
        lines: {
          rateBps: number;
          sku: string;
          tax: components['schemas']['Money'];
          taxable: components['schemas']['Money'];
          taxClass: string;
        }[];
        regionId: string | null;
        /** @enum {string} */
        rounding: 'line' | 'total';
        shipping: {
          rateBps: number;
          tax: components['schemas']['Money'];
          taxable: components['schemas']['Money'];
        };
        total: components['schemas']['Money'];
      };
      total: components['schemas']['Money'];
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
      /**
       * @description Codes as typed; the discount stage applies them
       * @default []
       * @example []
       */
      couponCodes: string[];
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
      /**
       * @description One of GET /shipping/options for this address; the server prices it (required once the shop has shipping zones). A request carrying `shippingFee` is refused: shipping is never the client’s figure.
       * @default null
       * @example standard-de
       */
      shippingMethodId: string | null;
    };
    PriceBreakdown: {
      currency: string;
      discounts: {
        amount: components['schemas']['Money'];
        code: string | null;
        /** @description The stock a stock-level promotion was decided on (see docs/promotions.md). */
        evidence?: {
          daysOfCover: number | null;
          onHand: number;
          sku: string;
        }[];
        freeShipping: boolean;
        label: string;
        lineAmounts: {
          amount: components['schemas']['Money'];
          sku: string;
        }[];
        promotionId: string;
        promotionVersion: number;
      }[];
      discountTotal: components['schemas']['Money'];
      pending: ('shipping' | 'tax')[];
      shipping: components['schemas']['Money'];
      shippingMethod: {
        maxDays: number;
        methodId: string;
        minDays: number;
        name: string;
        zoneId: string;
      } | null;
      subtotal: components['schemas']['Money'];
      tax: components['schemas']['Money'] & unknown;
      taxDetail: {
        included: boolean;
        known: boolean;
        lines: {
          rateBps: number;
          sku: string;
          tax: components['schemas']['Money'];
          taxable: components['schemas']['Money'];
          taxClass: string;
        }[];
        regionId: string | null;
        /** @enum {string} */
        rounding: 'line' | 'total';
        shipping: {
          rateBps: number;
          tax: components['schemas']['Money'];
          taxable: components['schemas']['Money'];
        };
        total: components['schemas']['Money'];
      };
      total: components['schemas']['Money'];
    };
    PriceQuoteRequest: {
      /**
       * @default null
       * @example web
       */
      channel: string | null;
      /**
       * @default []
       * @example []
       */
      couponCodes: string[];
      /** @example EUR */
      currency: string;
      lines: {
        /** @example p-1001 */
        productId: string;
        /** @example 2 */
        quantity: number;
      }[];
      shippingAddress?: components['schemas']['Address'] & (Record<string, never> | null);
      /**
       * @default null
       * @example standard-de
       */
      shippingMethodId: string | null;
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
    /**
     * @example {
     *       "name": "Summer sale",
     *       "rules": {
     *         "minSubtotal": 5000,
     *         "minQuantity": null,
     *         "productIds": [],
     *         "categories": [
     *           "tools"
     *         ],
     *         "brands": [],
     *         "customerGroups": [],
     *         "firstOrderOnly": false,
     *         "startsAt": "2026-06-01T00:00:00Z",
     *         "endsAt": "2026-09-01T00:00:00Z",
     *         "channels": [
     *           "web"
     *         ],
     *         "currency": "EUR"
     *       },
     *       "action": {
     *         "kind": "order_percent",
     *         "basisPoints": 2000
     *       },
     *       "stacking": "combinable",
     *       "priority": 10,
     *       "codes": {
     *         "mode": "shared",
     *         "code": "SUMMER20"
     *       },
     *       "limits": {
     *         "counts": "orders",
     *         "total": 1000,
     *         "perCustomer": 1,
     *         "perCode": null
     *       }
     *     }
     */
    PromotionDefinition: {
      action:
        | {
            /** @description 1 to 10000: 2000 is 20 %, 10000 is free. */
            basisPoints: number;
            /** @enum {string} */
            kind: 'order_percent';
          }
        | {
            amount: number;
            /** @enum {string} */
            kind: 'order_fixed';
          }
        | {
            /** @description 1 to 10000: 2000 is 20 %, 10000 is free. */
            basisPoints: number;
            /** @enum {string} */
            kind: 'items_percent';
          }
        | {
            amountPerUnit: number;
            /** @enum {string} */
            kind: 'items_fixed';
          }
        | {
            /** @enum {string} */
            kind: 'free_shipping';
          }
        | {
            /** @description 1 to 10000: 2000 is 20 %, 10000 is free. */
            basisPoints: number;
            buy: number;
            get: number;
            /** @enum {string} */
            kind: 'buy_x_get_y';
            /** @enum {string} */
            pick: 'cheapest' | 'most_expensive';
          }
        | {
            items: {
              /** @example p-1001 */
              productId: string;
              quantity: number;
            }[];
            /** @enum {string} */
            kind: 'bundle_price';
            price: number;
          }
        | {
            /** @enum {string} */
            kind: 'mix_and_match';
            price: number;
            quantity: number;
          }
        | {
            /** @enum {string} */
            kind: 'tiered';
            tiers: {
              /** @description 1 to 10000: 2000 is 20 %, 10000 is free. */
              basisPoints: number;
              minSubtotal: number;
            }[];
          };
      codes:
        | {
            /** @enum {string} */
            mode: 'automatic';
          }
        | {
            code: string;
            /** @enum {string} */
            mode: 'shared';
          }
        | {
            /** @enum {string} */
            mode: 'unique';
          };
      limits: {
        /**
         * @default orders
         * @enum {string}
         */
        counts: 'orders' | 'units';
        /** @default null */
        perCode: number | null;
        /** @default null */
        perCustomer: number | null;
        /** @default null */
        total: number | null;
      };
      name: string;
      /** @default 0 */
      priority: number;
      rules: {
        /** @default [] */
        brands: string[];
        /** @default [] */
        categories: string[];
        /** @default [] */
        channels: string[];
        /** @default null */
        currency: string | null;
        /** @default [] */
        customerGroups: string[];
        /** @default null */
        endsAt: string | null;
        /** @default false */
        firstOrderOnly: boolean;
        /** @default null */
        minQuantity: number | null;
        /** @default null */
        minSubtotal: number | null;
        /** @default [] */
        productIds: string[];
        /** @default null */
        startsAt: string | null;
        /**
         * @description Only while each matching SKU is above and/or below this stock level (units on hand, or days of cover from the recorded forecasts).
         * @default null
         * @example {
         *       "measure": "days_of_cover",
         *       "above": 90,
         *       "below": null
         *     }
         */
        stock: {
          /** @default null */
          above: number | null;
          /** @default null */
          below: number | null;
          /** @enum {string} */
          measure: 'on_hand' | 'days_of_cover';
        } | null;
      };
      /**
       * @default combinable
       * @enum {string}
       */
      stacking: 'exclusive' | 'combinable';
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
    RemovePriceListPrices: {
      productIds: string[];
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
    ReportDefinition: {
      /**
       * @example [
       *       "period",
       *       "currency"
       *     ]
       */
      by: ('period' | 'sku' | 'location' | 'currency')[];
      /** @default {} */
      filters: {
        currency?: string;
        /** @example p-1001 */
        location?: string;
        /** @example p-1001 */
        sku?: string;
      };
      /**
       * @default day
       * @enum {string}
       */
      granularity: 'day' | 'week' | 'month';
      /**
       * @description The whole days before the day the report runs
       * @example 7
       */
      lastDays: number;
      /** @default 100 */
      limit: number;
      /**
       * @example revenue
       * @enum {string}
       */
      measure: 'revenue' | 'units' | 'discount' | 'lines' | 'orders';
    };
    ReportSchedule: {
      /** @enum {string} */
      cadence: 'daily' | 'weekly';
      /**
       * @default csv
       * @enum {string}
       */
      format: 'csv' | 'pdf';
      /**
       * @example [
       *       "ops@example.com"
       *     ]
       */
      recipients: string[];
      /** @example 08:00 */
      time: string;
      /** @example Europe/Berlin */
      timeZone: string;
      /**
       * @description ISO weekday for a weekly run: 1 = Monday … 7 = Sunday
       * @default null
       * @example 1
       */
      weekday: number | null;
    };
    RequestExchange: {
      /**
       * @description Chosen by the client, or derived from the Idempotency-Key, so that a retry answers the same exchange.
       * @example p-1001
       */
      exchangeId?: string;
      /**
       * @description The delivered line whose units go back
       * @example L1
       */
      lineId: string;
      /**
       * @description What the customer gets instead (another variant or product)
       * @example p-1001
       */
      productId: string;
      quantity: number;
      /** @example too small */
      reason: string;
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
    ResolveClaim: {
      /**
       * @description `replacement`: the same item again at no charge, reserved at once; `refund`: the units’ share of their line
       * @enum {string}
       */
      resolution: 'replacement' | 'refund';
    };
    /**
     * @example {
     *       "step": 0,
     *       "token": "q3J0ZXN0LXNlY3JldC1vZi1hLXJlbWluZGVyLWxpbmsx"
     *     }
     */
    RestoreCart: {
      /** @description The `step` of the link. */
      step: number;
      /** @description The `token` of the link. */
      token: string;
    };
    RestoredCart: components['schemas']['WriteAnswer'] & {
      cartId: string;
      /** @description The recovery code now applied to the cart. */
      couponCode: string | null;
      /** @description A guest cart’s new secret (send it as `Cart-Secret` from now on; the old one no longer opens the cart). Null for a customer’s cart: the customer signs in. */
      secret: string | null;
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
    SaveReport: {
      definition: components['schemas']['ReportDefinition'];
      /** @example Weekly revenue */
      name: string;
    };
    /**
     * @example {
     *       "changeId": "january-sale",
     *       "reason": "january sale",
     *       "categories": [
     *         "kitchen"
     *       ],
     *       "brands": [],
     *       "adjustment": {
     *         "kind": "percent",
     *         "basisPoints": -1000
     *       },
     *       "rounding": {
     *         "kind": "price_point",
     *         "ending": 99
     *       },
     *       "effectiveAt": "2099-01-01T00:00:00Z"
     *     }
     */
    ScheduledMassPriceChange: components['schemas']['MassPriceChange'] & {
      /** @description When it takes effect (in the future): the products are selected and moved then. */
      effectiveAt: string;
    };
    /**
     * @example {
     *       "changeId": "winter-2026",
     *       "effectiveAt": "2026-12-21T00:00:00Z",
     *       "reason": "winter prices",
     *       "prices": [
     *         {
     *           "productId": "mug",
     *           "price": {
     *             "amount": 1500,
     *             "currency": "EUR"
     *           }
     *         }
     *       ]
     *     }
     */
    SchedulePriceChange: {
      /** @example winter-2026 */
      changeId: string;
      /** @description When the prices take effect; must be in the future. */
      effectiveAt: string;
      prices: {
        price: components['schemas']['Money'];
        /** @example p-1001 */
        productId: string;
      }[];
      reason: string;
    };
    SecondFactorCode: {
      /** @example 123456 */
      code: string;
    };
    SessionList: {
      sessions: {
        /** @description The session of this request's token */
        current: boolean;
        ip: string;
        /** @description The last login or refresh */
        lastSeenAt: string;
        sessionId: string;
        /** @description When the login happened */
        startedAt: string;
        /** @description The device: its browser or app, as it named itself */
        userAgent: string;
      }[];
    };
    SessionTokens: {
      accessToken: string;
      /** @description Seconds the access token lives */
      expiresIn: number;
      refreshToken: string;
      sessionId: string;
    };
    SetCartEmail: {
      /** @example ada@example.com */
      email: string;
      /**
       * @description Whether the shopper agreed to marketing mail (the abandoned-cart reminder needs it); recorded with time and source.
       * @example true
       */
      marketingConsent: boolean;
    };
    SetCartShippingAddress: {
      shippingAddress: components['schemas']['Address'];
    };
    /**
     * @example {
     *       "prices": [
     *         {
     *           "productId": "mug",
     *           "tiers": [
     *             {
     *               "minQuantity": 1,
     *               "amount": 900
     *             },
     *             {
     *               "minQuantity": 10,
     *               "amount": 800
     *             }
     *           ]
     *         }
     *       ]
     *     }
     */
    SetPriceListPrices: {
      prices: {
        /** @example p-1001 */
        productId: string;
        tiers: {
          /** @description Unit price in minor units of the list currency. */
          amount: number;
          minQuantity: number;
        }[];
      }[];
    };
    ShippingMethod: {
      /** @example EUR */
      currency: string;
      /**
       * @description Free from this discounted subtotal on (minor units)
       * @default null
       * @example 5000
       */
      freeOver: number | null;
      /** @example 4 */
      maxDays: number;
      /**
       * @description Unique across zones: orders name it alone
       * @example standard-de
       */
      methodId: string;
      /** @example 2 */
      minDays: number;
      /** @example Standard (DHL) */
      name: string;
      rate: components['schemas']['ShippingRate'];
    };
    ShippingOptions: {
      options: {
        fee: components['schemas']['Money'];
        maxDays: number;
        methodId: string;
        minDays: number;
        name: string;
        zoneId: string;
      }[];
    };
    /**
     * @example {
     *       "kind": "flat",
     *       "amount": 490
     *     }
     */
    ShippingRate:
      | {
          /** @example 490 */
          amount: number;
          /** @enum {string} */
          kind: 'flat';
        }
      | {
          /** @description By total weight in grams */
          bands: {
            /** @example 490 */
            amount: number;
            /**
             * @description Inclusive; null on the last band
             * @example null
             */
            upTo: number | null;
          }[];
          /** @enum {string} */
          kind: 'weight';
        }
      | {
          /** @description By discounted subtotal */
          bands: {
            /** @example 490 */
            amount: number;
            /**
             * @description Inclusive; null on the last band
             * @example null
             */
            upTo: number | null;
          }[];
          /** @enum {string} */
          kind: 'subtotal';
        };
    ShippingZone: {
      /**
       * @example [
       *       "DE"
       *     ]
       */
      countries: string[];
      methods: components['schemas']['ShippingMethod'][];
      /** @example Germany */
      name: string;
      /**
       * @default []
       * @example []
       */
      postalPrefixes: string[];
      /**
       * @default []
       * @example []
       */
      regions: string[];
      /** @example de */
      zoneId: string;
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
    StartedCheckout: components['schemas']['WriteAnswer'] & {
      cartId: string;
      /** @description Every line’s running hold (a product that may be backordered is not held). */
      holds: {
        allocations: {
          location: string;
          quantity: number;
        }[];
        /** @description When the hold ends unless the cart checks out first. */
        expiresAt: string;
        productId: string;
        quantity: number;
        sku: string;
      }[];
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
    TaxRegion: {
      /** @example DE */
      country: string;
      /**
       * @description EU style (true) or US style (false)
       * @example true
       */
      pricesIncludeTax: boolean;
      /**
       * @description Basis points per tax class; `standard` is required
       * @example {
       *       "standard": 1900,
       *       "reduced": 700
       *     }
       */
      ratesBps: {
        [key: string]: number;
      };
      /**
       * @description A state or province
       * @default null
       * @example null
       */
      region: string | null;
      /** @example de */
      regionId: string;
      /**
       * @description The class shipping is taxed at; null: untaxed
       * @default null
       * @example standard
       */
      shippingTaxClass: string | null;
    };
    TaxRounding: {
      /**
       * @example line
       * @enum {string}
       */
      rounding: 'line' | 'total';
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
    WishlistItem: {
      /** @example p-1001 */
      productId: string;
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
