import { describe, expect, it } from 'vitest';
import { eventStoreConformance } from './conformance/index.ts';
import { conformanceBackends } from '../../test-support/event-store-backends.ts';

/**
 * The one event store contract, against every backend present: PGlite always, PostgreSQL always
 * (DATABASE_URL or 127.0.0.1:5432; a missing server fails the run), EventStoreDB when
 * EVENTSTORE_URL is set or a Docker engine answers.
 */
const { backends, missing } = conformanceBackends();
console.error(
  `Event store conformance covers: ${backends.map((b) => b.name).join(', ')}` +
    (missing.length ? `; not covered here: ${missing.join('; ')}` : ''),
);

describe('event store backends', () => {
  it('covers PGlite and PostgreSQL on every run', () => {
    expect(backends.map((b) => b.name)).toEqual(expect.arrayContaining(['pglite', 'postgres']));
  });
});

for (const backend of backends) eventStoreConformance(backend);
