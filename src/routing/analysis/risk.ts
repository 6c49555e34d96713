/**
 * What makes work hard beyond size and keywords, read from the request (description and requirements) and,
 * for domain risk, from the words of the code and artefacts too:
 * - domain risk: money, time, concurrency/parallel execution, failure handling across calls, scale;
 * - what is asked: design/plan, diagnose, judge against rules, write tests, versus run, list, format;
 * - how many requirements there are and whether they pull in different directions.
 * Each family is a set of phrasings of one idea, not a task-specific keyword.
 */
export interface RiskFacts {
  money: number;
  time: number;
  parallel: number;
  failureHandling: number;
  scale: number;
  /** Request families. */
  askDesign: number;
  askDiagnose: number;
  askJudge: number;
  askWriteTests: number;
  askRun: number;
  askLookup: number;
  askQuestion: boolean;
  /** Constraint phrases (must, never, exactly, at most, ...) in description and requirements. */
  constraints: number;
  requirements: number;
  /** Distinct concerns (families above) the request names: requirements that interact. */
  concerns: number;
  /** Services, components or subsystems listed in the request ("gateway, cart, pricing and inventory"). */
  namedComponents: number;
  /** The code runs as several copies at once: every node, all replicas, several workers, shared by ... */
  sharedAcrossInstances: number;
  descriptionWords: number;
  /** One user's data reaching another, told as a symptom ("sees someone else's cart"). */
  crossUser: number;
}

type Family = RegExp[];

const MONEY: Family = [
  /\b(payments?|pay|paid|charg(e|ed|es|ing)|refunds?|balances?|ledger|invoices?|wallet|transfers?|currenc(y|ies)|cents|billing|checkout|settlement|fx|overdraft|funds|top ?up|double ?spend\w*|oversell\w*)\b/g,
];
const TIME: Family = [
  /\b(time ?zones?|tz|dst|daylight|clock|clocks|skew|drift|expir(y|es|ed|ation)|ttl|cron|schedul\w*|midnight|leap|utc|deadline|timeouts?|lease)\b/g,
];
const PARALLEL: Family = [
  /\b(concurrent\w*|parallel\w*|simultaneous\w*|at the same time|replicas|workers?|threads?|nodes|racing|race|interleav\w*|in flight|inflight|contention|overlap\w*)\b/g,
];
const FAILURE: Family = [
  /\b(retr(y|ies|ied|ying)|timeouts?|time out|crash\w*|recover\w*|reconnect\w*|backoff|failover|replay\w*|duplicat\w*|twice|rebalanc\w*|outage|partial failure|compensat\w*|rollback|roll back|resum\w*|exactly once|at least once|dedup\w*)\b/g,
];
const SCALE: Family = [
  /\b(platform|fleet|monorepo|soak|peak|end to end|across (the )?(whole|entire|all)|whole|entire|\d+ (services|packages|modules|teams|regions)|(six|seven|eight|nine|ten|twelve) (services|packages|modules)|regions|multi ?region|cluster)\b/g,
];

