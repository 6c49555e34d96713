/**
 * What a request says in prose, sentence by sentence, where the keyword families (intent.ts) read the whole
 * text or only its first words:
 * - a mechanical ask that comes after context ("The suite went red. Could you run it again and paste ...",
 *   "... — just count the packages"), and phrases that bound the job ("no analysis needed", "that's all",
 *   "as a CSV", "one per line");
 * - interleavings told as a story, without the word "race": two actors on the same thing at once, a second
 *   request while the first is in progress, a double tap, something done twice, a change lost or flipping back;
 * - a state machine told as a story: many states listed, moves between them ("goes from draft to placed",
 *   "sends it back", "from any state", "must not happen");
 * - distribution told as a story: copies that sync, merge or fall behind, resends, partitions, wrong order.
 * Each family is a set of phrasings of one idea, not a task's wording.
 */
export interface ProseFacts {
  /** Mechanical asks opening a clause other than the first (the first is intent.ts's `mechanical`). */
  mechanicalClauses: string[];
  /** Phrases that bound the job: "no analysis needed", "nothing else", "all I need is", "I'm not asking for". */
  minimal: number;
  /** An output format asked for: "as a CSV", "one per line", "a two-line summary", "a bullet list". */
  outputFormat: number;
  /** Interleaving stories (distinct families). */
  interleaving: string[];
  /** Moves between states in words. */
  transitions: number;
  /** The longest list of short items (states, steps) in the request. */
  longestList: number;
  /** Distribution stories (distinct families). */
  distributed: string[];
}

type Family = Array<[label: string, pattern: RegExp]>;

/** Lead-ins that do not change what is asked: "could you", "I only need you to", "all I need is", "just". */
const LEAD_IN =
  /^(?:(?:so|and|but|then|now|ok|okay|also)\b,? *)?(?:(?:from|in|for|using|with|based on|looking at|given) (?:this|the|these|that|those|our) [\w-]+(?: [\w-]+)?,? +)?(?:(?:could|can|would|will) you (?:please )?|(?:i|we)(?:'d| would) like (?:you )?(?:to )?|(?:i|we) (?:only |just |really )?(?:need|want) (?:you )?(?:to )?|all (?:i|we) need (?:back )?is (?:for you to |you to )?|what (?:i|we) need (?:back )?is (?:for you to )?|please |just |only |simply )*/;

/** The verbs of mechanical work, at the start of a clause (after a lead-in). */
const MECHANICAL_VERBS: Family = [
  ['run and report', /^(?:re-?run|run|execute)\b[^.;!?]{0,100}\b(?:\d+ times|and (?:tell|report|post|paste|say|print|give|list)\w*|report)\b/],
  ['look up/count', /^(?:list|count|extract|pull(?: out)?|copy|find the (?:number|names?|value|total)|tell me (?:the|how many|which|what the)|give me (?:the|a)|post (?:the|how many)|paste (?:back )?the|how many\b[^.;!?]{0,40}\b(?:are|were|did|failed|passed|have|has)|tell me (?:whether|if))\b/],
  ['top n', /^(?:the|which) (?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) )?(?:\w+ ){0,2}?(?:slowest|fastest|largest|biggest|smallest|highest|lowest|longest|oldest|newest|most|least)\b/],
  ['summarise', /^(?:summari[sz]e|sum up|boil\b[^.;!?]{0,60}\bdown|condense|a (?:one|two|three)[- ]line summary)\b/],
  ['port a test', /^port\b[^.;!?]{0,80}\bto\b/],
  ['convert/reformat', /^(?:convert|rewrite|reformat|translate|turn|format|rename|sort|order|move)\b[^.;!?]{0,80}\b(?:with|into|to|as|by|from|list|csv|json|table|markdown)\b/],
  ['compute', /^(?:compute|calculate|work out the (?:percentage|difference|average|mean|total|sum))\b/],
  ['add one assertion', /^add (?:the |one |a )?(?:one )?(?:obvious|missing|simple) assertions?\b/],
  ['explain briefly', /^(?:explain|describe|put)\b[^.;!?]{0,60}\b(?:in (?:one|two|three|plain|a couple of|a few) (?:\w+ )?(?:sentences?|words|english)|for (?:our|the|a) (?:product manager|pm|manager|customer))\b/],
  ['threshold question', /^(?:so )?(?:did|does|do|is|are|has|have|was|were)\b[^?]{0,60}\b(?:pass(?:es|ed)?|clear|meet|meets|above|below|exceed\w*|within|under|over)\b[^?]{0,40}\b(?:gate|threshold|target|limit|budget|bar)\b/],
];

const MINIMAL = /\bno analysis\b|\bnothing (?:else|more|to analy[sz]e)\b|\band nothing else\b|\bthat'?s all\b|\bleave everything else\b|\b(?:i'?m|we'?re) not asking for\b|\ball (?:i|we) need\b|\bwhat (?:i|we) need (?:back )?is\b|\b(?:i|we) only need\b|\bnot (?:asking|looking) for (?:a fix|analysis|a diagnosis)\b|\bbefore anyone (?:digs|looks)\b|\bwithout digging\b|\b(?:i|we) (?:don'?t|do not) need (?:it|this|them|the bug|a fix)(?: to be)? (?:fixed|analy[sz]ed|explained|debugged)\b|\bno need to (?:fix|dig|investigate|analy[sz]e|explain)\b/g;
const OUTPUT_FORMAT = /\bas (?:a |an )?(?:csv|table|json|markdown|bullet(?:ed)? list|list|badge)\b|\bone per line\b|\b(?:one|two|three)[- ]line summary\b|\binto a (?:markdown |bullet(?:ed)? )?(?:list|table)\b|\bpercentage change\b|\bpaste (?:into|in) slack\b|\b(?:in|into) (?:slack|the spreadsheet|a spreadsheet)\b|\ba plain (?:list|table)\b|\b(?:\w+ )?bullet points?\b|\b(?:one|two|three|a couple of|a few)(?: or (?:two|three))? (?:short )?sentences\b/g;

