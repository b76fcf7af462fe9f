import { delayUntil, raiseJobId } from './reminders.jobs.js';

describe('reminder job ids and delays', () => {
  const subjectId = '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f';

  it('builds the same id for the same reminder, with no colon (BullMQ refuses them in custom ids)', () => {
    const id = raiseJobId({ kind: 'follow_up_due', personId: 'x', subjectId, dueDate: '2026-03-12' });
    expect(id).toBe(`follow_up_due.${subjectId}.2026-03-12`);
    expect(raiseJobId({ kind: 'follow_up_due', personId: 'other', subjectId, dueDate: '2026-03-12' })).toBe(id);
    expect(id).not.toContain(':');
    expect(`${parseInt(id, 10)}`).not.toBe(id);
  });

  it('gives self-termination a job of its own, apart from the missed-dose alert of the same run', () => {
    expect(raiseJobId({ kind: 'self_termination', personId: 'x', subjectId, dueDate: '2026-03-05' })).not.toBe(
      raiseJobId({ kind: 'missed_doses', personId: 'x', subjectId, dueDate: '2026-03-05' }),
    );
  });

  it('runs a moment already past at once', () => {
    const now = new Date('2026-03-10T03:00:00Z');
    expect(delayUntil(new Date('2026-03-10T03:00:02Z'), now)).toBe(2_000);
    expect(delayUntil(new Date('2026-03-09T17:00:00Z'), now)).toBe(0);
    expect(delayUntil(now, now)).toBe(0);
  });
});
