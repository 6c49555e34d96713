import { wordsOf } from './words.js';

/**
 * What the request asks for, read from the description and requirements. Each intent is a family of
 * phrasings, not a task-specific keyword: "no two critical sections overlap", "never two leaders" and
 * "race condition" all ask for reasoning about interleavings.
 */
export interface Intents {
  concurrency: string[];
  distributed: string[];
  security: string[];
  propertyBased: string[];
  systemScope: string[];
  stateMachine: string[];
  flaky: string[];
  prioritise: string[];
  testInfrastructure: string[];
  judgement: string[];
  /** Quality metrics named in the request (coverage, lint, bundle size, mutation score, ...). */
  metrics: string[];
  mechanical: string[];
  /** The whole request text, lower-cased with identifiers split (for vocabulary matching). */
  words: string;
}

type Family = Array<[label: string, pattern: RegExp]>;

const CONCURRENCY: Family = [
  ['concurrency', /\bconcurren\w*/],
  // "race" alone is bait (a race results page); races, racing and race conditions are about interleavings.
  ['race conditions', /\brace conditions?\b|\bdata races?\b|\braces\b|\bracy\b|\bracing\b|\brace (for|between|with)\b/],
  ['deadlocks', /\bdeadlock\w*|\blivelock\w*/],
  ['interleavings', /\binterleav\w*|\blost updates?\b/],
  // Two things running at once over something they share: a test-isolation or production race.
  ['parallel access to shared state', /\b(in parallel|concurrently|at the same time)\b[^.]{0,80}\bshar(e|es|ed|ing)\b|\bshar(e|es|ed|ing)\b[^.]{0,80}\b(in parallel|concurrently|at the same time)\b/],
  ['lock-free/thread-safe', /\block[- ]free\b|\bwait[- ]free\b|\bthread[- ]safe\w*/],
  ['mutual exclusion', /\bcritical sections?\b|\bmutual exclusion\b|\bno two\b|\bnever two\b|\bat most one\b|\bexactly one (succeeds|wins|of them)\b/],
  ['atomicity', /\batomic(ally|ity)?\b|\bsimultaneous\w*|\bdouble[- ](spend|submit|charge)\w*/],
];
const DISTRIBUTED: Family = [
  ['distributed system', /\bdistributed\b/],
  ['delivery guarantees', /\bexactly[- ]once\b|\bat[- ]least[- ]once\b|\bat[- ]most[- ]once\b|\bidempoten\w*/],
  ['ordering guarantees', /\bordering\b|\bin order\b.*\b(per|across)\b|\bout of order\b/],
  ['multi-node coordination', /\bleader\w*|\bconsensus\b|\bquorum\b|\bclock[- ]skew\b|\bsplit[- ]brain\b|\bpartition tolerance\b/],
  ['sagas/compensation', /\bsagas?\b|\bcompensat\w*|\btwo[- ]phase\b/],
  ['distributed locks', /\bdistributed locks?\b|\block (acquisition|release|ownership|expiry)\b|\bfencing tokens?\b|\bredlock\b/],
];
const SECURITY: Family = [
  ['vulnerabilities', /\bvulnerab\w*|\bexploit\w*|\bcve\b|\bthreat model\w*/],
  ['injection', /\b(sql|command|code|shell|html|script|ldap|header|template|prompt|nosql)[- ]injection\b|\binjection (attack|flaw|vulnerab\w*)|\bxss\b|\bcsrf\b|\bssrf\b|\b(path|directory) traversal\b|\brce\b/],
  ['authentication/authorisation', /\boauth\w*|\bopenid\b|\bsaml\b|\bsso\b|\bjwts?\b|\bsession (fixation|hijack\w*)\b|\bauthenticat\w*|\bauthori[sz]\w*|\bpassword reset\b|\blogin flow\b|\baccess control\b|\brole[- ]based\b|\baccess checks?\b|\bimpersonat\w*|\bprivilege\w*|\bpermission (checks?|rules?|model)\b|\brbac\b|\btenant isolation\b/],
  ['tampering/keys', /\btamper\w*|\bkey rotation\b|\bforg(e|ed|ery)\b|\breplay attack\w*|\bsignatures?\b|\bencrypt\w*/],
  ['safety review', /\b(is|are) (it|this|that|our|the|these)\b[^?]{0,40}\b(safe|secure)\b/],
];
const PROPERTY: Family = [
  ['property-based testing', /\bproperty[- ]based\b|\bproperties\b.*\bhold\b|\bquickcheck\b|\bfast[- ]check\b|\bfuzz\w*/],
  ['invariants/laws', /\binvariants?\b|\blaws\b|\bleast upper bound\b|\bconverge\w*|\bcommutativ\w*|\bassociativ\w*/],
];
const SYSTEM: Family = [
  ['several services', /\bacross\b[^.;]{0,60}\b(services|systems|regions|clusters|data ?cent(er|re)s)\b|\b(several|multiple|many|[3-9]|\d{2,}) (micro)?services\b|\bmicroservices\b/],
  ['multi-region', /\bmulti[- ]region\b|\bcross[- ]region\b|\bglobal(ly)? distributed\b/],
  ['whole system', /\bwhole[- ]system\b|\bsystem[- ]wide\b|\bentire (system|platform|stack)\b|\bend[- ]to[- ]end (latency|performance|throughput)\b/],
  ['capacity planning', /\bcapacity plan\w*|\bperformance test strategy\b|\bload test(ing)? strategy\b/],
  ['resilience testing', /\bchaos\b|\bfault injection\b|\bfailure injection\b|\bdisaster recovery\b|\bgame ?day\b/],
];
const STATE_MACHINE: Family = [['state machine', /\bstate machines?\b|\bstate transitions?\b|\bfsm\b/]];
const FLAKY: Family = [
  ['flakiness', /\bflak\w*/],
  ['intermittent failure', /\bintermittent\w*|\bsometimes\b|\bnon[- ]?deterministic\w*|\brandomly\b|\boccasionally\b/],
  ['passes then fails', /\bpasses\b[^.]{0,60}\bfails\b|\bfails\b[^.]{0,60}\bpasses\b/],
  ['environment-dependent failure', /\bfails? on some\b|\b(fails?|passes?) only (on|in|when|at)\b|\bnever on ci\b|\bonly on ci\b|\bon (some|other) (machines|runners|computers)\b|\bworks on my machine\b/],
];
const PRIORITISE: Family = [
  ['prioritisation', /\brank\w*|\bprioriti[sz]\w*|\bwhat should (we|i) test\b|\btest first\b|\bby risk\b|\bsuggest (the )?tests\b|\bwhich \w+ matter\b/],
];
const TEST_INFRA: Family = [
  ['test doubles', /\bmock\w*|\bstub\w*|\bfakes?\b|\bspy\b|\btest doubles?\b/],
  ['integration tests', /\bintegration (tests?|suite)\b|\bcontract tests?\b/],
  ['benchmark/load test', /\bbenchmark\w*|\bload[- ]test\w*|\bautocannon\b|\bk6\b|\bgatling\b|\bjmeter\b|\bartillery\b|\bstress test\w*/],
  ['retry and triage runs', /\bretry (failed|failing|failures?)\b|\brerun\w* failures?\b|\bseparat\w* real failures\b/],
];
const JUDGEMENT: Family = [
  ['diagnosis', /\bexplain\b|\bdiagnos\w*|\binvestigat\w*|\broot cause\b|\bfind out why\b/],
  ['evaluation against criteria', /\bevaluate\b|\bassess\w*|\bagainst (our|the|a|this)\b|\bwhat blocks\b|\bblocks? (the )?release\b|\brealistic\b|\bhardening\b|\bchecklist\b/],
  ['review', /\breview\b|\baudit\b|\bfind (the )?places\b|\bpersonal data\b|\bpii\b|\bgdpr\b/],
  ['design/planning', /\bdesign\b|\bplan\b|\bstrategy\b|\bconfigure\b|\brecommend\w*|\bwhat numbers\b|\bwhat to watch\b/],
];
const METRICS: Family = [
  ['coverage', /\bcoverage\b/],
  ['lint', /\blint\w*/],
  ['bundle size', /\bbundle\b/],
  ['mutation score', /\bmutation\b/],
  ['performance budget', /\bp9[059]\b|\blatency\b|\bperformance budget\b/],
  ['vulnerabilities', /\bvulnerab\w*|\bcves?\b|\baudit\b/],
  ['test results', /\bfailing tests\b|\bpass rate\b|\bflaky\b/],
  ['complexity/duplication', /\bcomplexity\b|\bduplication\b|\bcode smells?\b/],
  ['accessibility', /\ba11y\b|\baccessibility\b/],
];

