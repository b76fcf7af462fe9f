/** The values of the supervision module's enumerated columns: follow-ups' status, visits' method and drug test. */
export const FOLLOW_UP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export const VISIT_METHODS = ['home_visit', 'phone', 'office'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const DRUG_TESTS = ['negative', 'positive', 'not_done'] as const;
export type DrugTest = (typeof DRUG_TESTS)[number];
