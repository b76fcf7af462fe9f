import { WarningThrottle } from './warning-throttle.js';

describe('WarningThrottle', () => {
  it('passes the first warning of a kind, holds like ones back for the interval, then reports how many', () => {
    let now = 1_000;
    const throttle = new WarningThrottle(60_000, () => now);
    expect(throttle.pass('queue reminders: connect ECONNREFUSED')).toBe('queue reminders: connect ECONNREFUSED');
    now += 2_000;
    expect(throttle.pass('queue reminders: connect ECONNREFUSED')).toBeNull();
    now += 2_000;
    expect(throttle.pass('queue reminders: connect ECONNREFUSED')).toBeNull();
    // Another kind is not held back by the first.
    expect(throttle.pass('worker reports: connect ECONNREFUSED')).toBe('worker reports: connect ECONNREFUSED');
    now += 56_000;
    expect(throttle.pass('queue reminders: connect ECONNREFUSED')).toBe(
      'queue reminders: connect ECONNREFUSED (and 2 more like it since the last report)',
    );
    now += 60_000;
    expect(throttle.pass('queue reminders: connect ECONNREFUSED')).toBe('queue reminders: connect ECONNREFUSED');
  });
});
