/** Where tests find the real services: the env URLs, else the local defaults of a developer machine. */
export function serviceUrls() {
  return {
    postgres: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    nats: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  };
}
