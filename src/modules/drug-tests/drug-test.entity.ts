/** The values of `drug_tests`' enumerated columns, declared with its row in the repository. */
export { DRUG_TEST_METHODS, DRUG_TEST_RESULTS, type DrugTestMethod, type DrugTestResult } from './drug-tests.repository.js';
