/** Payload and job id of the 'imports' queue (names in src/common/jobs/queues.ts). */
export interface ImportPersonsJobData {
  importId: string;
}

/** One job per import: queuing it again (a re-plan after a Redis flush) never runs it twice. */
export const importJobId = (importId: string) => `import_${importId.toLowerCase()}`;
