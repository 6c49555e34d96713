import type { CodeFacts } from './code.js';
import { isSpace } from './match-at.js';
import { WordGates, type PatternGate } from './word-gate.js';
import { AUTH_WORDS, LOCK_WORDS, identifierPhrase } from './words.js';

/**
 * A lexical scan of source code (no syntax tree): the same facts as analyzeCode, approximated from tokens and
 * lines. It serves the languages the JS/TS parser cannot read (Python, Go, Java, Kotlin, C#, Ruby, Rust,
 * PHP, ...), JS/TS files whose syntax errors the parser cannot recover from, and large JS/TS files, where the
 * parse costs more than a routing decision may (a 400-line file takes ~2-3 ms to parse; this scan well under
 * 1 ms). Counts are approximate by design: the router needs the order of magnitude (a dozen branches or a
 * hundred, async or not, a lock or none), not a compiler's precision.
 */
type Lang = 'js' | 'python' | 'go' | 'jvm' | 'csharp' | 'ruby' | 'rust' | 'php' | 'c';

const LANG_BY_EXT: Record<string, Lang> = {
  js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'js', mts: 'js', cts: 'js', tsx: 'js',
  py: 'python', go: 'go', java: 'jvm', kt: 'jvm', kts: 'jvm', scala: 'jvm', groovy: 'jvm', cs: 'csharp',
  rb: 'ruby', rs: 'rust', php: 'php', c: 'c', h: 'c', cc: 'c', cpp: 'c', hpp: 'c', swift: 'c',
};

const SOURCE_EXT = /\.([a-z]+)$/i;
export function languageOf(path: string): Lang | undefined {
  const m = SOURCE_EXT.exec(path);
  return m ? LANG_BY_EXT[m[1].toLowerCase()] : undefined;
}

