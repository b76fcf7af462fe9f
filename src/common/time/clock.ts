import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { dateInZone, startOfDateInZone, type IsoDate } from './dates.js';

/**
 * The one source of "now" and "today". Today is reckoned in TZ_NAME, so a due date means the same
 * day for a worker in Vietnam whatever zone the server runs in. Tests move it with `set`.
 */
@Injectable()
export class Clock {
  private fixed: Date | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  today(): IsoDate {
    return dateInZone(this.now(), this.config.tzName);
  }

  /** The instant a calendar date starts in the service's zone. */
  startOf(date: IsoDate): Date {
    return startOfDateInZone(date, this.config.tzName);
  }

  /** Freezes the clock (tests only); `undefined` lets it run again. */
  set(instant: Date | undefined): void {
    this.fixed = instant;
  }
}
