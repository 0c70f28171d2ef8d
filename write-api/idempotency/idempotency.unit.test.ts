import { idempotencySuite } from './idempotency.suite.ts';
import { createMemoryIdempotencyStore } from './memory-idempotency-store.ts';

idempotencySuite('the memory store', (options) => createMemoryIdempotencyStore(options));