const HASH_COMMENTS = new Set<Lang>(['python', 'ruby']);
const BRANCH: Record<Lang, RegExp> = {
  js: /\b(if|for|while|case|catch)\b|(?<!\?)\?(?![.?:])/g,
  python: /\b(if|elif|for|while|except|case)\b|\bif\b.*\belse\b/g,
  go: /\b(if|for|case|select)\b/g,
  jvm: /\b(if|for|while|case|catch|when)\b|\?(?![.:?])/g,
  csharp: /\b(if|for|foreach|while|case|catch)\b|\?(?![.?:[])/g,
  ruby: /\b(if|elsif|unless|while|until|when|rescue)\b/g,
  rust: /\b(if|for|while|loop|match)\b|=>/g,
  php: /\b(if|elseif|for|foreach|while|case|catch)\b|\?(?![->?:])/g,
  c: /\b(if|for|while|case|catch)\b|\?(?![.?:])/g,
};
const LOGICAL: Record<Lang, RegExp> = {
  js: /&&|\|\||\?\?/g, python: /\b(and|or)\b/g, go: /&&|\|\|/g, jvm: /&&|\|\|/g, csharp: /&&|\|\||\?\?/g,
  ruby: /&&|\|\||\b(and|or)\b/g, rust: /&&|\|\|/g, php: /&&|\|\||\?\?/g, c: /&&|\|\|/g,
};
const FUNCTION_START: Record<Lang, RegExp> = {
  js: /\bfunction\b|=>|^\s*(?:public |private |protected |static |async |get |set )*[A-Za-z_$][\w$]*\s*\([^)]*\)\s*(?::\s*[^{]+)?\{\s*$/,
  python: /^\s*(async\s+)?def\s/,
  go: /^\s*func\b|\bfunc\s*\(/,
  jvm: /^\s*(?:@\w+\s+)*(?:(?:public|private|protected|internal|static|final|override|suspend|synchronized|abstract|open)\s+)*(?:fun\s+\w+|[\w<>[\],\s]+\s+\w+)\s*\([^;]*\)\s*(?:throws [\w, ]+)?\s*(?::\s*[\w<>?]+\s*)?[{=]/,
  csharp: /^\s*(?:(?:public|private|protected|internal|static|async|override|virtual)\s+)+[\w<>[\],\s]+\s+\w+\s*\([^;]*\)\s*\{?\s*$/,
  ruby: /^\s*def\s/,
  rust: /^\s*(pub\s+)?(async\s+)?fn\s/,
  php: /\bfunction\b/,
  c: /^\s*[\w*&<>:\s]+\s+\**\w+\s*\([^;]*\)\s*\{?\s*$/,
};
/** A pattern over the code and the index of its gate: the words every match needs (see word-gate.ts). */
export interface Gated {
  re: RegExp;
  gate: number;
}
const GATED: Array<Gated & { when: PatternGate }> = [];
function gated(re: RegExp, when: PatternGate): Gated {
  const g = { re, gate: GATED.length };
  GATED.push({ ...g, when });
  return g;
}

const ASYNC = gated(/\basync\b|\bawait\b|\bgo\s+(func\b|\w+\()|\bchan\b|\bCompletableFuture\b|\bExecutorService\b|\bnew Thread\b|\bThread\(|\bRunnable\b|\bsuspend fun\b|\blaunch\s*\{|\bTask\.Run\b|\btokio::|\bthreading\b|\bconcurrent\.futures\b|\bgoroutine/, {
  exact: ['async', 'await', 'go', 'chan', 'CompletableFuture', 'ExecutorService', 'Thread', 'Runnable', 'suspend', 'launch', 'Task', 'tokio', 'threading', 'concurrent'],
  prefix: ['goroutine'],
});
const LOCKS = gated(/\b(sync\.(RW)?Mutex|Mutex|RWMutex|RwLock|Semaphore|synchronized|ReentrantLock|ReadWriteLock|threading\.(R?Lock|Condition|Semaphore)|asyncio\.(Lock|Condition|Semaphore)|WaitGroup|CountDownLatch|Monitor\.Enter|lock\s*\(|Condition\(\))/g, {
  exact: ['sync', 'threading', 'asyncio', 'Monitor', 'lock', 'Condition'],
  prefix: ['Mutex', 'RWMutex', 'RwLock', 'Semaphore', 'synchronized', 'ReentrantLock', 'ReadWriteLock', 'WaitGroup', 'CountDownLatch'],
});
const ATOMICS = gated(/\bAtomics\.|\bSharedArrayBuffer\b|\bAtomic(Integer|Long|Reference|Boolean)\b|\batomic\.(Add|Load|Store|CompareAndSwap)|\bstd::atomic\b|\bInterlocked\./, [
  { exact: ['Atomics', 'SharedArrayBuffer', 'AtomicInteger', 'AtomicLong', 'AtomicReference', 'AtomicBoolean', 'Interlocked'] },
  { exact: ['atomic'], with: { prefix: ['Add', 'Load', 'Store', 'CompareAndSwap'] } },
  { exact: ['std'], with: { exact: ['atomic'] } },
]);
const TIMERS = gated(/\b(setTimeout|setInterval|setImmediate|queueMicrotask|time\.sleep|asyncio\.sleep|time\.After|time\.NewTimer|time\.Sleep|Thread\.sleep|Task\.Delay|delay\()\b/g, [
  { exact: ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'delay'] },
  { exact: ['time'], with: { exact: ['sleep', 'After', 'NewTimer', 'Sleep'] } },
  { exact: ['asyncio', 'Thread'], with: { exact: ['sleep'] } },
  { exact: ['Task'], with: { exact: ['Delay'] } },
]);
const COMBINATORS = gated(/\bPromise\.(all|allSettled|race|any)\b|\basyncio\.(gather|wait|as_completed)\b|\berrgroup\b|\bCompletableFuture\.(allOf|anyOf)\b|\bTask\.(WhenAll|WhenAny)\b/g, [
  { exact: ['Promise'], with: { exact: ['all', 'allSettled', 'race', 'any'] } },
  { exact: ['asyncio'], with: { exact: ['gather', 'wait', 'as_completed'] } },
  { exact: ['errgroup'] },
  { exact: ['CompletableFuture'], with: { exact: ['allOf', 'anyOf'] } },
  { exact: ['Task'], with: { exact: ['WhenAll', 'WhenAny'] } },
]);
const IO: Array<[string, Gated]> = [
  ['filesystem', gated(/\b(fs|fsp)\.\w+|\bnode:fs\b|\bopen\(|\bos\.(Open|Create|ReadFile|WriteFile)\b|\bFiles\.\w+|\bFileInputStream\b|\bFile\.(read|write|open)/, [
    { exact: ['fs', 'fsp', 'open', 'Files', 'FileInputStream'] },
    { exact: ['os'], with: { exact: ['Open', 'Create', 'ReadFile', 'WriteFile'] } },
    { exact: ['File'], with: { prefix: ['read', 'write', 'open'] } },
  ])],
  ['http', gated(/\bfetch\(|\baxios\b|\brequests\.(get|post|put|delete|Session)\b|\bnet\/http\b|\bhttp\.(Get|Post|NewRequest|Client|HandleFunc|ResponseWriter)\b|\bHttpClient\b|\bRestTemplate\b|\bWebClient\b|\bhttpx\b|\burllib\b|\bexpress\b|\bfastify\b/, [
    { exact: ['fetch', 'axios', 'HttpClient', 'RestTemplate', 'WebClient', 'httpx', 'urllib', 'express', 'fastify'] },
    { exact: ['requests'], with: { exact: ['get', 'post', 'put', 'delete', 'Session'] } },
    { exact: ['net'], with: { exact: ['http'] } },
    { exact: ['http'], with: { exact: ['Get', 'Post', 'NewRequest', 'Client', 'HandleFunc', 'ResponseWriter'] } },
  ])],
  ['database', gated(/\b(db|pool|client|conn|tx|knex|prisma|repo)\.(query|execute|one|none|many|tx|transaction|findOne|findMany|insert|update)\b|\bdatabase\/sql\b|\bjdbc\b|\bJdbcTemplate\b|\bEntityManager\b|\bpsycopg\d?\b|\bsqlalchemy\b|\bcursor\(\)|\bsqlite3\b/, [
    {
      exact: ['db', 'pool', 'client', 'conn', 'tx', 'knex', 'prisma', 'repo'],
      with: { exact: ['query', 'execute', 'one', 'none', 'many', 'tx', 'transaction', 'findOne', 'findMany', 'insert', 'update'] },
    },
    { exact: ['database'], with: { exact: ['sql'] } },
    { exact: ['jdbc', 'JdbcTemplate', 'EntityManager', 'sqlalchemy', 'cursor', 'sqlite3'], prefix: ['psycopg'] },
  ])],
  ['cache', gated(/\bredis\b|\bioredis\b|\bmemcache/i, { exact: ['redis', 'ioredis'], prefix: ['memcache'], ignoreCase: true })],
  ['message broker', gated(/\bkafka\w*\b|\bamqp\w*\b|\brabbitmq\b|\bsqs\b|\bnats\b|\bpubsub\b|\bbullmq\b/i, {
    exact: ['rabbitmq', 'sqs', 'nats', 'pubsub', 'bullmq'], prefix: ['kafka', 'amqp'], ignoreCase: true,
  })],
  ['network sockets', gated(/\bnet\.(connect|createServer|Dial|Listen)\b|\bsocket\b|\bWebSocket\b|\btls\.\w+/, [
    { exact: ['net'], with: { exact: ['connect', 'createServer', 'Dial', 'Listen'] } },
    { exact: ['socket', 'WebSocket', 'tls'] },
  ])],
  ['processes', gated(/\bchild_process\b|\bsubprocess\b|\bexec\.Command\b|\bProcessBuilder\b/, [{ exact: ['child_process', 'subprocess', 'ProcessBuilder'] }, { exact: ['exec'], with: { exact: ['Command'] } }])],
];
const HTTP_HANDLER = gated(/\b(app|router|server|fastify|api|r)\.(get|post|put|patch|delete|route|all)\(\s*['"`]|\bhttp\.HandleFunc\b|\bhttp\.HandlerFunc\b|\bResponseWriter\b|@(Get|Post|Put|Delete|Patch|Request)Mapping\b|@app\.(route|get|post)\b|\[Http(Get|Post|Put|Delete)\]/g, [
  { exact: ['app', 'router', 'server', 'fastify', 'api', 'r'], with: { exact: ['get', 'post', 'put', 'patch', 'delete', 'route', 'all'] } },
  { exact: ['http'], with: { exact: ['HandleFunc', 'HandlerFunc'] } },
  { exact: ['ResponseWriter', 'GetMapping', 'PostMapping', 'PutMapping', 'DeleteMapping', 'PatchMapping', 'RequestMapping', 'HttpGet', 'HttpPost', 'HttpPut', 'HttpDelete'] },
]);
const CRYPTO = gated(/\b(createHash|createHmac|createCipheriv|createDecipheriv|randomBytes|timingSafeEqual|pbkdf2\w*|scrypt\w*|hashlib\.\w+|hmac\.\w+|bcrypt\.\w+|argon2\.\w+|jwt\.(sign|verify|decode|encode)|jsonwebtoken|MessageDigest|Cipher\.getInstance|SecretKeySpec|crypto\/\w+|subtle\.\w+|secrets\.token_\w+)\b/g, [
  {
    exact: ['createHash', 'createHmac', 'createCipheriv', 'createDecipheriv', 'randomBytes', 'timingSafeEqual', 'hashlib', 'hmac', 'bcrypt', 'argon2', 'jsonwebtoken', 'MessageDigest', 'SecretKeySpec', 'crypto', 'subtle'],
    prefix: ['pbkdf2', 'scrypt'],
  },
  { exact: ['jwt'], with: { exact: ['sign', 'verify', 'decode', 'encode'] } },
  { exact: ['Cipher'], with: { exact: ['getInstance'] } },
  { exact: ['secrets'], with: { prefix: ['token_'] } },
]);
/** Every WEAK_HASH match names md4, md5 or sha1: a file without them skips the case-insensitive pattern. */
const WEAK_HASH_NAME = /md[45]|sha1/i;
const WEAK_HASH = /\b(createHash|hashlib\.new|MessageDigest\.getInstance)\(\s*['"](md5|sha1|md4)['"]|\bhashlib\.(md5|sha1)\b|\bmd5\.(New|Sum)\b|\bsha1\.(New|Sum)\b/gi;
const SINKS: Array<[string, Gated]> = [
  ['eval', gated(/\beval\(/, { exact: ['eval'] })],
  ['exec', gated(/\b(exec|execSync|execFile|spawn)\(|\bos\.system\(|\bsubprocess\.\w+\(|\bRuntime\.getRuntime\(\)\.exec|\bexec\.Command\(/, [
    { exact: ['exec', 'execSync', 'execFile', 'spawn', 'subprocess'] },
    { exact: ['os'], with: { exact: ['system'] } },
    { exact: ['Runtime'], with: { exact: ['getRuntime'] } },
  ])],
  ['new Function', gated(/\bnew Function\(/, { exact: ['Function'] })],
  ['unsafe deserialisation', gated(/\bpickle\.loads?\(|\byaml\.load\((?![^)]*Loader=yaml\.SafeLoader)|\bObjectInputStream\b|\bunserialize\(/, [
    { exact: ['pickle'], with: { exact: ['load', 'loads'] } },
    { exact: ['yaml'], with: { exact: ['load'] } },
    { exact: ['ObjectInputStream', 'unserialize'] },
  ])],
  ['user-controlled path', gated(/\b(path\.(join|resolve)|os\.path\.join|filepath\.Join|Paths\.get)\([^)]*\b(req(uest)?\.(params|query|body|form|files|args)|request\.\w+\[)/, { exact: ['path', 'os', 'filepath', 'Paths'], with: { exact: ['req', 'request'] } })],
];
const SQL = /\b(select\s[\s\S]*?\bfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table)\b/i;
const SQL_LOCKING = /\bfor\s+update\b|\bskip\s+locked\b|\bon\s+conflict\b|\bfor\s+share\b|pg_advisory|\bserializable\b/i;
const DATA_LINE = /^(?:[[{(]\s*)?(?:(?:['"`][^'"`]*['"`]|-?\d[\d_.]*(?:e-?\d+)?|true|false|null|None|nil|[A-Za-z_$][\w$]*)\s*(?:[:=]>?|,)\s*)*(?:['"`][^'"`]*['"`]|-?\d[\d_.]*|true|false|null|None|nil)\s*[\]})]*\s*,?\s*$/;
const PARKED = gated(/new Promise(?:<[^>]*>)?\(\s*\(?\s*(\w+)[^)]*\)?\s*=>\s*\{?[^;]*?this\.\w+(?:\.(?:push|unshift|set|add)\(\s*\1\b|\s*=\s*\1\b)/g, { exact: ['Promise'] });
const STATE_ASSIGN = gated(/\b(state|status|phase|mode)\s*=(?!=)/g, { exact: ['state', 'status', 'phase', 'mode'] });
const FIELD_WRITE = gated(/\b(?:this|self)\.(\w+)\s*(?:[+\-*/]?=(?!=)|\+\+|--|\.(?:push|add|set|delete|pop|shift|append|remove|clear)\()/g, { exact: ['this', 'self'] });
const MODULE_LET = gated(/^let\s+(\w+)/gm, { exact: ['let'] });
const PY_GLOBAL = gated(/^\s+global\s+(\w+)/gm, { exact: ['global'] });
const CASE = gated(/\bcase\b/g, { exact: ['case'] });
const SWITCH = gated(/\bswitch\b|\bmatch\b|\bwhen\s*\(/g, { exact: ['switch', 'match', 'when'] });
const CLASS = gated(/\b(class|struct|interface|trait|impl)\s+\w+/g, { exact: ['class', 'struct', 'interface', 'trait', 'impl'] });
const FUNCTION_WORD = gated(/\bfunction\b/g, { exact: ['function'] });
const ASYNC_FUNCTION = gated(/\basync\s+(def|fn|function|\w+\s*\()|\basync\s*\(|\bgo\s+(func|\w+\()|\bsuspend fun\b/g, { exact: ['async', 'go', 'suspend'] });
const AWAIT = /\bawait\b|<-\s*\w+|\.get\(\)|\.join\(\)/g;
const NEW_PROMISE = gated(/\bnew Promise\b/g, { exact: ['Promise'], with: { exact: ['new'] } });
const TRY_CATCH = gated(/\b(catch|except|rescue)\b/g, { exact: ['catch', 'except', 'rescue'] });
const WORD_GATES = new WordGates(GATED.map((g) => g.when));

/** The gated patterns and the gates a text opens (for the test that every match has its gate open). */
export const gatedPatterns: readonly Gated[] = GATED;
export function openGates(text: string): Uint8Array {
  return WORD_GATES.open(distinctIdentifiers(text));
}

const INTERPOLATION = /\$\{|\{\w+\}|%s|%d/;

/** The text with every character but newlines turned into a space (a blanked block comment keeps its lines). */
function spacesKeepingNewlines(text: string): string {
  if (!text.includes('\n')) return ' '.repeat(text.length);
  return text.split('\n').map((l) => ' '.repeat(l.length)).join('\n');
}

const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

type StringLiteral = { text: string; interpolated: boolean };

/**
 * Strings blanked to underscores (same length), then block comments to spaces (newlines kept), then line comments
 * removed: what `replace(STRING, ...)` (see stringEnd), `replace(/\/\*[\s\S]*?\*\//g, ...)` and `replace(/\/\/.*$/gm, '')` give
 * (`#` comments for Python and Ruby). A file whose characters all fit in one byte (nearly all source) is blanked
 * in a reused byte buffer and decoded once; others go through string pieces.
 */
function blankStringsAndComments(content: string, lang: Lang): { code: string; strings: StringLiteral[] } {
  return NOT_LATIN1.test(content) ? blankInPieces(content, lang) : blankInBytes(content, lang);
}

const NOT_LATIN1 = /[\u0100-\uffff]/;

/**
 * Calls `blank(open, close)` for each string literal STRING matches, left to right, and collects the bodies longer
 * than two characters. The next quote of each kind is found with indexOf (native), not a character loop.
 */
function eachString(content: string, strings: StringLiteral[], blank: (open: number, close: number) => void): void {
  const n = content.length;
  const quotes = [new NextOf(content, '`'), new NextOf(content, '"'), new NextOf(content, "'")];
  for (let i = 0; i < n; i++) {
    let next = -1;
    for (const q of quotes) {
      const at = q.from(i);
      if (at !== -1 && (next === -1 || at < next)) next = at;
    }
    if (next === -1) break;
    i = next;
    const q = content.charCodeAt(i);
    const end = stringEnd(content, i, q);
    if (end === -1) continue;
    if (end - i - 1 > 2) {
      const body = content.slice(i + 1, end);
      strings.push({ text: body, interpolated: INTERPOLATION.test(body) || (q === 96 && body.includes('${')) });
    }
    blank(i, end);
    i = end;
  }
}

/**
 * The byte-buffer form: every step edits one buffer in place (fill, copyWithin), so a scan allocates the result
 * string and little else; the string pieces and joins it replaced were about a third of a decision's garbage.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
const SCRATCH_MAX = 1024 * 1024;

function blankInBytes(content: string, lang: Lang): { code: string; strings: StringLiteral[] } {
  const n = content.length;
  if (n > scratch.length && n <= SCRATCH_MAX) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_MAX, Math.max(n, scratch.length * 2)));
  const buf = (n <= scratch.length ? scratch : Buffer.allocUnsafe(n)).subarray(0, n);
  buf.write(content, 0, n, 'latin1');
  const strings: StringLiteral[] = [];
  eachString(content, strings, (open, close) => {
    // Most literals are short, and a loop beats a native fill call for them.
    if (close - open > 64) buf.fill(95, open + 1, close);
    else for (let k = open + 1; k < close; k++) buf[k] = 95;
  });
  if (HASH_COMMENTS.has(lang)) return { code: buf.toString('latin1', 0, removeLineCommentBytes(buf, '#')), strings };
  for (let at = buf.indexOf('/*'); at !== -1; ) {
    const close = buf.indexOf('*/', at + 2);
    if (close === -1) break;
    for (let k = at; k < close + 2; k++) if (buf[k] !== 10) buf[k] = 32;
    at = buf.indexOf('/*', close + 2);
  }
  return { code: buf.toString('latin1', 0, removeLineCommentBytes(buf, '//')), strings };
}

/** removeLineComments on a latin-1 buffer, compacting it in place; returns the new length. */
function removeLineCommentBytes(buf: Buffer, marker: string): number {
  const n = buf.length;
  let at = buf.indexOf(marker);
  if (at === -1) return n;
  let w = 0;
  let last = 0;
  while (at !== -1) {
    let end = at + marker.length;
    while (end < n && buf[end] !== 10 && buf[end] !== 13) end++;
    buf.copyWithin(w, last, at);
    w += at - last;
    last = end;
    at = buf.indexOf(marker, end);
  }
  buf.copyWithin(w, last, n);
  return w + n - last;
}

/** The string-pieces form, for text with characters beyond latin-1. */
function blankInPieces(content: string, lang: Lang): { code: string; strings: StringLiteral[] } {
  const strings: StringLiteral[] = [];
  const pieces: string[] = [];
  let last = 0;
  eachString(content, strings, (open, close) => {
    pieces.push(content.slice(last, open + 1), underscores(close - open - 1));
    last = close;
  });
  let code = content;
  if (pieces.length) {
    pieces.push(content.slice(last));
    code = pieces.join('');
  }
  if (HASH_COMMENTS.has(lang)) return { code: removeLineComments(code, '#'), strings };
  let at = code.indexOf('/*');
  if (at !== -1) {
    const out: string[] = [];
    let last = 0;
    while (at !== -1) {
      const close = code.indexOf('*/', at + 2);
      if (close === -1) break;
      out.push(code.slice(last, at), spacesKeepingNewlines(code.slice(at, close + 2)));
      last = close + 2;
      at = code.indexOf('/*', last);
    }
    out.push(code.slice(last));
    code = out.join('');
  }
  return { code: removeLineComments(code, '//'), strings };
}

/**
 * Where the string literal opening at `open` (quote character `q`) closes, or -1 when no string matches there.
 * This is STRING = /`(?:\\[\s\S]|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g tried at one position: a
 * template runs to the first unescaped backtick; a quoted string to the first unescaped quote before a newline
 * (an escape needs a following character that is not a line terminator).
 */
function stringEnd(text: string, open: number, q: number): number {
  const n = text.length;
  let j = open + 1;
  if (q === 96) {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 96) return j;
      if (c === 92) {
        if (j + 1 >= n) return -1;
        j += 2;
      } else j++;
    }
    return -1;
  }
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === q) return j;
    if (c === 10) return -1;
    if (c === 92) {
      if (j + 1 >= n || isLineTerminator(text.charCodeAt(j + 1))) return -1;
      j += 2;
    } else j++;
  }
  return -1;
}

const UNDERSCORES = '_'.repeat(256);
const underscores = (k: number) => (k <= UNDERSCORES.length ? UNDERSCORES.slice(0, k) : '_'.repeat(k));

/**
 * Removes each `marker` up to (not including) the end of its line, as `replace(/marker.*$/gm, '')` does. The
 * result is joined from an array so that it is one flat string: the passes after this read it char by char.
 */
function removeLineComments(text: string, marker: string): string {
  let at = text.indexOf(marker);
  if (at === -1) return text;
  const out: string[] = [];
  let last = 0;
  const n = text.length;
  while (at !== -1) {
    let end = at + marker.length;
    while (end < n && !isLineTerminator(text.charCodeAt(end))) end++;
    out.push(text.slice(last, at));
    last = end;
    at = text.indexOf(marker, end);
  }
  out.push(text.slice(last));
  return out.join('');
}

/**
 * Number of matches of a global pattern that cannot match the empty string, as `text.match(re).length`: `test`
 * advances lastIndex without building a match object, so a count allocates nothing.
 */
function countMatches(re: RegExp, text: string): number {
  if (!re.global) throw new Error(`countMatches needs a global pattern: ${re}`);
  re.lastIndex = 0;
  let n = 0;
  for (let at = 0; re.test(text); at = re.lastIndex) {
    if (re.lastIndex === at) throw new Error(`countMatches: ${re} matched the empty string`);
    n++;
  }
  return n;
}

/** End offsets of a global pattern's matches, in order (for a pattern that cannot match the empty string). */
function matchEnds(re: RegExp, text: string): number[] {
  if (!re.global) throw new Error(`matchEnds needs a global pattern: ${re}`);
  re.lastIndex = 0;
  const ends: number[] = [];
  for (let at = 0; re.test(text); at = re.lastIndex) {
    if (re.lastIndex === at) throw new Error(`matchEnds: ${re} matched the empty string`);
    ends.push(re.lastIndex);
  }
  return ends;
}

/** 1 where a code unit may start an identifier ([A-Za-z_$]), 2 where it may only continue one ([0-9]). */
const IDENT_CHAR = new Uint8Array(128).map((_, c) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 ? 1 : c >= 48 && c <= 57 ? 2 : 0,
);

/**
 * Open-addressing table of identifiers, reused by every scan: slot -> index + 1 into the scan's list (0 empty),
 * and the identifier's two hashes and length.
 */
let slots = new Int32Array(8192);
let slotHash = new Int32Array(8192);
let slotHash2 = new Int32Array(8192);
let slotLength = new Int32Array(8192);

/**
 * The distinct identifiers ([A-Za-z_$][\w$]*) in order of first occurrence, in one pass over the text. A repeated
 * identifier is recognised by two independent 32-bit hashes of its characters and its length (no comparison, no
 * string, no Map): two different identifiers of one file agreeing on all three is a 1-in-2^64 event per pair.
 */
function distinctIdentifiers(code: string): string[] {
  const ids: string[] = [];
  slots.fill(0);
  let mask = slots.length - 1;
  const n = code.length;
  let i = 0;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (c >= 128 || IDENT_CHAR[c] !== 1) {
      i++;
      continue;
    }
    let h = c;
    let g = c;
    let j = i + 1;
    for (let d = code.charCodeAt(j); j < n && d < 128 && IDENT_CHAR[d] !== 0; d = code.charCodeAt(++j)) {
      h = (Math.imul(h, 31) + d) | 0;
      g = (Math.imul(g, 0x01000193) ^ d) | 0;
    }
    const length = j - i;
    let slot = (h ^ length) & mask;
    for (;;) {
      const e = slots[slot];
      if (e === 0) {
        ids.push(code.slice(i, j));
        slots[slot] = ids.length;
        slotHash[slot] = h;
        slotHash2[slot] = g;
        slotLength[slot] = length;
        if (ids.length * 2 > slots.length) mask = growSlots();
        break;
      }
      if (slotHash[slot] === h && slotHash2[slot] === g && slotLength[slot] === length) break;
      slot = (slot + 1) & mask;
    }
    i = j;
  }
  return ids;
}

/** Doubles the identifier table, moving every entry; returns the new mask. */
function growSlots(): number {
  const [oldSlots, oldHash, oldHash2, oldLength] = [slots, slotHash, slotHash2, slotLength];
  const size = oldSlots.length * 2;
  [slots, slotHash, slotHash2, slotLength] = [new Int32Array(size), new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  const mask = size - 1;
  for (let k = 0; k < oldSlots.length; k++) {
    if (oldSlots[k] === 0) continue;
    let slot = (oldHash[k] ^ oldLength[k]) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = oldSlots[k];
    slotHash[slot] = oldHash[k];
    slotHash2[slot] = oldHash2[k];
    slotLength[slot] = oldLength[k];
  }
  return mask;
}

/** Whether text[from, to) is empty or whitespace only (what `!line.trim()` says, without the copy). */
function isBlankIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    return c < 128 ? false : !text.slice(from, to).trim();
  }
  return true;
}

/** Whether text[from, to) ends with `{` and whitespace (the end of the js FUNCTION_START pattern's third branch). */
function endsWithBrace(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    return c < 128 ? c === 123 : text.slice(from, to).trimEnd().endsWith('{');
  }
  return false;
}

/** Width of a line's leading whitespace, a tab counting 4 (Python and Ruby nesting). */
function indentWidth(text: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) break;
    w += c === 9 ? 4 : 1;
  }
  return w;
}

/** The next occurrence of a literal at or after a position, found with indexOf and remembered (lines go forward). */
class NextOf {
  private at = -2;
  constructor(
    private readonly text: string,
    private readonly literal: string,
  ) {}

  from(p: number): number {
    if (this.at === -2 || (this.at !== -1 && this.at < p)) this.at = this.text.indexOf(this.literal, p);
    return this.at;
  }

  within(from: number, to: number): boolean {
    const at = this.from(from);
    return at !== -1 && at < to;
  }
}

/** The phrases of the distinct identifiers longer than one character (at most 4000), as identifierPhrase gives them. */
function identifierPhrases(identifiers: readonly string[]): Set<string> {
  const phrases = new Set<string>();
  for (const id of identifiers) {
    if (phrases.size >= 4000) break;
    if (id.length > 1) phrases.add(identifierPhrase(id));
  }
  return phrases;
}

interface Marks {
  auth: readonly string[];
  lock: readonly string[];
}
const NONE: Marks = { auth: [], lock: [] };
const marksMemo = new Map<string, Marks>();

/** The words of a phrase that name authentication or a lock primitive, in order (memoised like identifierPhrase). */
function markedWords(phrase: string): Marks {
  let marks = marksMemo.get(phrase);
  if (marks) return marks;
  const words = phrase.split(' ');
  const auth = words.filter((w) => AUTH_WORDS.has(w));
  const lock = words.filter((w) => LOCK_WORDS.has(w));
  marks = auth.length || lock.length ? { auth, lock } : NONE;
  if (marksMemo.size > 50_000) marksMemo.clear();
  if (phrase.length <= 64) marksMemo.set(phrase, marks);
  return marks;
}

const IMPORT_LINE = /^\s*(import|from|require|use|using|#include)\b|require\(/;

/**
 * The raw text's line count, and the lines IMPORT_LINE matches joined with newlines, in one walk. A line is
 * tested only when its first non-space character can start a keyword (i f r u #, or a non-ASCII character
 * IMPORT_LINE's \s may skip) or it calls require.
 */
function rawLines(content: string): { count: number; importLines: string } {
  const out: string[] = [];
  let count = 0;
  const requireCall = new NextOf(content, 'require(');
  for (let start = 0; start <= content.length; ) {
    let end = content.indexOf('\n', start);
    if (end === -1) end = content.length;
    const from = start;
    start = end + 1;
    count++;
    let first = -1;
    for (let i = from; i < end; i++) {
      const c = content.charCodeAt(i);
      if (c === 32 || (c >= 9 && c <= 13)) continue;
      first = c;
      break;
    }
    const keyword = first === 105 || first === 102 || first === 114 || first === 117 || first === 35 || first >= 128;
    if (!keyword && !requireCall.within(from, end)) continue;
    const line = content.slice(from, end);
    if (IMPORT_LINE.test(line)) out.push(line);
  }
  return { count, importLines: out.join('\n') };
}

export function scanCode(path: string, content: string): CodeFacts {
  const lang = languageOf(path) ?? 'c';
  const { code, strings } = blankStringsAndComments(content, lang);
  const identifiers = distinctIdentifiers(code);
  const open = WORD_GATES.open(identifiers);
  const test = (g: Gated) => open[g.gate] === 1 && g.re.test(code);
  const countOf = (g: Gated) => (open[g.gate] === 1 ? countMatches(g.re, code) : 0);
  const all = (g: Gated) => (open[g.gate] === 1 ? [...code.matchAll(g.re)] : []);
  let logicLines = 0;
  let functions = 0;
  let cyclomatic = 0;
  let fnCc = 0;
  let maxFnCc = 0;
  let depth = 0;
  let maxDepth = 0;
  let inFn = false;
  const fnStart = FUNCTION_START[lang];
  const isJs = lang === 'js';
  const isPython = lang === 'python' || lang === 'ruby';
  // Branches are found in one pass over the code and counted on the line they end in (no branch pattern spans
  // lines, so that is the line they start in).
  const branchEnd = matchEnds(BRANCH[lang], code);
  let nextBranch = 0;
  // Lines are walked by offset, not split: code line i against raw line i (as split('\n') would pair them).
  const paren = new NextOf(code, '(');
  const openBrace = new NextOf(code, '{');
  const closeBrace = new NextOf(code, '}');
  const fnWord = new NextOf(code, 'function');
  const arrow = new NextOf(code, '=>');
  let rawStart = 0;
  for (let start = 0; start <= code.length; ) {
    let end = code.indexOf('\n', start);
    if (end === -1) end = code.length;
    let rawEnd = content.indexOf('\n', rawStart);
    if (rawEnd === -1) rawEnd = content.length;
    const lineStart = start;
    const raw = rawStart;
    start = end + 1;
    rawStart = rawEnd + 1;
    if (isBlankIn(code, lineStart, end)) continue;
    // Constant data (table rows, literal lists) is not logic; the raw line decides, strings intact.
    if (!paren.within(lineStart, end) && DATA_LINE.test(content.slice(raw, rawEnd).trim())) continue;
    logicLines++;
    const mayStart = !isJs || fnWord.within(lineStart, end) || arrow.within(lineStart, end) || endsWithBrace(code, lineStart, end);
    if (mayStart && fnStart.test(code.slice(lineStart, end))) {
      functions++;
      if (inFn) maxFnCc = Math.max(maxFnCc, fnCc);
      fnCc = 1;
      inFn = true;
    }
    while (nextBranch < branchEnd.length && branchEnd[nextBranch] <= lineStart) nextBranch++;
    let b = 0;
    while (nextBranch < branchEnd.length && branchEnd[nextBranch] <= end) {
      b++;
      nextBranch++;
    }
    cyclomatic += b;
    fnCc += b;
    if (isPython) {
      maxDepth = Math.max(maxDepth, Math.floor(indentWidth(content, raw, rawEnd) / 4));
    } else {
      let o = openBrace.from(lineStart);
      let c = closeBrace.from(lineStart);
      while ((o !== -1 && o < end) || (c !== -1 && c < end)) {
        if (c === -1 || c >= end || (o !== -1 && o < c)) {
          maxDepth = Math.max(maxDepth, ++depth);
          o = openBrace.from(o + 1);
        } else {
          depth = Math.max(0, depth - 1);
          c = closeBrace.from(c + 1);
        }
      }
    }
  }
  if (inFn) maxFnCc = Math.max(maxFnCc, fnCc);
  cyclomatic += Math.max(1, functions);

  const stringText = strings.map((s) => s.text).join('\n');
  const io = IO.filter(([, g]) => test(g) || g.re.test(stringText)).map(([n]) => n);
  // Imports are strings: look at import lines in the raw text too.
  const rawFacts = rawLines(content);
  const importLines = rawFacts.importLines;
  for (const [n, g] of IO) if (!io.includes(n) && g.re.test(importLines)) io.push(n);
  const crypto = [...new Set(all(CRYPTO).map((m) => m[0]))];
  if (/\b(crypto|jsonwebtoken|jose|bcrypt\w*|argon2|hashlib|hmac|javax\.crypto|crypto\/\w+)\b/.test(importLines)) crypto.push('imports crypto');
  const weakHashes = !WEAK_HASH_NAME.test(content) ? [] : [...new Set([...content.matchAll(WEAK_HASH)].map((m) => (m[2] ?? m[3] ?? m[4] ?? 'md5').toLowerCase()))];
  const sinks = SINKS.filter(([, g]) => test(g)).map(([n]) => n);
  let sqlStatements = 0;
  let interpolated = false;
  let locking = false;
  for (const s of strings) {
    if (!SQL.test(s.text)) continue;
    sqlStatements++;
    if (s.interpolated) interpolated = true;
    if (SQL_LOCKING.test(s.text)) locking = true;
  }
  const phrases = identifierPhrases(identifiers);
  for (const s of strings) if (phrases.size < 4000) phrases.add(identifierPhrase(s.text.slice(0, 200)));
  const auth = new Set<string>();
  const locks = new Set<string>();
  for (const ph of phrases) {
    const marks = markedWords(ph);
    if (marks === NONE) continue;
    for (const w of marks.auth) auth.add(w);
    for (const w of marks.lock) locks.add(w);
  }
  for (const m of all(LOCKS)) locks.add(m[0].replace(/\s*\($/, ''));
  const atomics = test(ATOMICS);
  // Outside JS a lock or atomic means threads: concurrency, even with no async keyword in sight.
  const async = test(ASYNC) || (lang !== 'js' && (locks.size > 0 || atomics));
  const fields = [...new Set(all(FIELD_WRITE).map((m) => m[1]))];
  const moduleLets = isJs ? all(MODULE_LET).map((m) => m[1]).filter((n) => new RegExp(`^\\s+.*\\b${n}\\s*(=(?!=)|\\+\\+|--|\\+=|-=)`, 'm').test(code)) : [];
  if (lang === 'python') for (const m of all(PY_GLOBAL)) moduleLets.push(m[1]);
  const cases = countOf(CASE);
  const switches = countOf(SWITCH);
  const rel = [...content.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|require\(\s*['"](\.{1,2}\/[^'"]+)['"]|^from\s+(\.+\w*)\s+import/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  const imports = [...content.matchAll(/\bfrom\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]|^import\s+(?!type\b)([\w.]+)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  return {
    path,
    lines: rawFacts.count,
    logicLines,
    functions,
    classes: countOf(CLASS),
    methods: Math.max(0, functions - countOf(FUNCTION_WORD)),
    mutatedFields: fields,
    cyclomatic,
    maxFunctionCyclomatic: Math.max(maxFnCc, functions ? 1 : 0),
    logicalOperators: countMatches(LOGICAL[lang], code),
    maxNesting: Math.max(0, maxDepth - (lang === 'jvm' || lang === 'csharp' ? 1 : 0)),
    asyncFunctions: async ? Math.max(1, countOf(ASYNC_FUNCTION)) : 0,
    awaits: async ? countMatches(AWAIT, code) : 0,
    promiseCombinators: [...new Set(all(COMBINATORS).map((m) => m[0]))],
    promiseConstructions: countOf(NEW_PROMISE),
    parkedResolvers: countOf(PARKED),
    timers: countOf(TIMERS),
    tryCatches: countOf(TRY_CATCH),
    floatingAsyncInLoop: 0,
    sharedModuleLets: moduleLets,
    fieldsMutatedInAsync: async ? fields : [],
    lockPrimitives: [...locks],
    atomics,
    io,
    httpHandlers: countOf(HTTP_HANDLER),
    crypto,
    weakHashes,
    authWords: [...auth],
    injectionSinks: sinks,
    sql: { statements: sqlStatements, interpolated, locking },
    switchMaxCases: switches ? Math.ceil(cases / switches) : 0,
    stateAssignments: countOf(STATE_ASSIGN),
    relativeImports: rel,
    imports,
    words: [...phrases].join(' '),
    parseErrors: 0,
  };
}