const ASK_DESIGN = /\b(design|plan|strategy|propose|architect\w*|define|decide|justify|what should|how should|set up|configure)\b/g;
const ASK_DIAGNOSE = /\b(why|diagnos\w*|root cause|find (out|the (bug|cause))|figure out|explain (why|the|what happened)|investigat\w*|what happened|the cause)\b/g;
const ASK_JUDGE = /\b(review|audit|check (this|these|our|the)|against (our|the|a|this)|rules?|checklist|baseline|criteria|policy|is (it|this|our) (safe|secure|ready)|can (a|an|one) \w+|does this \w+ stop|safe against|meets?)\b/g;
const ASK_WRITE_TESTS = /\b(tests? for|write (\w+ )?tests|tests?\b.*\bcover|property[- ]based|contract tests|integration tests|unit tests)\b/g;
const ASK_RUN = /^(please )?(re-?run|run|execute|rerun)\b/;
const ASK_LOOKUP = /^(please )?(list|count|extract|sort|summari[sz]e|print|give me|make a|convert|translate|turn|format|rename|compute|sum|which \w+ (has|have|took|appears))\b/;
const CONSTRAINT = /\b(must|never|only|exactly|at most|at least|without|each|every|always|no two|whichever|neither|both|including|must not|may not|cannot|so that)\b/g;
const SHARED = /\b(every|all|each|several|multiple|many|two|both|three|four|five|six|eight|ten|[2-9]|\d\d+)\b[\w\s-]{0,20}?\b(nodes?|replicas?|instances?|pods?|workers?|servers?|processes|consumers?|consumer groups|devices?|threads?|regions?|shards?)\b|\bshared (by|across|between)\b|\bbehind (?:a|the) load[- ]balancer\b|\bsharded\b/g;
/** Data of one user, tenant or customer reaching another: an authorisation failure told as a symptom. */
const CROSS_USER = /\b(?:someone else'?s|somebody else'?s|another (?:user|customer|tenant|patient|student|broker|member|account|client)'?s?|other (?:users|customers|tenants|patients|students|brokers|members|clients)'? (?:data|records?|carts?|orders?|address\w*|files?|messages?|details)|(?:the )?wrong (?:user|customer|tenant|patient|account)'?s? (?:data|records?|cart|address|details)|(?:sees?|saw|seeing|see|shows?|showed|showing|gets?|got|returns?|returned) (?:the )?(?:data|records?|cart|orders?|address\w*|files?|messages?|details) of (?:another|other|a different))\b/g;
const COMPONENT_LIST = /\b[a-z][\w-]*(?:\s*,\s*[a-z][\w-]*){2,}(?:,?\s*(?:and|or)\s+[a-z][\w-]*)?/g;

function count(text: string, family: Family): number {
  let n = 0;
  for (const re of family) n += text.match(re)?.length ?? 0;
  return n;
}

/** `code` is the words of the code and artefacts (identifiers split): domain risk shows in names too. */
export function analyzeRisk(description: string, requirements: readonly string[], code: string): RiskFacts {
  const desc = description.trim().toLowerCase();
  const request = [desc, ...requirements.map((r) => r.toLowerCase())].join(' \n ');
  // The request counts fully; the code contributes at a damped rate (names repeat) and only when present.
  const both = (family: Family) => count(request, family) + Math.min(3, count(code, family)) / 3;
  const fam = {
    money: both(MONEY),
    time: both(TIME),
    parallel: both(PARALLEL),
    failureHandling: both(FAILURE),
    scale: count(request, SCALE),
  };
  const components = Math.max(0, ...[...request.matchAll(COMPONENT_LIST)].map((m) => m[0].split(/,|\band\b|\bor\b/).filter((s) => s.trim()).length));
  const asks = {
    askDesign: request.match(ASK_DESIGN)?.length ?? 0,
    askDiagnose: request.match(ASK_DIAGNOSE)?.length ?? 0,
    askJudge: request.match(ASK_JUDGE)?.length ?? 0,
    askWriteTests: request.match(ASK_WRITE_TESTS)?.length ?? 0,
    askRun: ASK_RUN.test(desc) ? 1 : 0,
    askLookup: ASK_LOOKUP.test(desc) ? 1 : 0,
  };
  const concerns = [fam.money, fam.time, fam.parallel, fam.failureHandling, fam.scale].filter((x) => x >= 1).length;
  return {
    ...fam,
    ...asks,
    askQuestion: /\?\s*$/.test(desc),
    constraints: request.match(CONSTRAINT)?.length ?? 0,
    requirements: requirements.length,
    concerns,
    namedComponents: components,
    descriptionWords: desc ? desc.split(/\s+/).length : 0,
    sharedAcrossInstances: request.match(SHARED)?.length ?? 0,
    crossUser: request.match(CROSS_USER)?.length ?? 0,
  };
}
