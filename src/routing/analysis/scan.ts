import type { CodeFacts } from './code.js';
import { AUTH_WORDS, LOCK_WORDS, identifierPhrase } from './words.js';

/**
 * A lexical scan of source code (no syntax tree): the same facts as analyzeCode, approximated from tokens and
 * lines. It serves the languages the TypeScript parser cannot read (Python, Go, Java, Kotlin, C#, Ruby, Rust,
 * PHP, ...) and large JS/TS files, where the parse costs more than a routing decision may (a 400-line file
 * takes ~2-3 ms to parse; this scan well under 1 ms). Counts are approximate by design: the router needs the
 * order of magnitude (a dozen branches or a hundred, async or not, a lock or none), not a compiler's precision.
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
const ASYNC = /\basync\b|\bawait\b|\bgo\s+(func\b|\w+\()|\bchan\b|\bCompletableFuture\b|\bExecutorService\b|\bnew Thread\b|\bThread\(|\bRunnable\b|\bsuspend fun\b|\blaunch\s*\{|\bTask\.Run\b|\btokio::|\bthreading\b|\bconcurrent\.futures\b|\bgoroutine/;
const LOCKS = /\b(sync\.(RW)?Mutex|Mutex|RWMutex|RwLock|Semaphore|synchronized|ReentrantLock|ReadWriteLock|threading\.(R?Lock|Condition|Semaphore)|asyncio\.(Lock|Condition|Semaphore)|WaitGroup|CountDownLatch|Monitor\.Enter|lock\s*\(|Condition\(\))/g;
const ATOMICS = /\bAtomics\.|\bSharedArrayBuffer\b|\bAtomic(Integer|Long|Reference|Boolean)\b|\batomic\.(Add|Load|Store|CompareAndSwap)|\bstd::atomic\b|\bInterlocked\./;
const TIMERS = /\b(setTimeout|setInterval|setImmediate|queueMicrotask|time\.sleep|asyncio\.sleep|time\.After|time\.NewTimer|time\.Sleep|Thread\.sleep|Task\.Delay|delay\()\b/g;
const COMBINATORS = /\bPromise\.(all|allSettled|race|any)\b|\basyncio\.(gather|wait|as_completed)\b|\berrgroup\b|\bCompletableFuture\.(allOf|anyOf)\b|\bTask\.(WhenAll|WhenAny)\b/g;
const IO: Array<[string, RegExp]> = [
  ['filesystem', /\b(fs|fsp)\.\w+|\bnode:fs\b|\bopen\(|\bos\.(Open|Create|ReadFile|WriteFile)\b|\bFiles\.\w+|\bFileInputStream\b|\bFile\.(read|write|open)/],
  ['http', /\bfetch\(|\baxios\b|\brequests\.(get|post|put|delete|Session)\b|\bnet\/http\b|\bhttp\.(Get|Post|NewRequest|Client|HandleFunc|ResponseWriter)\b|\bHttpClient\b|\bRestTemplate\b|\bWebClient\b|\bhttpx\b|\burllib\b|\bexpress\b|\bfastify\b/],
  ['database', /\b(db|pool|client|conn|tx|knex|prisma|repo)\.(query|execute|one|none|many|tx|transaction|findOne|findMany|insert|update)\b|\bdatabase\/sql\b|\bjdbc\b|\bJdbcTemplate\b|\bEntityManager\b|\bpsycopg\d?\b|\bsqlalchemy\b|\bcursor\(\)|\bsqlite3\b/],
  ['cache', /\bredis\b|\bioredis\b|\bmemcache/i],
  ['message broker', /\bkafka\w*\b|\bamqp\w*\b|\brabbitmq\b|\bsqs\b|\bnats\b|\bpubsub\b|\bbullmq\b/i],
  ['network sockets', /\bnet\.(connect|createServer|Dial|Listen)\b|\bsocket\b|\bWebSocket\b|\btls\.\w+/],
  ['processes', /\bchild_process\b|\bsubprocess\b|\bexec\.Command\b|\bProcessBuilder\b/],
];
const HTTP_HANDLER = /\b(app|router|server|fastify|api|r)\.(get|post|put|patch|delete|route|all)\(\s*['"`]|\bhttp\.HandleFunc\b|\bhttp\.HandlerFunc\b|\bResponseWriter\b|@(Get|Post|Put|Delete|Patch|Request)Mapping\b|@app\.(route|get|post)\b|\[Http(Get|Post|Put|Delete)\]/g;
const CRYPTO = /\b(createHash|createHmac|createCipheriv|createDecipheriv|randomBytes|timingSafeEqual|pbkdf2\w*|scrypt\w*|hashlib\.\w+|hmac\.\w+|bcrypt\.\w+|argon2\.\w+|jwt\.(sign|verify|decode|encode)|jsonwebtoken|MessageDigest|Cipher\.getInstance|SecretKeySpec|crypto\/\w+|subtle\.\w+|secrets\.token_\w+)\b/g;
const WEAK_HASH = /\b(createHash|hashlib\.new|MessageDigest\.getInstance)\(\s*['"](md5|sha1|md4)['"]|\bhashlib\.(md5|sha1)\b|\bmd5\.(New|Sum)\b|\bsha1\.(New|Sum)\b/gi;
const SINKS: Array<[string, RegExp]> = [
  ['eval', /\beval\(/], ['exec', /\b(exec|execSync|execFile|spawn)\(|\bos\.system\(|\bsubprocess\.\w+\(|\bRuntime\.getRuntime\(\)\.exec|\bexec\.Command\(/],
  ['new Function', /\bnew Function\(/], ['unsafe deserialisation', /\bpickle\.loads?\(|\byaml\.load\((?![^)]*Loader=yaml\.SafeLoader)|\bObjectInputStream\b|\bunserialize\(/],
  ['user-controlled path', /\b(path\.(join|resolve)|os\.path\.join|filepath\.Join|Paths\.get)\([^)]*\b(req(uest)?\.(params|query|body|form|files|args)|request\.\w+\[)/],
];
const SQL = /\b(select\s[\s\S]*?\bfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|create\s+table)\b/i;
const SQL_LOCKING = /\bfor\s+update\b|\bskip\s+locked\b|\bon\s+conflict\b|\bfor\s+share\b|pg_advisory|\bserializable\b/i;
const STRING = /`(?:\\[\s\S]|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g;
const DATA_LINE = /^(?:[[{(]\s*)?(?:(?:['"`][^'"`]*['"`]|-?\d[\d_.]*(?:e-?\d+)?|true|false|null|None|nil|[A-Za-z_$][\w$]*)\s*(?:[:=]>?|,)\s*)*(?:['"`][^'"`]*['"`]|-?\d[\d_.]*|true|false|null|None|nil)\s*[\]})]*\s*,?\s*$/;
const PARKED = /new Promise(?:<[^>]*>)?\(\s*\(?\s*(\w+)[^)]*\)?\s*=>\s*\{?[^;]*?this\.\w+(?:\.(?:push|unshift|set|add)\(\s*\1\b|\s*=\s*\1\b)/g;
const STATE_ASSIGN = /\b(state|status|phase|mode)\s*=(?!=)/g;
const FIELD_WRITE = /\b(?:this|self)\.(\w+)\s*(?:[+\-*/]?=(?!=)|\+\+|--|\.(?:push|add|set|delete|pop|shift|append|remove|clear)\()/g;

