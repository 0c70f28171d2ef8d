// Generated from the read API's OpenAPI document by `npm run dashboard:types`. Do not edit.
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
  '/admin/analytics/builder': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A built report: a measure of sales grouped by dimensions, filtered, over a period
     * @description Compiled to one parameterised, read-only ClickHouse query over the daily sales rollup: only the named measure and dimensions shape the statement; every value is a bound parameter. `from` is included, `to` excluded; money in minor units. `limit` caps the rows (default 10). CSV with `Accept: text/csv` or `?format=csv`.
     */
    get: {
      parameters: {
        query: {
          /** @description Dimensions to group by, comma-separated; none: one total. */
          by?: string;
          /** @description Only this currency. */
          currency?: string;
          /** @description csv is the same as Accept: text/csv, pdf as Accept: application/pdf */
          format?: 'json' | 'csv' | 'pdf';
          /** @description first day included (YYYY-MM-DD); default 30 days before `to` */
          from?: string;
          /** @description time series step; default day */
          granularity?: 'day' | 'week' | 'month';
          /** @description rows per ranking; default 10 */
          limit?: number;
          /** @description Only this location. */
          location?: string;
          /** @description What to sum. */
          measure: 'revenue' | 'units' | 'discount' | 'lines' | 'orders';
          /** @description Only this SKU. */
          sku?: string;
          /** @description first day excluded (YYYY-MM-DD); default tomorrow */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The rows, each with its dimensions and `value` */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              by: string[];
              measure: string;
              params: {
                from: string;
                granularity: string;
                limit: number;
                to: string;
              };
              rows: {
                [key: string]: unknown;
              }[];
            };
            'application/pdf': string;
            'text/csv': string;
          };
        };
        /** @description A measure, dimension or filter that cannot go together (`errors` names the field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              detail: string;
            };
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
        /** @description The role may not read this */
        403: {
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
  '/admin/analytics/query': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run one read-only SQL statement on the analytics tables (as `qm analytics query`)
     * @description SELECT / WITH / SHOW / DESCRIBE / EXPLAIN / EXISTS only, on a read-only client. The answer is rendered as `qm analytics query` prints it: an aligned table, CSV with a header row, or JSON lines.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /**
             * @default table
             * @enum {string}
             */
            format?: 'table' | 'csv' | 'json';
            sql: string;
          };
        };
      };
      responses: {
        /** @description The rendered answer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
          };
        };
        /** @description The statement is not a read, or ClickHouse refused it */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              detail: string;
            };
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
        /** @description The role may not read this */
        403: {
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
  '/admin/analytics/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ready-made analytics reports */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reports */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              description: string;
              name: string;
              parameters: string[];
              title: string;
            }[];
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
        /** @description The role may not read this */
        403: {
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
  '/admin/analytics/reports/{name}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Run a report: sales, revenue, top sellers, refund rate, sell-through, stockouts, days of cover
     * @description `from` is included, `to` excluded (default: the 30 days up to today). Money is in minor units of `currency`. CSV with `Accept: text/csv` or `?format=csv`.
     */
    get: {
      parameters: {
        query?: {
          /** @description csv is the same as Accept: text/csv */
          format?: 'json' | 'csv';
          /** @description first day included (YYYY-MM-DD); default 30 days before `to` */
          from?: string;
          /** @description time series step; default day */
          granularity?: 'day' | 'week' | 'month';
          /** @description rows per ranking; default 10 */
          limit?: number;
          /** @description first day excluded (YYYY-MM-DD); default tomorrow */
          to?: string;
        };
        header?: never;
        path: {
          name:
            | 'sales'
            | 'revenue'
            | 'top_sellers'
            | 'top_sellers_by_day'
            | 'refund_rate'
            | 'dispute_rate'
            | 'sell_through'
            | 'stockouts'
            | 'days_of_cover'
            | 'promotion_cost'
            | 'promotion_redemptions'
            | 'promotion_revenue'
            | 'cart_recovery';
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              params: {
                from: string;
                granularity: string;
                limit: number;
                to: string;
              };
              report: string;
              rows: {
                [key: string]: unknown;
              }[];
            };
            'text/csv': string;
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
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
  '/admin/carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Carts, the most recently changed first, without personal data */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          status?: 'open' | 'merged' | 'checked_out';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Carts */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['StaffCart'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/carts/funnel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Carts started in a period: checked out, abandoned, reminded and recovered, per currency
     * @description A cart is abandoned when it is open, has lines, and was untouched for `idleMinutes` (default 60, the first reminder step by default); recovered when it was checked out after a reminder. Abandonment rate = abandoned / (abandoned + checkedOut); recovery rate = recovered / reminded.
     */
    get: {
      parameters: {
        query: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          from: string;
          idleMinutes?: number;
          to: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One row per currency */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CartFunnel'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/customers/{customerId}/data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export all data held about a customer (ZIP) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A ZIP: manifest.json, events.json, one JSON file per read-model and side table */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/zip': string;
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Each backend this process uses (event store, read models, cache, analytics, bus): its kind, whether it answers, and how fast
     * @description Unlike `/health/ready` (a probe: one verdict for balancers), this names every backend and what it runs on, and a failing analytics store shows here without taking the process out of service. Each check is given 2000 ms.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every backend, checked now */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              backends: components['schemas']['BackendHealth'][];
            };
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
        /** @description The role may not read this */
        403: {
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
  '/admin/notifications/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Mail deliveries, newest first; `status=parked` lists what failed at every attempt */
    get: {
      parameters: {
        query?: {
          /** @description Page size, 1 to 500. */
          limit?: number;
          status?: 'pending' | 'sent' | 'parked';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['MailDelivery'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/notifications/outbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The mail outbox (mail kept instead of sent when no SMTP_URL is set), newest first */
    get: {
      parameters: {
        query?: {
          /** @description Page size, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Outbox */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['OutboxMail'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/projections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Each projector's position and lag, and the event store's head (as `qm projection status`)
     * @description A projector stopped on a poison event has `status: "failed"`, its `lastError`, and `stoppedOn` (`eventId`, `type`, `stream`, `revision`, `position`): the position to pass to `POST /admin/projections/{name}/skip` on the command port.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Projection status */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json':
              | {
                  [key: string]: unknown;
                }
              | unknown[];
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
        /** @description The role may not read this */
        403: {
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
  '/admin/projections/skips': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The events operators passed (`qm projection skip`), newest first, each with its reason */
    get: {
      parameters: {
        query?: {
          /** @description Page size, 1 to 500. */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Skipped events */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ProjectionSkip'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Saved reports, by name, with their schedules and next runs */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Saved reports */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SavedReport'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/streams/{stream}/at': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The aggregate of a stream as it stood at a time or position (as `qm stream at`)
     * @description Folds the stream's events up to the point with its aggregate's decider (picked by the stream's category); the history is cut at the first event decided after the time, or after the position.
     */
    get: {
      parameters: {
        query: {
          /** @description ISO time (`2026-11-17T14:00:00Z`), a friendly form in the server's time zone (`now`, `3 hours ago`, `yesterday 14:00`, `last tuesday 14:00`) or a position token (`1234:56`) */
          at: string;
          events?: number | null;
        };
        header?: never;
        path: {
          stream: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The state then */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StateAt'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/admin/streams/{stream}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stream's events with their metadata (as `qm stream show`) */
    get: {
      parameters: {
        query?: {
          from?: number | null;
          limit?: number | null;
        };
        header?: never;
        path: {
          stream: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The stream's events */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['StreamHistory'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/carts/{cartId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the caller’s carts */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The cart */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Customers, newest first, by part of the email or name and by group (staff) */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          group?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          q?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Customers */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CustomerSummary'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/customers/{customerId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer account (staff) */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          customerId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The account */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Customer'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/guest-carts/{cartId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A guest cart, with the secret its creation answered (404 without it) */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description The guest cart’s secret */
          'cart-secret'?: string;
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          cartId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The cart */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Cart'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/live/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Live updates for the dashboard: new orders, low-stock crossings, projection status (SSE)
     * @description A `text/event-stream`. Each kind is sent only to a caller holding its permission: `order-placed` (orders:act-for-others, with the log position as the event id; reconnect with `Last-Event-ID` to resume after it), `low-stock` (stock:read), `projections` (operations:manage), `import-progress` (catalog:write: an import's counts, its row errors once finished).
     */
    get: {
      parameters: {
        query?: never;
        header?: {
          /** @description The id of the last event received: resume after it. */
          'last-event-id'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The event stream; it stays open until the client leaves */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Last-Event-ID is not an id this route sent */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': {
              detail: string;
            };
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
        /** @description The role may not read this */
        403: {
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
  '/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's account: profile, address book, consent, preferences, groups */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The account */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Customer'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/me/carts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s carts, the most recently changed first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Carts */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['CartSummary'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/me/data': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export all data held about me (ZIP) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A ZIP: manifest.json, events.json, one JSON file per read-model and side table */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/zip': string;
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/me/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's orders, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          /** @description Page size, 1 to 100. */
          limit?: number;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of orders */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderPage'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/me/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's returns, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 100. */
          limit?: number;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The returns */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReturnSummary'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/me/wishlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s wishlist, with each product’s price and availability now */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The wishlist */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Wishlist'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/orders/{orderId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order with lines, payments, refunds, shipments and its timeline */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The order */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderDetail'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/orders/{orderId}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An order's whole timeline: its own events and every step of its returns, with who made each */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          orderId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The timeline */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              entries: components['schemas']['OrderTimelineEntry'][];
              orderId: string;
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/products': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List products: filter, sort, page by keyset */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Attribute filters as name:value; repeat for several (all must match). */
          attr?: string[];
          /** @description Brands, comma-separated (any of them). */
          brand?: string;
          /** @description Categories, comma-separated (any of them). */
          category?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          /** @description Only products available now (or not). */
          inStock?: 'true' | 'false';
          /** @description Page size, 1 to 100. */
          limit?: number;
          /** @description Highest price, in minor units (cents), inclusive. */
          maxPrice?: number | null;
          /** @description Lowest price, in minor units (cents), inclusive. */
          minPrice?: number | null;
          /** @description Only the product with this SKU (staff add a line to an order by its SKU). */
          sku?: string;
          /** @description Order; `-` means descending. */
          sort?: 'price' | '-price' | 'name' | '-name' | 'newest' | 'oldest';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of products */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductPage'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/products/{productId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A product: price, price history, lowest price in 30 days, availability per location */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          productId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The product */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProductDetail'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/promotions/active': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Active promotions now (optionally those for one product), with units left and the server time
     * @description For listings and product pages: start, end and units left of each promotion in its window, and `serverTime` so a countdown does not trust the device clock. With `productId`, the promotions that apply to that product (by id, or by its category and brand as the catalog holds them), and each that takes a price off each matching unit carries the product’s price under it and its EU Omnibus "was" price (`productPrice`). `category` and `brand` stand in for a product the catalog does not hold yet.
     */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          brand?: string;
          category?: string;
          productId?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Active promotions */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ActivePromotion'][];
              serverTime: string;
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/returns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The RMA queue (staff): returns by status, the longest waiting first
     * @description The queues: `requested` awaits authorization, `authorized` is in transit to the shop, `partially_received` awaits the rest and its inspection. `olderThanDays` keeps those in their status at least that long; `orderId` keeps one order’s.
     */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          /** @description At least this many days in the status. */
          olderThanDays?: number | null;
          /** @description Only the returns of this order (the dashboard’s order page). */
          orderId?: string;
          status?: 'requested' | 'authorized' | 'rejected' | 'partially_received' | 'received';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of the queue */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['QueuedReturn'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/returns/{returnId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A return with each of its steps and who made it (a customer its own) */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          returnId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The return */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReturnDetail'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/returns/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The returns policy: windows by category and product, reasons, shipping refund, restocking fee
     * @description Public, for storefronts and the return forms: a line may be returned within its product’s window, else its category’s, else `defaultWindowDays`, counted from delivery; `reasons` are those a return may name. Until staff set a policy (`POST /returns/policy` on the command API) this is the default, with `setAt` null.
     */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The policy in force */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReturnPolicy'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Search products (typo tolerant), ranked, with facets
     * @description Full-text over name, brand, category and description, plus trigram similarity on name and brand so that misspellings ("iphnoe") still find products. Facets count categories, brands, price bands and attributes over the whole filtered result set.
     */
    get: {
      parameters: {
        query: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Attribute filters as name:value; repeat for several (all must match). */
          attr?: string[];
          /** @description Brands, comma-separated (any of them). */
          brand?: string;
          /** @description Categories, comma-separated (any of them). */
          category?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          /** @description Only products available now (or not). */
          inStock?: 'true' | 'false';
          /** @description Page size, 1 to 100. */
          limit?: number;
          /** @description Highest price, in minor units (cents), inclusive. */
          maxPrice?: number | null;
          /** @description Lowest price, in minor units (cents), inclusive. */
          minPrice?: number | null;
          q: string;
          /** @description Only the product with this SKU (staff add a line to an order by its SKU). */
          sku?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ranked matches and facets */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SearchResult'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Audit trail: who did what to which entity, with before, after and reason */
    get: {
      parameters: {
        query?: {
          /** @description Only actions by this actor id. */
          actor?: string;
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          entityId?: string;
          entityType?: string;
          /** @description From this time (inclusive). */
          from?: string;
          /** @description Page size, 1 to 200. */
          limit?: number;
          /** @description Until this time (exclusive). */
          to?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Newest first */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEntry'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open claims (damaged, missing or wrong on delivery), the longest waiting first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The open claims */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClaimQueue'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/disputes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Open disputes (chargebacks), the soonest due first
     * @description Each with its order, amount, reason, the date evidence is due at the payment provider (those without one last) and what the provider withdrew.
     */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The open disputes */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DisputeQueue'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/low-stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock levels at or below their low-stock threshold, emptiest first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          location?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Low stock, scarcest first */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LowStockItem'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every order, newest first, filtered by status, customer, time placed and total */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          /** @description Only this customer's orders. */
          customer?: string;
          /** @description Placed at or after this time. */
          from?: string;
          /** @description Page size, 1 to 200. */
          limit?: number;
          /** @description Total at most this, in minor units. */
          maxTotal?: number | null;
          /** @description Total at least this, in minor units (of the order's own currency). */
          minTotal?: number | null;
          status?:
            | 'placed'
            | 'authorized'
            | 'paid'
            | 'payment_failed'
            | 'partially_shipped'
            | 'shipped'
            | 'delivered'
            | 'cancelled';
          /** @description Placed before this time. */
          to?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of orders */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderPage'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/price-changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Price changes, latest effective time first: reason, actor, products, effective time */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          status?: 'scheduled' | 'applied' | 'cancelled';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Price changes */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['PriceChangeRecord'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/price-changes/{changeId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One price change: its targets or selection, and each product moved or skipped */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          changeId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The price change */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PriceChangeRecord'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/price-lists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Price lists with their currency, customer groups, priority and number of products */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          currency?: string;
          status?: 'active' | 'archived';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Price lists */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['PriceListSummary'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/price-lists/{priceListId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One price list with its products and their quantity tiers */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          priceListId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The price list */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PriceListDetail'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/promotion-codes/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Look up a coupon code (any case): its promotion, generation and uses */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The code */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PromotionCode'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/promotions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Promotions with their redemptions, units left and discount cost, highest priority first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          status?: 'draft' | 'active' | 'paused' | 'expired' | 'archived';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Promotions */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['PromotionSummary'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/promotions/{promotionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One promotion: its definition, figures, and redemptions and cost per day and code */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path: {
          promotionId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The promotion */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PromotionDetail'];
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such resource (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/replenishment/reorder-points': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reorder points and days of cover per SKU and location, fewest days of cover first */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          location?: string;
          /** @description Only what lasts fewer days than this. */
          maxDaysOfCover?: number | null;
          sku?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reorder points */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReorderPoint'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/replenishment/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Replenishment suggestions, newest first (open ones unless a status is given) */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          location?: string;
          sku?: string;
          status?: 'open' | 'superseded' | 'withdrawn' | 'dismissed' | 'all';
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Suggestions */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ReplenishmentSuggestion'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/sku-conflicts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Products created with a SKU another product already had, for staff to resolve
     * @description Only a store written before SKUs were claimed on the write side holds any. Such a product is kept out of listings and search; discontinue the one that is wrong.
     */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Oldest first */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['SkuConflict'][];
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
  '/staff/stock-levels': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stock per SKU and location (on hand, reserved, available, threshold), by SKU */
    get: {
      parameters: {
        query?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          after?: string;
          /** @description Opaque: the `nextCursor` of the previous page, passed back untouched. */
          cursor?: string;
          /** @description Page size, 1 to 500. */
          limit?: number;
          /** @description Only this location. */
          location?: string;
          /** @description `true`: only levels at or below their threshold. */
          low?: 'true' | 'false';
          /** @description Only this SKU. */
          sku?: string;
        };
        header?: {
          /** @description Read your writes: wait (bounded) until this answer includes the write that returned this token. */
          'x-consistency-token'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Stock levels, by SKU then location */
        200: {
          headers: {
            /** @description `110` (Response is stale) with the read model and token it could not wait for. */
            Warning?: string;
            /** @description The projector position the data was read at (a consistency token). */
            'X-Read-Position'?: string;
            /** @description Present (`true`) when the given consistency token was not reached within the wait: the data may not include that write yet. */
            'X-Stale'?: string;
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['LowStockItem'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Invalid query, path or consistency token (`errors` names each field) */
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
        /** @description The role may not read this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The read model has not been built yet */
        503: {
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ActivePromotion: {
      actionKind: string;
      /** @enum {string} */
      codeMode: 'automatic' | 'shared' | 'unique';
      endsAt: string | null;
      /** @description Uses or units left (a flash sale); null: no limit. */
      left: number | null;
      name: string;
      /**
       * @description Only with `productId`, for a promotion that takes a price off each matching unit (`items_percent`, `items_fixed`; a flash sale is one of them); null otherwise, or when the product is unknown or priced in another currency than the promotion names.
       * @example {
       *       "regular": {
       *         "amount": 2499,
       *         "currency": "EUR"
       *       },
       *       "price": {
       *         "amount": 1999,
       *         "currency": "EUR"
       *       },
       *       "was": {
       *         "amount": 2299,
       *         "currency": "EUR"
       *       },
       *       "reducedSince": "2026-11-21T09:00:00.000Z"
       *     }
       */
      productPrice: {
        price: components['schemas']['Money'] & unknown;
        /**
         * @description When the promotion’s reduction began: the later of its window’s start and its last activation.
         * @example 2026-11-21T09:00:00.000Z
         */
        reducedSince: string;
        regular: components['schemas']['Money'] & unknown;
        was: components['schemas']['Money'] & (Record<string, never> | null);
      } | null;
      promotionId: string;
      startsAt: string | null;
    };
    AuditEntry: {
      action: string;
      actor: {
        id: string;
        role: string;
      };
      after: {
        [key: string]: unknown;
      } | null;
      at: string;
      before: {
        [key: string]: unknown;
      } | null;
      correlationId: string;
      entity: {
        id: string;
        stream: string;
        type: string;
      };
      eventId: string;
      position: string;
      reason: string | null;
    };
    BackendHealth: {
      detail: string | null;
      /** @example postgres */
      kind: string;
      ms: number;
      /** @example eventStore */
      name: string;
      /** @enum {string} */
      status: 'ok' | 'failing';
    };
    Cart: {
      cartId: string;
      /** @description The codes the cart is priced with (normalized). `totals.discounts` are the promotions that applied; `totals.notApplied` those that did not, with the reason. */
      couponCodes: string[];
      createdAt: string;
      currency: string;
      customerId: string | null;
      email: {
        address: string;
        marketingConsent: {
          at: string | null;
          granted: boolean;
          source: string | null;
        } | null;
      } | null;
      lines: {
        addedAt: string;
        changes: components['schemas']['CartLineChange'][];
        currentPrice: components['schemas']['Money'] & (Record<string, never> | null);
        name: string | null;
        productId: string;
        quantity: number;
        sku: string;
        unitPrice: components['schemas']['Money'];
      }[];
      mergedInto: string | null;
      orderId: string | null;
      /** @enum {string} */
      owner: 'guest' | 'customer';
      shippingAddress: {
        [key: string]: unknown;
      } | null;
      shippingMethodId: string | null;
      /** @enum {string} */
      status: 'open' | 'merged' | 'checked_out';
      totals: {
        [key: string]: unknown;
      } | null;
      updatedAt: string;
    };
    CartFunnel: {
      abandoned: number;
      /** @description minor units */
      abandonedValue: number;
      checkedOut: number;
      currency: string;
      recovered: number;
      reminded: number;
      started: number;
    };
    CartLineChange: {
      available?: number;
      from?: number;
      /** @enum {string} */
      kind: 'price_changed' | 'discontinued' | 'quantity_unavailable' | 'product_gone';
      requested?: number;
      to?: number;
    };
    CartSummary: {
      cartId: string;
      currency: string;
      /** @enum {string} */
      status: 'open' | 'merged' | 'checked_out';
      total: components['schemas']['Money'] & (Record<string, never> | null);
      updatedAt: string;
    };
    Claim: {
      claimId: string;
      customerId: string;
      lineId: string;
      openedAt: string;
      orderId: string;
      quantity: number;
      /** @enum {string} */
      reason: 'damaged' | 'missing' | 'wrong';
      resolvedAt: string | null;
      sku: string;
      /** @enum {string} */
      status: 'open' | 'replaced' | 'refunded';
    };
    ClaimQueue: {
      items: components['schemas']['Claim'][];
    };
    Customer: {
      addresses: {
        address: {
          [key: string]: unknown;
        };
        addressId: string;
        isDefault: boolean;
        label: string;
      }[];
      customerId: string;
      defaultAddressId: string | null;
      email: string;
      groups: string[];
      marketingConsent: {
        at: string | null;
        granted: boolean;
        source: string | null;
      };
      name: string | null;
      phone: string | null;
      preferences: {
        marketing: boolean;
        reminder: boolean;
        transactional: boolean;
      };
      signedUpAt: string;
      /** @enum {string} */
      status: 'unverified' | 'active';
    };
    CustomerSummary: {
      customerId: string;
      email: string;
      groups: string[];
      name: string | null;
      signedUpAt: string;
      /** @enum {string} */
      status: 'unverified' | 'active';
    };
    Dispute: {
      amount: components['schemas']['Money'];
      closedAt: string | null;
      customerId: string;
      disputeId: string;
      /** @description When evidence is due at the provider */
      dueBy: string | null;
      openedAt: string;
      orderId: string;
      paymentRef: string;
      /**
       * @description The provider's reason
       * @example fraudulent
       */
      reason: string;
      /** @enum {string} */
      status: 'open' | 'won' | 'lost';
      withdrawn: components['schemas']['Money'] & unknown;
    };
    DisputeQueue: {
      items: components['schemas']['Dispute'][];
    };
    Jwks: {
      keys: {
        [key: string]: unknown;
      }[];
    };
    LowStockItem: {
      available: number;
      backordered: number;
      location: string;
      lowStock: boolean;
      lowStockThreshold: number | null;
      onHand: number;
      reserved: number;
      revision: number;
      sku: string;
      updatedAt: string;
    };
    MailDelivery: {
      attempts: number;
      createdAt: string;
      deliveryId: string;
      eventId: string;
      lastError: string | null;
      sentAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'sent' | 'parked';
      subject: string;
      template: string;
      to: string;
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
    OrderDetail: components['schemas']['OrderSummary'] & {
      cancellation: {
        note: string | null;
        reason: string;
      } | null;
      claims: components['schemas']['Claim'][];
      discounts: {
        [key: string]: unknown;
      }[];
      disputes: components['schemas']['Dispute'][];
      expiresAt: string;
      lines: {
        allocations: {
          location: string;
          quantity: number;
        }[];
        /** @description Units of the line waiting for stock: they ship once arriving stock fills them, first in first out */
        backordered: number;
        lineId: string;
        lineTotal: components['schemas']['Money'];
        quantity: number;
        sku: string;
        unitPrice: components['schemas']['Money'];
      }[];
      payment: {
        authorized: components['schemas']['Money'];
        captured: components['schemas']['Money'];
        provider: string;
        reference: string | null;
        refunded: components['schemas']['Money'];
      };
      payments: {
        [key: string]: unknown;
      }[];
      refunds: {
        [key: string]: unknown;
      }[];
      shipments: {
        [key: string]: unknown;
      }[];
      shippingAddress: {
        [key: string]: unknown;
      };
      shippingMethodId: string | null;
      /** @description Per line and for shipping; `known: false` for orders placed before tax was computed */
      taxDetail: {
        [key: string]: unknown;
      };
      taxTotal: components['schemas']['Money'] & unknown;
      timeline: {
        at: string;
        by: {
          id: string;
          role: string;
        };
        correlationId: string;
        revision: number;
        summary: string;
        type: string;
      }[];
    };
    OrderPage: {
      items: components['schemas']['OrderSummary'][];
      nextCursor: string | null;
    };
    OrderSummary: {
      customerId: string;
      discountTotal: components['schemas']['Money'];
      itemCount: number;
      lineCount: number;
      orderId: string;
      paymentStatus: string;
      placedAt: string;
      shipping: components['schemas']['Money'];
      status: string;
      subtotal: components['schemas']['Money'];
      tax: components['schemas']['Money'] & unknown;
      total: components['schemas']['Money'];
      updatedAt: string;
    };
    OrderTimelineEntry: {
      at: string;
      by: {
        id: string;
        role: string;
      };
      correlationId: string;
      eventId: string;
      returnId: string | null;
      revision: number;
      /** @enum {string} */
      source: 'order' | 'return';
      summary: string;
      type: string;
    };
    OutboxMail: {
      createdAt: string;
      deliveryId: string;
      html: string;
      messageId: string;
      subject: string;
      text: string;
      to: string;
    };
    PriceChangeRecord: {
      /** @description Who scheduled or applied it. */
      actor: {
        id: string;
        role: string;
      };
      applied: {
        from: {
          amount: number;
          currency: string;
        };
        productId: string;
        to: {
          amount: number;
          currency: string;
        };
      }[];
      changeId: string;
      createdAt: string;
      effectiveAt: string;
      /** @enum {string} */
      kind: 'prices' | 'mass';
      products: string[];
      reason: string;
      /** @description A mass change: categories, brands, adjustment, rounding. */
      selection: {
        [key: string]: unknown;
      } | null;
      skipped: {
        productId: string;
        why: string;
      }[];
      /** @enum {string} */
      status: 'scheduled' | 'applied' | 'cancelled';
      targets: {
        price: {
          amount: number;
          currency: string;
        };
        productId: string;
      }[];
      updatedAt: string;
    };
    PriceListDetail: components['schemas']['PriceListSummary'] & {
      prices: {
        productId: string;
        tiers: {
          amount: number;
          minQuantity: number;
        }[];
        updatedAt: string;
      }[];
    };
    PriceListSummary: {
      createdAt: string;
      currency: string;
      /** @description Empty: every buyer in the currency. */
      customerGroups: string[];
      name: string;
      priceListId: string;
      priority: number;
      /** @description Products the list prices. */
      products: number;
      /** @enum {string} */
      status: 'active' | 'archived';
      updatedAt: string;
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
    ProductDetail: {
      allowBackorder: boolean;
      attributes: {
        [key: string]: string;
      };
      availability: {
        locations: {
          available: number;
          backordered: number;
          location: string;
          locationName: string | null;
          onHand: number;
          reserved: number;
        }[];
        total: {
          available: number;
          backordered: number;
          onHand: number;
          reserved: number;
        };
      };
      brand: string;
      category: string;
      createdAt: string;
      description: string;
      discontinuedReason: string | null;
      lowestPrice30d: components['schemas']['Money'] & (Record<string, never> | null);
      name: string;
      price: components['schemas']['Money'];
      priceHistory: {
        actor: {
          id: string;
          role: string;
        };
        at: string;
        currency: string;
        /** @enum {string} */
        kind: 'created' | 'changed';
        newAmount: number;
        oldAmount: number | null;
        reason: string | null;
        revision: number;
      }[];
      priceSince: string;
      productId: string;
      revision: number;
      sku: string;
      /** @description Another product was created with this SKU first (a store from before SKUs were claimed on the write side). Hidden from listings and search until staff resolve it. */
      skuConflict: boolean;
      /** @enum {string} */
      status: 'active' | 'discontinued';
      stock: {
        available: number;
        backordered: number;
        inStock: boolean;
        onHand: number;
        reserved: number;
      };
      updatedAt: string;
    };
    ProductPage: {
      items: components['schemas']['ProductSummary'][];
      nextCursor: string | null;
    };
    ProductSummary: {
      allowBackorder: boolean;
      attributes: {
        [key: string]: string;
      };
      available: number;
      brand: string;
      category: string;
      createdAt: string;
      inStock: boolean;
      lowestPrice30d: components['schemas']['Money'] & (Record<string, never> | null);
      name: string;
      price: components['schemas']['Money'];
      productId: string;
      sku: string;
    };
    ProjectionSkip: {
      eventId: string;
      /** @example 1234:1234 */
      position: string;
      projection: string;
      reason: string;
      skippedAt: string;
    };
    PromotionCode: {
      claimedAt: string;
      code: string;
      generationId: string | null;
      promotionId: string;
      promotionName: string;
      /** @enum {string} */
      promotionStatus: 'draft' | 'active' | 'paused' | 'expired' | 'archived';
      released: boolean;
      singleUse: boolean;
      uses: number;
    };
    PromotionDetail: components['schemas']['PromotionSummary'] & {
      definition: {
        [key: string]: unknown;
      };
      perDay: {
        code: string | null;
        day: string;
        discountCost: number;
        redemptions: number;
      }[];
    };
    PromotionSummary: {
      actionKind: string;
      /** @enum {string} */
      codeMode: 'automatic' | 'shared' | 'unique';
      createdAt: string;
      /** @description What it took off orders still standing, in minor units. */
      discountCost: number;
      endsAt: string | null;
      /** @description Of the total limit; null without one. */
      left: number | null;
      limits: {
        /** @enum {string} */
        counts: 'orders' | 'units';
        perCode: number | null;
        perCustomer: number | null;
        total: number | null;
      };
      name: string;
      priority: number;
      promotionId: string;
      redemptions: number;
      /** @description Redemptions given back by cancelled or expired orders. */
      released: number;
      sharedCode: string | null;
      /** @enum {string} */
      stacking: 'exclusive' | 'combinable';
      startsAt: string | null;
      /** @enum {string} */
      status: 'draft' | 'active' | 'paused' | 'expired' | 'archived';
      unitsRedeemed: number;
      updatedAt: string;
      version: number;
    };
    QueuedReturn: components['schemas']['ReturnSummary'] & {
      /** @description How long it has been in its status, in days. */
      waitingDays: number;
    };
    ReorderPoint: {
      asOf: string;
      available: number;
      daysOfCover: number | null;
      demandClass: string;
      expectedDailyDemand: number;
      forecastErrorSd: number;
      historyDays: number;
      leadTimeDays: number;
      leadTimeDemand: number;
      location: string;
      method: string;
      orderUpTo: number;
      policy: {
        leadTimeDays: number | null;
        serviceLevel: number | null;
      };
      recalculatedAt: string;
      reorderPoint: number;
      safetyStock: number;
      serviceLevel: number;
      sku: string;
    };
    ReplenishmentSuggestion: {
      available: number;
      closedAt: string | null;
      daysOfCover: number | null;
      location: string;
      note: string | null;
      orderUpTo: number;
      quantity: number;
      reason: string;
      reorderPoint: number;
      sku: string;
      /** @enum {string} */
      status: 'open' | 'superseded' | 'withdrawn' | 'dismissed';
      suggestedAt: string;
      suggestionId: string;
    };
    ReturnDetail: components['schemas']['ReturnSummary'] & {
      steps: {
        at: string;
        by: {
          id: string;
          role: string;
        };
        correlationId: string;
        eventId: string;
        revision: number;
        summary: string;
        type: string;
      }[];
    };
    ReturnPolicy: {
      /**
       * @description By catalog category; wins over the default.
       * @example {
       *       "tools": 14
       *     }
       */
      categoryWindowDays: {
        [key: string]: number;
      };
      /**
       * @description Days after delivery.
       * @example 30
       */
      defaultWindowDays: number;
      /** @description Sent with the RMA number when no carrier makes a label. */
      instructions: string;
      /**
       * @description By product id; wins over its category.
       * @example {
       *       "lamp": 60
       *     }
       */
      productWindowDays: {
        [key: string]: number;
      };
      /**
       * @example [
       *       "damaged",
       *       "wrong_item",
       *       "other"
       *     ]
       */
      reasons: string[];
      /**
       * @description When the refund runs by itself: once the goods are back, or at authorization.
       * @enum {string}
       */
      refundOn: 'receipt' | 'authorization';
      /** @description Whether shipping is refunded when the whole order comes back. */
      refundShipping: boolean;
      /**
       * @description Kept from each refund of goods, in basis points (1000 = 10 %).
       * @example 0
       */
      restockingFeeBps: number;
      /** @description When staff set it; null while the default holds. */
      setAt: string | null;
    };
    ReturnSummary: {
      customerId: string;
      itemCount: number;
      label: {
        carrier: string;
        labelUrl: string;
        trackingNumber: string;
      } | null;
      lines: {
        lineId: string;
        quantity: number;
        received: number;
        restocked: number;
        sku: string;
        writtenOff: number;
      }[];
      /** @enum {string} */
      openedBy: 'customer' | 'staff';
      orderId: string;
      reason: string;
      receivedCount: number;
      refunded: components['schemas']['Money'];
      requestedAt: string;
      returnId: string;
      rmaNumber: string | null;
      /** @enum {string} */
      status: 'requested' | 'authorized' | 'rejected' | 'partially_received' | 'received';
      statusSince: string;
      updatedAt: string;
    };
    SavedReport: {
      definition: {
        by: ('period' | 'sku' | 'location' | 'currency')[];
        filters: {
          currency?: string;
          location?: string;
          sku?: string;
        };
        /** @enum {string} */
        granularity: 'day' | 'week' | 'month';
        lastDays: number;
        limit: number;
        /** @enum {string} */
        measure: 'revenue' | 'units' | 'discount' | 'lines' | 'orders';
      };
      /** @description The due time of the last run mailed */
      lastRunAt: string | null;
      name: string;
      /** @description When the schedule mails it next (UTC) */
      nextRunAt: string | null;
      reportId: string;
      runs: number;
      savedAt: string;
      schedule: {
        /** @enum {string} */
        cadence: 'daily' | 'weekly';
        /** @enum {string} */
        format: 'csv' | 'pdf';
        recipients: string[];
        time: string;
        timeZone: string;
        weekday: number | null;
      } | null;
      updatedAt: string;
    };
    SearchResult: {
      facets: {
        attributes: {
          [key: string]: {
            count: number;
            value: string;
          }[];
        };
        brand: {
          count: number;
          value: string;
        }[];
        category: {
          count: number;
          value: string;
        }[];
        price: {
          count: number;
          from: number;
          to: number | null;
        }[];
      };
      items: (components['schemas']['ProductSummary'] & {
        score: number;
      })[];
      nextCursor: string | null;
      query: string;
      total: number;
    };
    SkuConflict: {
      createdAt: string;
      /** @description The product that had the SKU first. */
      heldBy: string | null;
      name: string;
      productId: string;
      sku: string;
      /** @enum {string} */
      status: 'active' | 'discontinued';
    };
    StaffCart: {
      cartId: string;
      createdAt: string;
      currency: string;
      customerId: string | null;
      lines: number;
      orderId: string | null;
      reminderSent: boolean;
      /** @enum {string} */
      status: 'open' | 'merged' | 'checked_out';
      units: number;
      updatedAt: string;
      /** @description minor units, at the prices the lines were put in */
      value: number;
    };
    StateAt: {
      /** @description The last event folded in; null when the stream had no event yet then */
      asOf: {
        occurredAt: string;
        position: string;
        revision: number;
      } | null;
      at: string;
      category: string;
      changedBy: {
        actor: {
          id: string;
          role: string;
        };
        events: number;
        lastAt: string;
      }[];
      eventCount: number;
      /** @description The last events that led to the state, oldest first */
      events: components['schemas']['StreamEvent'][];
      /** @description The aggregate's state, as its decider's evolve folds it */
      state?: unknown;
      stream: string;
    };
    StreamEvent: {
      actor: {
        id: string;
        role: string;
      };
      causationId: string | null;
      correlationId: string;
      data: {
        [key: string]: unknown;
      };
      extra: {
        [key: string]: unknown;
      };
      id: string;
      /** @description When the command decided it (what `at` compares with) */
      occurredAt: string;
      /** @description Global position token (`commit:prepare`) */
      position: string;
      recordedAt: string;
      revision: number;
      schemaVersion: number;
      type: string;
    };
    StreamHistory: {
      events: components['schemas']['StreamEvent'][];
      revision: number | null;
      stream: string;
    };
    Wishlist: {
      items: {
        addedAt: string;
        available: number | null;
        name: string | null;
        price: components['schemas']['Money'] & (Record<string, never> | null);
        productId: string;
        /** @enum {string|null} */
        status: 'active' | 'discontinued' | null;
      }[];
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
