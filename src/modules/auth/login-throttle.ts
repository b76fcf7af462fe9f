import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { normalizeUsername } from '../users/usernames.js';

/** An address may fail this many times more than one username and address pair before it is held back. */
export const ADDRESS_FACTOR = 4;

/**
 * Counts login attempts in PostgreSQL (the source of truth, shared by every instance), in a fixed
 * window of LOGIN_WINDOW_SECONDS, under three keys (OWASP ASVS 2.2.1: guessing stays slow, and no
 * one can lock another user out):
 * - the username and address pair: LOGIN_MAX_FAILURES. Someone failing from their address holds
 *   back only that pair; the right password from another address still works.
 * - the username from every address: LOGIN_MAX_FAILURES_PER_USERNAME, which bounds guessing from
 *   many addresses. It holds back only addresses the user has never logged in from, so a flood of
 *   guesses does not lock the user out of their usual places.
 * - the address across usernames: LOGIN_MAX_FAILURES x 4 (password spraying).
 * An attempt is counted before its password is checked, in one atomic upsert, so a burst of
 * parallel guesses cannot all pass a check that reads the counter first; a successful login gives
 * its attempt back. Past a limit a login answers 429 whether or not the username exists, with the
 * same body. Usernames are normalised (`normalizeUsername`) before they make a key.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private pairKey(name: string, ip: string | null): string {
    return `pair:${name}|${ip ?? '-'}`;
  }

  /** Counts one attempt; 429 when the pair, the username (from an unknown address) or the address is past its limit. */
  async attempt(username: string, ip: string | null): Promise<void> {
    const name = normalizeUsername(username);
    const known = ip ? await this.isKnownAddress(name, ip) : false;
    // The username key comes first in every statement, so concurrent upserts lock rows in one order.
    const keys: [string, number | null][] = [
      [`user:${name}`, known ? null : this.config.loginMaxFailuresPerUsername],
      [this.pairKey(name, ip), this.config.loginMaxFailures],
    ];
    if (ip) keys.push([`ip:${ip}`, this.config.loginMaxFailures * ADDRESS_FACTOR]);
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
      if (limit !== null && (rows.find((r) => r.key === key)?.failures ?? 0) > limit) {
        throw new AppError(ErrorCode.TooManyRequests, 'too many failed logins; try again later');
      }
    }
  }

  /**
   * A successful login clears its pair's failures, gives the username and the address their attempt
   * back, remembers the address as the user's, and prunes old windows.
   */
  async succeed(username: string, ip: string | null): Promise<void> {
    const name = normalizeUsername(username);
    await this.db.query(`DELETE FROM login_failures WHERE key = $1`, [this.pairKey(name, ip)]);
    await this.db.query(`UPDATE login_failures SET failures = GREATEST(failures - 1, 0) WHERE key = ANY($1::text[])`, [
      [`user:${name}`, ...(ip ? [`ip:${ip}`] : [])],
    ]);
    if (ip) {
      await this.db.query(
        `INSERT INTO login_known_addresses (username, ip) VALUES ($1, $2)
         ON CONFLICT (username, ip) DO UPDATE SET last_login_at = now()`,
        [name, ip],
      );
    }
    await this.db.query(`DELETE FROM login_failures WHERE window_start <= now() - make_interval(secs => $1)`, [
      this.config.loginWindowSeconds,
    ]);
  }

  private async isKnownAddress(name: string, ip: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM login_known_addresses WHERE username = $1 AND ip = $2`, [name, ip]);
    return rows.length > 0;
  }
}
