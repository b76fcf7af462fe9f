/**
 * Keeps a repeated warning from flooding the log: while Redis is away, every queue and worker
 * connection reports each reconnection attempt. The first warning of a kind is logged at once;
 * like ones within `everyMs` are counted, and the next one logged after that says how many were
 * held back.
 */
export class WarningThrottle {
  private readonly seen = new Map<string, { at: number; held: number }>();

  constructor(
    private readonly everyMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The text to log for this warning, or null to hold it back. */
  pass(message: string): string | null {
    const at = this.now();
    const seen = this.seen.get(message);
    if (seen && at - seen.at < this.everyMs) {
      seen.held++;
      return null;
    }
    this.seen.set(message, { at, held: 0 });
    return seen?.held ? `${message} (and ${seen.held} more like it since the last report)` : message;
  }
}
