/**
 * Word extraction shared by the code, artefact and description analysers: identifiers are split on
 * camelCase, snake_case and digits so `tryAcquireLease` yields "try acquire lease".
 */
const WORD = /[A-Za-z][a-z]*|[A-Z]+(?![a-z])/g;

const splitMemo = new Map<string, string[]>();

export function splitIdentifier(id: string): string[] {
  const known = splitMemo.get(id);
  if (known) return known;
  const out: string[] = [];
  for (const m of id.matchAll(WORD)) out.push(m[0].toLowerCase());
  // Identifiers repeat across files and tasks; the memo is bounded by dropping it when full.
  if (splitMemo.size > 50_000) splitMemo.clear();
  if (id.length <= 64) splitMemo.set(id, out);
  return out;
}

const phraseMemo = new Map<string, string>();

/** An identifier (or short string) as one lower-cased phrase: `commitOffsets` -> "commit offsets". */
export function identifierPhrase(id: string): string {
  const known = phraseMemo.get(id);
  if (known !== undefined) return known;
  const phrase = splitIdentifier(id).join(' ');
  if (phraseMemo.size > 50_000) phraseMemo.clear();
  if (id.length <= 64) phraseMemo.set(id, phrase);
  return phrase;
}

/** Lower-cased running text with identifiers split, for phrase matching ("commit offsets", "skip locked"). */
export function wordsOf(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-./:]+/g, ' ')
    .toLowerCase();
}

/** Each group is one concept; a task shows a concept when any of its patterns matches. */
export interface VocabularyGroup {
  name: string;
  pattern: RegExp;
}

export function matchGroups(text: string, groups: readonly VocabularyGroup[]): string[] {
  const hits: string[] = [];
  for (const g of groups) if (g.pattern.test(text)) hits.push(g.name);
  return hits;
}

/**
 * Vocabulary of distributed coordination: leases and leadership, replication, log-based messaging,
 * exactly-once and idempotency, database row locking, causality tracking. Matched on split words, so it
 * sees both identifiers (`claimDue`, `commitOffsets`) and artefact text ("group rebalance").
 */
export const DISTRIBUTED_VOCABULARY: readonly VocabularyGroup[] = [
  { name: 'leases', pattern: /\blease[sd]?\b|\bttl ms\b.*\brenew|\brenew(al)?s?\b.*\blease/ },
  { name: 'leader election', pattern: /\bleader(ship)?\b|\belect(ion|or|ed)\b|\bfollower\b/ },
  { name: 'consensus/quorum', pattern: /\bquorum\b|\bconsensus\b|\braft\b|\bpaxos\b|\bsplit brain\b/ },
  { name: 'replication', pattern: /\breplica(s|tion|ted)?\b|\bfailover\b|\bmulti region\b|\bcross region\b|\bregions\b/ },
  { name: 'log-based messaging', pattern: /\brebalanc\w*|\bcommit offsets?\b|\bconsumer group\b|\bkafka\b|\bpartitions? revoked\b|\bpub ?sub\b|\bdead letter\b|\boutbox\b/ },
  { name: 'consumer offsets', pattern: /\boffset\b.*\bpartition\b|\bpartition\b.*\boffset\b/ },
  { name: 'idempotency', pattern: /\bidempoten\w*|\bidem\b|\bexactly once\b|\bat least once\b|\bdeduplicat\w*/ },
  { name: 'atomic multi-step updates', pattern: /\bmulti\b.{0,120}\bexec\b|\bcompare and (set|swap)\b|\bcas\b|\beval ?sha\b|\blua script\b|\bset ?nx\b|\bnx\b|\bredis call\b/ },
  { name: 'work claiming', pattern: /\bclaim(s|ed|ing)?\b.*\b(worker|lease)\b|\b(worker|lease)\b.*\bclaim/ },
  { name: 'causality tracking', pattern: /\bv ?clock\b|\bvector clocks?\b|\blamport\b|\bcrdt\b|\bhappens before\b/ },
  { name: 'distributed stores', pattern: /\bcassandra\b|\bzookeeper\b|\betcd\b|\bconsul\b/ },
  { name: 'sagas', pattern: /\bsagas?\b|\bcompensat(e|ing|ion)\b|\btwo phase commit\b|\b2pc\b/ },
  { name: 'clock skew', pattern: /\bclock skew\b|\bclock drift\b/ },
];

/** Lock and synchronisation primitives named in code. */
export const LOCK_WORDS = new Set(['mutex', 'semaphore', 'rwlock', 'latch', 'barrier', 'spinlock', 'monitor']);
export const LOCK_METHODS = new Set(['lock', 'unlock', 'acquire', 'release', 'runexclusive', 'withlock', 'trylock']);

/** Identifier words that mark authentication, authorisation or secrets handling. */
export const AUTH_WORDS = new Set([
  'password', 'passwd', 'token', 'session', 'jwt', 'auth', 'authenticate', 'authorize', 'authorise', 'permission',
  'permissions', 'role', 'roles', 'csrf', 'oauth', 'secret', 'credential', 'credentials', 'login', 'signature',
  'hmac', 'nonce', 'otp', 'mfa', 'acl', 'privilege', 'tenant', 'impersonate', 'impersonated', 'impersonation',
]);