function blankStringsAndComments(content: string, lang: Lang): { code: string; strings: Array<{ text: string; interpolated: boolean }> } {
  const strings: Array<{ text: string; interpolated: boolean }> = [];
  let code = content.replace(STRING, (s) => {
    const body = s.slice(1, -1);
    if (body.length > 2) strings.push({ text: body, interpolated: /\$\{|\{\w+\}|%s|%d/.test(body) || (s[0] === '`' && body.includes('${')) });
    return s[0] + '_'.repeat(Math.max(0, s.length - 2)) + s[0];
  });
  if (HASH_COMMENTS.has(lang)) code = code.replace(/#.*$/gm, '');
  else code = code.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  return { code, strings };
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** 1 where a code unit may start an identifier ([A-Za-z_$]), 2 where it may only continue one ([0-9]). */
const IDENT_CHAR = new Uint8Array(128).map((_, c) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 ? 1 : c >= 48 && c <= 57 ? 2 : 0,
);

/**
 * The phrases of the distinct identifiers longer than one character, in order of first occurrence (at most 4000):
 * what `new Set(code.match(/[A-Za-z_$][\w$]+/g))` then `identifierPhrase` gives, in one pass over the text.
 * A repeated identifier is recognised by a hash of its characters and a comparison in place, so the thousands of
 * repeats in a long file allocate no string and hash none (a hash collision only costs a slice and a Set lookup).
 */
function identifierPhrases(code: string): Set<string> {
  const byHash = new Map<number, string>();
  const seen = new Set<string>();
  const phrases = new Set<string>();
  const n = code.length;
  let i = 0;
  while (i < n) {
    const c = code.charCodeAt(i);
    if (c >= 128 || IDENT_CHAR[c] !== 1) {
      i++;
      continue;
    }
    let h = c;
    let j = i + 1;
    for (let d = code.charCodeAt(j); j < n && d < 128 && IDENT_CHAR[d] !== 0; d = code.charCodeAt(++j)) h = (Math.imul(h, 31) + d) & 0x3fffffff;
    if (j - i > 1) {
      const known = byHash.get(h);
      if (known === undefined || known.length !== j - i || !code.startsWith(known, i)) {
        const id = code.slice(i, j);
        if (known === undefined) byHash.set(h, id);
        if (!seen.has(id)) {
          seen.add(id);
          if (phrases.size < 4000) phrases.add(identifierPhrase(id));
        }
      }
    }
    i = j;
  }
  return phrases;
}

export function scanCode(path: string, content: string): CodeFacts {
  const lang = languageOf(path) ?? 'c';
  const { code, strings } = blankStringsAndComments(content, lang);
  const lines = code.split('\n');
  const rawLines = content.split('\n');
  let logicLines = 0;
  let functions = 0;
  let cyclomatic = 0;
  let fnCc = 0;
  let maxFnCc = 0;
  let depth = 0;
  let maxDepth = 0;
  let inFn = false;
  const branch = BRANCH[lang];
  const fnStart = FUNCTION_START[lang];
  const isPython = lang === 'python' || lang === 'ruby';
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const t = l.trim();
    if (!t) continue;
    // Constant data (table rows, literal lists) is not logic; the raw line decides, strings intact.
    if (!t.includes('(') && DATA_LINE.test(rawLines[i].trim())) continue;
    logicLines++;
    if (fnStart.test(l)) {
      functions++;
      if (inFn) maxFnCc = Math.max(maxFnCc, fnCc);
      fnCc = 1;
      inFn = true;
    }
    const b = count(l, branch);
    cyclomatic += b;
    fnCc += b;
    if (isPython) {
      const indent = (/^\s*/.exec(rawLines[i])?.[0].replace(/\t/g, '    ').length ?? 0) / 4;
      maxDepth = Math.max(maxDepth, Math.floor(indent));
    } else if (l.includes('{') || l.includes('}')) {
      for (let c = 0; c < l.length; c++) {
        const ch = l.charCodeAt(c);
        if (ch === 123) maxDepth = Math.max(maxDepth, ++depth);
        else if (ch === 125) depth = Math.max(0, depth - 1);
      }
    }
  }
  if (inFn) maxFnCc = Math.max(maxFnCc, fnCc);
  cyclomatic += Math.max(1, functions);

  const stringText = strings.map((s) => s.text).join('\n');
  const io = IO.filter(([, re]) => re.test(code) || re.test(stringText)).map(([n]) => n);
  // Imports are strings: look at import lines in the raw text too.
  const importLines = rawLines.filter((l) => /^\s*(import|from|require|use|using|#include)\b|require\(/.test(l)).join('\n');
  for (const [n, re] of IO) if (!io.includes(n) && re.test(importLines)) io.push(n);
  const crypto = [...new Set([...code.matchAll(CRYPTO)].map((m) => m[0]))];
  if (/\b(crypto|jsonwebtoken|jose|bcrypt\w*|argon2|hashlib|hmac|javax\.crypto|crypto\/\w+)\b/.test(importLines)) crypto.push('imports crypto');
  const weakHashes = [...new Set([...content.matchAll(WEAK_HASH)].map((m) => (m[2] ?? m[3] ?? m[4] ?? 'md5').toLowerCase()))];
  const sinks = SINKS.filter(([, re]) => re.test(code)).map(([n]) => n);
  let sqlStatements = 0;
  let interpolated = false;
  let locking = false;
  for (const s of strings) {
    if (!SQL.test(s.text)) continue;
    sqlStatements++;
    if (s.interpolated) interpolated = true;
    if (SQL_LOCKING.test(s.text)) locking = true;
  }
  const phrases = identifierPhrases(code);
  for (const s of strings) if (phrases.size < 4000) phrases.add(identifierPhrase(s.text.slice(0, 200)));
  const auth = new Set<string>();
  const locks = new Set<string>();
  for (const ph of phrases) for (const w of ph.split(' ')) {
    if (AUTH_WORDS.has(w)) auth.add(w);
    if (LOCK_WORDS.has(w)) locks.add(w);
  }
  for (const m of code.matchAll(LOCKS)) locks.add(m[0].replace(/\s*\($/, ''));
  // Outside JS a lock or atomic means threads: concurrency, even with no async keyword in sight.
  const async = ASYNC.test(code) || (lang !== 'js' && (locks.size > 0 || ATOMICS.test(code)));
  const fields = [...new Set([...code.matchAll(FIELD_WRITE)].map((m) => m[1]))];
  const moduleLets = lang === 'js' ? [...code.matchAll(/^let\s+(\w+)/gm)].map((m) => m[1]).filter((n) => new RegExp(`^\\s+.*\\b${n}\\s*(=(?!=)|\\+\\+|--|\\+=|-=)`, 'm').test(code)) : [];
  if (lang === 'python') for (const m of code.matchAll(/^\s+global\s+(\w+)/gm)) moduleLets.push(m[1]);
  const cases = count(code, /\bcase\b/g);
  const switches = count(code, /\bswitch\b|\bmatch\b|\bwhen\s*\(/g);
  const rel = [...content.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]|require\(\s*['"](\.{1,2}\/[^'"]+)['"]|^from\s+(\.+\w*)\s+import/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  const imports = [...content.matchAll(/\bfrom\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]|^import\s+(?!type\b)([\w.]+)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
  return {
    path,
    lines: rawLines.length,
    logicLines,
    functions,
    classes: count(code, /\b(class|struct|interface|trait|impl)\s+\w+/g),
    methods: Math.max(0, functions - count(code, /\bfunction\b/g)),
    mutatedFields: fields,
    cyclomatic,
    maxFunctionCyclomatic: Math.max(maxFnCc, functions ? 1 : 0),
    logicalOperators: count(code, LOGICAL[lang]),
    maxNesting: Math.max(0, maxDepth - (lang === 'jvm' || lang === 'csharp' ? 1 : 0)),
    asyncFunctions: async ? Math.max(1, count(code, /\basync\s+(def|fn|function|\w+\s*\()|\basync\s*\(|\bgo\s+(func|\w+\()|\bsuspend fun\b/g)) : 0,
    awaits: count(code, /\bawait\b|<-\s*\w+|\.get\(\)|\.join\(\)/g) * (async ? 1 : 0),
    promiseCombinators: [...new Set([...code.matchAll(COMBINATORS)].map((m) => m[0]))],
    promiseConstructions: count(code, /\bnew Promise\b/g),
    parkedResolvers: count(code, PARKED),
    timers: count(code, TIMERS),
    tryCatches: count(code, /\b(catch|except|rescue)\b/g),
    floatingAsyncInLoop: 0,
    sharedModuleLets: moduleLets,
    fieldsMutatedInAsync: async ? fields : [],
    lockPrimitives: [...locks],
    atomics: ATOMICS.test(code),
    io,
    httpHandlers: count(code, HTTP_HANDLER),
    crypto,
    weakHashes,
    authWords: [...auth],
    injectionSinks: sinks,
    sql: { statements: sqlStatements, interpolated, locking },
    switchMaxCases: switches ? Math.ceil(cases / switches) : 0,
    stateAssignments: count(code, STATE_ASSIGN),
    relativeImports: rel,
    imports,
    words: [...phrases].join(' '),
    parseErrors: 0,
  };
}
