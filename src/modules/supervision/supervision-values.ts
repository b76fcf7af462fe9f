/** The values of the supervision module's enumerated columns: supervisions' outcome and status, follow-ups' status, visits' method and drug test. */
export const SUPERVISION_OUTCOMES = ['completed', 'relapsed', 'moved_away', 'deceased', 'other'] as const;
export type SupervisionOutcome = (typeof SUPERVISION_OUTCOMES)[number];
export type SupervisionStatus = 'active' | 'ended';

export const FOLLOW_UP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const VISIT_METHODS = ['home_visit', 'phone', 'office'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const DRUG_TESTS = ['negative', 'positive', 'not_done'] as const;
export type DrugTest = (typeof DRUG_TESTS)[number];
