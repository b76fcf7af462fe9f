/** The values of the `reminders` table's enumerated columns, `kind` and `status`. */
export const REMINDER_KINDS = [
  'follow_up_due',
  'follow_up_overdue',
  'missed_doses',
  'supervision_ending',
  'enrollment_ending',
  'management_ending',
  'transfer_in',
  'conflict_cap',
  'self_termination',
  'post_rehab_file_due',
  'post_rehab_decision_due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const REMINDER_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
