/** The kinds of entry in a file's history (`person_events`, whose statements live in the persons module's SQL files). */
export const PERSON_EVENT_KINDS = ['registered', 'status_changed', 'management_decision', 'moved', 'closed', 'updated', 'merged'] as const;
export type PersonEventKind = (typeof PERSON_EVENT_KINDS)[number];
