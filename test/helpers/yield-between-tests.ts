import { afterEach } from 'vitest';

// A test made of synchronous calls (spawnSync of the CLI) never lets its worker's event loop turn, and vitest's
// runner moves to the next test through promises alone. Replies to the worker's RPC calls then sit unread; on a
// loaded machine a file can stay synchronous for over 60 s, and the RPC timeout fires before the reply is read
// ("Timeout calling onTaskUpdate": every test passes, the run exits 1). One event-loop turn after each test reads them.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
