/**
 * Environment for every test file. Secrets are fixed test values; argon2 runs with little memory
 * so logins are fast. Nothing here points at a real deployment.
 */
process.env.NODE_ENV = 'test';
process.env.JWT_SECRET ??= 'test-secret-test-secret-test-secret-0123456789';
process.env.DATA_KEY ??= '0f'.repeat(32);
process.env.ADMIN_USERNAME ??= 'admin';
process.env.ADMIN_PASSWORD ??= 'admin-password-for-tests';
process.env.ARGON2_MEMORY_KIB ??= '1024';
process.env.LOG_LEVEL ??= 'silent';
process.env.TZ_NAME ??= 'Asia/Ho_Chi_Minh';
process.env.TEST_PG_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
