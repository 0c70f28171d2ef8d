// Generated from the write API's OpenAPI document by `npm run dashboard:types`. Do not edit.
export interface paths {
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
    CancelOrder: {
      /** @default null */
      note: string | null;
    };
    ChangePrice: {
      price: components['schemas']['Money'];
      reason: string;
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
        | 'analytics:read'
        | 'audit:read'
        | 'streams:read'
        | 'notifications:manage'
        | 'operations:manage'
        | 'roles:manage'
        | 'staff:manage'
        | 'customers:read'
        | 'privacy:manage'
        | 'account:self'
      )[];
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
        | 'analytics:read'
        | 'audit:read'
        | 'streams:read'
        | 'notifications:manage'
        | 'operations:manage'
        | 'roles:manage'
        | 'staff:manage'
        | 'customers:read'
        | 'privacy:manage'
        | 'account:self'
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
    IssueRefund: {
      amount: components['schemas']['Money'];
      reason: string;
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
