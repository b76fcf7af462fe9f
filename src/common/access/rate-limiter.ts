import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../errors/app-error.js';

/**
 * Fixed-window counters in PostgreSQL (the truth shared by every instance), for limits that are
 * not about logins: lookups of people, expensive reports. A hit is counted before the work it
 * guards, in one atomic upsert, so a burst of parallel requests cannot all pass a check that reads
 * the counter first.
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly db: DataSource) {}

  /** Counts one hit on `key`; 429 with `message` when it is past `limit` in the window. */
  async hit(key: string, limit: number, windowSeconds: number, message: string): Promise<void> {
    const rows: { hits: number }[] = await this.db.query(
      `INSERT INTO rate_counters (key, hits, window_start) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_counters.window_start > now() - make_interval(secs => $2) THEN rate_counters.hits + 1 ELSE 1 END,
         window_start = CASE WHEN rate_counters.window_start > now() - make_interval(secs => $2) THEN rate_counters.window_start ELSE now() END
       RETURNING hits`,
      [key, windowSeconds],
    );
    if ((rows[0]?.hits ?? 0) > limit) throw new AppError(ErrorCode.TooManyRequests, message);
  }
}
