import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';

/** An address may fail this many times more than one username before it is held back. */
const ADDRESS_FACTOR = 4;

/**
 * Counts failed logins per username and per address in PostgreSQL (the source of truth, shared by
 * every instance). Past the limit a login answers 429 whether or not the username exists.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string | null): [string, number][] {
    const keys: [string, number][] = [[`user:${username.toLowerCase()}`, this.config.loginMaxFailures]];
    if (ip) keys.push([`ip:${ip}`, this.config.loginMaxFailures * ADDRESS_FACTOR]);
    return keys;
  }

  async check(username: string, ip: string | null): Promise<void> {
    const keys = this.keys(username, ip);
    const rows: { key: string; failures: number }[] = await this.db.query(
      `SELECT key, failures FROM login_failures
        WHERE key = ANY($1) AND window_start > now() - make_interval(secs => $2)`,
      [keys.map(([k]) => k), this.config.loginWindowSeconds],
    );
    for (const [key, limit] of keys) {
      if ((rows.find((r) => r.key === key)?.failures ?? 0) >= limit) {
        throw new AppError(ErrorCode.TooManyRequests, 'too many failed logins; try again later');
      }
    }
  }

  async fail(username: string, ip: string | null): Promise<void> {
    for (const [key] of this.keys(username, ip)) {
      await this.db.query(
        `INSERT INTO login_failures (key, failures, window_start) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_failures.window_start > now() - make_interval(secs => $2)
                           THEN login_failures.failures + 1 ELSE 1 END,
           window_start = CASE WHEN login_failures.window_start > now() - make_interval(secs => $2)
                           THEN login_failures.window_start ELSE now() END`,
        [key, this.config.loginWindowSeconds],
      );
    }
  }

  async succeed(username: string): Promise<void> {
    await this.db.query(`DELETE FROM login_failures WHERE key = $1`, [`user:${username.toLowerCase()}`]);
  }
}