const INTERLEAVING: Family = [
  ['two actors on the same thing', /\b(?:two|both|several|multiple)\b[^.;]{0,60}\b(?:at (?:the same|once)|same (?:time|moment)|together|simultaneous\w*|the same (?:ticket|row|record|account|seat|item|order|file|document|key|slot|job|user|voucher|booking))\b/],
  ['while another is in progress', /\bwhile\b[^.;]{0,60}\b(?:still|in progress|running|being processed|refreshing|loading|warming|syncing)\b|\b(?:still|already) (?:in progress|running|being processed)\b|\b(?:meanwhile|in the meantime)\b/],
  ['repeated action', /\bdouble[- ]?(?:tap|click)\w*|\b(?:tap|tapp|click|press|submit)\w*\b[^.;]{0,40}\btwice\b|\btwice (?:quickly|in a row|at once)\b/],
  ['oversold', /\b(?:oversell|oversold|overbook|double[- ]book|double[- ]spend)\w*/],
  ['stale read', /\bstale\b|\b(?:old|previous|outdated) (?:price|value|version|data|email|balance|count|total|setting)s?\b[^.;]{0,40}\b(?:after|again|even though|although)\b/],
  ['done twice', /\b(?:credit|charg|invoic|bill|sen[dt]|process|creat|appl|ran\b|run\b|book|pa(?:y|id)|redeem|ship|execut|deliver|consum|handl|insert|import|notif|email)\w*[^.;]{0,40}\btwice\b|\b(?:two|2) (?:orders|charges|invoices|copies|loads|emails|payments|bookings|leaders)\b|\bmore [^.;]{0,30}than (?:exist|the limit|allowed|available|there are)\b|\bnever (?:sell|book|issue|allocate) more\b/],
  ['last writer wins', /\bwhoever (?:saved|wrote|writes|saves|came|comes|gets) (?:last|first)\b|\blast (?:write|writer|save)\b|\boverwrit\w*|\blost (?:the |an |their |our )?(?:change|update|write|edit)s?\b|\b(?:showed|shows|came) (?:the )?old \w+ again\b|\bflip\w* back and forth\b/],
  ['shared by concurrent handlers', /\bgoroutines?\b|\bevery (?:pod|replica|instance|node|worker|thread)\b|\bthread pool\b|\bshared by (?:every|all|each)\b/],
];

