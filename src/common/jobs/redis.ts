import { Redis, type RedisOptions } from 'ioredis';

/**
 * Connection for commands that must fail fast when Redis is away (health checks, queue producers):
 * no offline queue, few retries, so a write to PostgreSQL never waits on Redis.
 */
export function fastFailRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
}

/** Connection for BullMQ workers: blocking commands must wait indefinitely (BullMQ requires it). */
export function workerRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  redis.on('error', () => undefined);
  return redis;
}
