// Types of serverNodeArgs.mjs for the TypeScript that imports it (the benchmark).
export declare const SERVER_NODE_ARGS: readonly string[]
export declare const SERVER_ENV: Readonly<Record<string, string>>
