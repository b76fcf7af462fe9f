/**
 * Once per run: names this run's template database and key prefix. Jest loads this file outside
 * its module system, so it stays plain JavaScript; the first test file to need the template
 * creates and migrates it (test/support/databases.ts), under an advisory lock.
 */
export default async function globalSetup() {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  process.env.CM_TEST_RUN_ID = runId;
  process.env.CM_TEST_TEMPLATE = `cmtest_tpl_${runId}`;
}
