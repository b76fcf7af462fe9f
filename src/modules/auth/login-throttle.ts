import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';

/** An address may fail this many times more than one username before it is held back. */
export const ADDRESS_FACTOR = 4;

/**
 * Counts login attempts per username and per address in PostgreSQL (the source of truth, shared by
 * every instance), in a fixed window of LOGIN_WINDOW_SECONDS. An attempt is counted before its
 * password is checked, in one atomic upsert, so a burst of parallel guesses cannot all pass a
 * check that reads the counter first; a successful login gives its attempt back. Past the limit a
 * login answers 429 whether or not the username exists, with the same body.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private userKey(username: string): string {
    return `user:${username.toLowerCase()}`;
  }

  private keys(username: string, ip: string | null): [string, number][] {
    // The username key comes first in every statement, so concurrent upserts lock rows in one order.
    const keys: [string, number][] = [[this.userKey(username), this.config.loginMaxFailures]];
    if (ip) keys.push([`ip:${ip}`, this.config.loginMaxFailures * ADDRESS_FACTOR]);
    return keys;
  }

  /** Counts one attempt; 429 when the username or the address is past its limit. */
  async attempt(username: string, ip: string | null): Promise<void> {
    const keys = this.keys(username, ip);
    const rows: { key: string; failures: number }[] = await this.db.query(
      `INSERT INTO login_failures (key, failures, window_start)
       SELECT k, 1, now() FROM unnest($1::text[]) WITH ORDINALITY AS t(k, n) ORDER BY n
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_failures.window_start > now() - make_interval(secs => $2)
                         THEN login_failures.failures + 1 ELSE 1 END,
         window_start = CASE WHEN login_failures.window_start > now() - make_interval(secs => $2)
                             THEN login_failures.window_start ELSE now() END
       RETURNING key, failures`,
      [keys.map(([k]) => k), this.config.loginWindowSeconds],
    );
    for (const [key, limit] of keys) {
      // The attempt just counted is the (failures)th: past the limit when more than `limit` came before it.
      if ((rows.find((r) => r.key === key)?.failures ?? 0) > limit) {
        throw new AppError(ErrorCode.TooManyRequests, 'too many failed logins; try again later');
      }
    }
  }

  /** A successful login clears its username's failures, gives the address its attempt back and prunes old windows. */
  async succeed(username: string, ip: string | null): Promise<void> {
    await this.db.query(`DELETE FROM login_failures WHERE key = $1`, [this.userKey(username)]);
    if (ip) {
      await this.db.query(`UPDATE login_failures SET failures = GREATEST(failures - 1, 0) WHERE key = $1`, [`ip:${ip}`]);
    }
    await this.db.query(`DELETE FROM login_failures WHERE window_start <= now() - make_interval(secs => $1)`, [
      this.config.loginWindowSeconds,
    ]);
  }
}