const MECHANICAL: Family = [
  ['summarise', /^(please )?summari[sz]e\b|\bin (one|two|three) sentences\b|\bprint the summary\b/],
  ['convert/reformat', /^(please )?(convert|turn|reformat|translate|format|rename|sort)\b|\bone[- ]line\b|\bpass\/fail line\b/],
  // "Quarantine list: extract ..." — a short label before the colon does not change the request.
  ['look up/count', /^([\w @-]{1,30}: *)?(please )?(list|count|extract)\b|^which\b(?:[^?.]|\.(?=\w)){0,40}\b(has|have|had|failed|passed|took|is|are|was|were|appears?)\b|^how many\b|^what (is|are|was|were) the (average|mean|median|max\w*|min\w*|total|sum|count|number|slowest|fastest|largest|smallest)\b/],
  // A dot inside a file name (cart.spec.ts) does not end the sentence.
  ['run and report', /^(please )?(re-?run|run|execute)\b(?:[^.]|\.(?=\w)){0,80}\b(\d+ times|and (tell|report|post|paste|say|print|give)\w*)\b/],
  ['yes/no answer', /\byes or no\b|\bpass or fail\b|\bpass\/fail\?/],
  ['yes/no threshold check', /^(did|does|do|is|are|has|have|was|were)\b[^?]{0,60}\b(pass(es|ed)?|meets?|above|below|exceed\w*|under|over|reach\w*|at least|at most|within)\b[^?]{0,40}\b(gate|threshold|target|limit|budget|\d+(\.\d+)?%)/],
  // A bare "does it pass?" after the rule was stated: the rule is the gate.
  ['pass question', /(?:^|[.!] )(?:so )?(?:do|does|did|will) (?:we|it|this|that|they|the (?:build|run|release)|this (?:[\w-]+ ){0,2})(?:pass|clear|meet)\w*(?: (?:it|the gate|the bar|that|this))?\?/],
  ['explain an error message', /^what does (this|the) (error|message|warning|panic|exception|stack ?trace|traceback|crash)\b/],
  ['add obvious assertions', /\badd (the )?(obvious|missing|simple) assertions\b/],
  ['framework conversion', /\b(from|convert) (jest|mocha|jasmine|ava|tap|vitest|junit ?\d?|testng|nunit|xunit|mstest|unittest|pytest|nose|rspec|minitest|enzyme|(?:react )?testing library|spock|kotest|xctest)\b.*\bto\b|\b(?:port|move|migrate|rewrite)\b[^.]{0,60}\bto (jest|mocha|jasmine|ava|tap|vitest|junit ?\d?|testng|nunit|xunit|mstest|unittest|pytest|nose|rspec|minitest|enzyme|(?:react )?testing library|spock|kotest|xctest)\b/],
];

function hits(text: string, family: Family): string[] {
  const out: string[] = [];
  for (const [label, re] of family) if (re.test(text)) out.push(label);
  return out;
}

export function analyzeIntent(description: string, requirements: readonly string[] = []): Intents {
  const desc = description.trim().toLowerCase();
  const all = [desc, ...requirements.map((r) => r.toLowerCase())].join(' \n ');
  return {
    concurrency: hits(all, CONCURRENCY),
    distributed: hits(all, DISTRIBUTED),
    security: hits(all, SECURITY),
    propertyBased: hits(all, PROPERTY),
    systemScope: hits(all, SYSTEM),
    stateMachine: hits(all, STATE_MACHINE),
    flaky: hits(all, FLAKY),
    prioritise: hits(all, PRIORITISE),
    testInfrastructure: hits(all, TEST_INFRA),
    judgement: hits(all, JUDGEMENT),
    metrics: hits(all, METRICS),
    // Mechanical phrasing counts only when it opens the request (the whole job), so "... and summarise" does not.
    mechanical: hits(desc, MECHANICAL),
    words: wordsOf(all),
  };
}
