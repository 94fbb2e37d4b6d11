// The node arguments the BFF runs with: in production (`npm start`, bff/scripts/start.mjs) and in the benchmark (bench/http.ts).

/**
 * - `--enable-source-maps`: stack traces in logs name the TypeScript sources.
 * - `--max-semi-space-size=4`: V8's young generation is at most 2 × 4 MB instead of 2 × 16 MB. A request's
 *   garbage is small (JSON of a page, a few rows), so the larger nursery bought nothing measurable and cost
 *   every process ~24 MB of resident memory (bench/README.md, "Memory").
 */
export const SERVER_NODE_ARGS = ['--enable-source-maps', '--max-semi-space-size=4']
