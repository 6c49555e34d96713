export * from '../../src/providers/testing/fake-openai-server.js';
