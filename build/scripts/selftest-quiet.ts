/**
 * Imported first by `selftest.ts`: the kiosk's logger writes to standard output, where the
 * self-test's JSON report goes, so it stays silent unless MADOGUCHI_LOG_LEVEL asks otherwise.
 */
process.env.MADOGUCHI_LOG_LEVEL ??= 'silent';
