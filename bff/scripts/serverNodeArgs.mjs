// How the BFF process is started, in production (`npm start`, bff/scripts/start.mjs) and in the benchmark (bench/http.ts): node arguments and allocator settings.

/**
 * Measured in bench/README.md ("Memory"): together they keep a BFF under load below 200 MB resident.
 * - `--enable-source-maps`: stack traces in logs name the TypeScript sources.
 * - `--max-semi-space-size=2`: V8's young generation is at most 2 × 2 MB instead of 2 × 16 MB; a request's garbage
 *   is small (a page of JSON, a few rows), and the larger nursery cost every process ~24 MB. 2 × 2 MB against
 *   2 × 4 MB: ~8 MB less idle and in the burst, ~3% more CPU per opinion; 2 × 1 MB cost ~20% more.
 * - `--heap-growing-percent=25`: after a full collection V8 lets the old generation grow to 1.25× what is live,
 *   instead of its own factor (up to 4×), so a burst of thousands of requests or a run of writes leaves the heap
 *   near what is live. `--optimize-for-size` kept memory as low but made the 5,000-signup burst ~60% slower.
 */
export const SERVER_NODE_ARGS = ['--enable-source-maps', '--max-semi-space-size=2', '--heap-growing-percent=25']

/**
 * glibc's allocator, for the native memory (the segmenter's dictionary, buffers, TLS): at most two arenas instead of
 * eight per core, and blocks of 128 KB and more mapped and unmapped on their own rather than kept in the arenas
 * after use (glibc otherwise raises those thresholds as large blocks are freed). A setting already in the
 * environment wins.
 */
export const SERVER_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' }
