// The fake servers live in src/providers/testing so bench/streaming.mjs can use the compiled copy too.
export * from '../../src/providers/testing/fake-anthropic-server.js';