const TRANSITION = /\bstate (?:handling|changes?|logic)\b|\b(?:go(?:es)?|went|mov(?:es?|ed)) from (?:[\w-]+ ){1,3}(?:back )?to\b|\b(?:sends?|goes?|moves?|returns?|puts?) (?:it |them )?back to\b|\bcan (?:only )?(?:be|go|move|return) \w+ (?:from|to|after)\b|\bfrom any (?:state|of these|step)\b|\breachable from\b|\bin any of these\b|\btransitions?\b|\blifecycle\b|\bworkflow\b|\bresubmit\w*|\b(?:resum|paus)\w*|\bmust not happen\b|\bevery other move\b|\b(?:illegal|invalid) (?:moves?|transitions?)\b|\bonly (?:maintenance|an admin|the owner) can\b|\bexcept (?:completed|done|closed|finished)\b/g;
const LIST = /\b[a-z][\w-]*(?: [\w-]+){0,2}(?:\s*,\s*(?:or |and )?[a-z][\w-]*(?: [\w-]+){0,2}){2,}(?:,?\s+(?:or|and)\s+[a-z][\w-]*)?/g;

const DISTRIBUTED_STORY: Family = [
  ['copies that sync', /\b(?:own copy|copies of|local copy|copy (?:them |it )?to each other|sync\w* (?:between|with|across)|replicat\w*|two regions|both regions|each region)\b/],
  ['offline and merge', /\boffline\b[^.;]{0,80}\bmerg\w*|\bmerg\w*[^.;]{0,80}\boffline\b|\bconflict\w*/],
  ['partition', /\bnetwork (?:blip|partition|split|drop\w*)\b|\blink\b[^.;]{0,40}\bdown\b|\blost (?:contact|connection) (?:with|to) (?:each other|the others)\b/],
  ['falls behind / order', /\bfalls? behind\b|\bcatch(?:es)? up\b|\b(?:in the )?wrong order\b|\bout of order\b|\bredeliver\w*|\bresen[dt]\w*|\bcommits? (?:the |its )?offset\b/],
  ['whose turn', /\b(?:only one|just one) of (?:them|the \w+) (?:is supposed to|should|may)\b|\bboth (?:believe|think|thought|believed)\b/],
];

function hits(text: string, family: Family): string[] {
  const out: string[] = [];
  for (const [label, re] of family) if (re.test(text)) out.push(label);
  return out;
}

/** Clauses: sentences, and the parts after a dash, colon, semicolon or comma (a file name's dot does not split). */
export function clausesOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/(?<=[.!?])\s+|\s+[—–-]{1,2}\s+|[;:,]\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function analyzeProse(description: string, requirements: readonly string[] = []): ProseFacts {
  const clauses = clausesOf(description);
  const mechanical = new Set<string>();
  for (const c of clauses.slice(1)) {
    const body = c.replace(LEAD_IN, '');
    for (const label of hits(body, MECHANICAL_VERBS)) mechanical.add(label);
  }
  // A first clause that opens with a lead-in ("Could you just count ...") is not seen by intent.ts either.
  if (clauses[0] && LEAD_IN.exec(clauses[0])?.[0]) for (const label of hits(clauses[0].replace(LEAD_IN, ''), MECHANICAL_VERBS)) mechanical.add(label);
  const all = [description, ...requirements].join(' \n ').toLowerCase();
  const lists = [...all.matchAll(LIST)].map((m) => m[0].split(/\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/).length);
  return {
    mechanicalClauses: [...mechanical],
    minimal: all.match(MINIMAL)?.length ?? 0,
    outputFormat: all.match(OUTPUT_FORMAT)?.length ?? 0,
    interleaving: hits(all, INTERLEAVING),
    transitions: all.match(TRANSITION)?.length ?? 0,
    longestList: Math.max(0, ...lists),
    distributed: hits(all, DISTRIBUTED_STORY),
  };
}
