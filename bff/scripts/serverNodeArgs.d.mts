// Types of serverNodeArgs.mjs for the TypeScript that imports it (the benchmark).
export declare const SERVER_NODE_ARGS: readonly string[]
