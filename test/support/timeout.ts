// Per-project test timeouts: `testTimeout` in a project config is ignored when jest runs several
// projects at once, so each project sets its own here.
jest.setTimeout(Number(process.env.GM_TEST_TIMEOUT_MS ?? 60_000))
