import type { Lexicon } from './categories';

// Shared pieces: the ways English says "does not" and the units people count their waiting in.
const NOT = "(?:not|n't|nt|never|no longer)";
const AUX_NOT = "(?:doesn't|doesnt|does not|don't|dont|do not|won't|wont|will not|didn't|didnt|did not|can't|cant|cannot|can not|isn't|isnt|is not|wasn't|wasnt|aren't|arent|haven't|havent|hasn't|hasnt|has not|have not|couldn't|couldnt|still not|still won't|still can't)";
// Third person and past only: "it doesn't close" reports a fault, "I don't know" does not.
const IT_NOT = "(?:doesn't|doesnt|does not|won't|wont|isn't|isnt|hasn't|hasnt|wasn't|wasnt|aren't|arent|still hasn't|still isn't)";
const NUM = '(?:\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|couple of)';
const UNIT = '(?:min|mins|minutes?|hrs?|hours?|days?|weeks?|wks?|months?)';

/** The English lexicon of the complaint model; see `patterns.ts` for the pattern language. */
export const LEXICON_EN: Lexicon = {
  defect: [
    'broken', 'broke down', 'damaged', 'cracked', 'shattered', 'faulty', 'defect*', 'malfunction*',
    'dead pixels?', 'died', 'dead', 'leak*', 'overheat*', 'flicker*', 'scratched', 'dented', 'frayed',
    'crash*', 'froze', 'freez*', 'glitch*', 'bugg*', 'bugs', 'error', 'errors', 'fail*', 'outage*',
    'stuck', 'declined', 'throttl*', 'laggy', 'lagging', 'disconnect*', 'dropp* (the )?(connection|calls?|signal)',
    'missing', 'empty', 'wrong', '(been |was |got )?lost in (transit|the mail|the post)',
    'lost (my|our|the) (bags?|package|parcel|order|luggage|suitcase|data|files|settings|notes)', 'doesn\'t exist', 'out of stock', 'not included', 'not what i ordered',
    `${AUX_NOT} (work|worked|working|turn|switch|start|charge|charging|connect|load|open|boot|pair|print|sync|fit|match|apply|respond|exist|come|show|cover|play|stream)`,
    `${AUX_NOT} (log|sign|login|access|pay|use|get|find|hear|see|download|watch|make|cancel|reset|track|update)`,
    'stopped (working|charging|responding|loading|turning)', 'stop* working', 'unable to', 'nowhere (to be found|to be seen)',
    "(not|isn't|is not|aren't|wasn't) (working|loading|responding|opening|charging|connecting|updating|arriving|delivered|available)",
    "(didn't|did not|never) (ask|asked|order|ordered|sign up|signed up|agree|agreed) (for|to)",
    `(internet|wifi|wi-fi|service|app|site|website|network|connection|signal|power|system|server)s? (is |are |went |has been )?(down|out|gone|dead)`,
    'no (signal|service|internet|wifi|connection|power|sound|picture|heat|water|network)',
    'keeps? (crashing|freezing|dropping|disconnecting|restarting|failing|logging me out|cutting out|turning off|declining)',
    'turns off by itself', 'by itself', 'on its own', 'makes? (a )?(loud|weird|strange)? ?noise', 'buzz*', 'misleading',
    'used before', 'as new', 'buffer*', 'substitut*', 'replaced (my|the|our) ~ with',
    'for a different (model|size|device|phone|version)', 'different (model|size|colou?r|item|product) than', '(is|are|went|goes|been) down', 'down again', "someone else's", 'somebody else\'s', 'deleted', 'wiped', 'erased', `${IT_NOT} \\p{L}+`, '(tracking|status|order) ~ (moved|changed|updated)', 'smells? (like|of)', 'burning', 'nothing (changed|works|worked|happens|happened|helps|helped)',
    "(doesn't|does not|didn't|did not|isn't|is not|not) (help|helped|helping|fix|fixed|change|changed)", 'offline', 'no record', 'tried (all|everything|every)', 'went (green|black|blank|dead|offline|missing)',
    'keeps? (going|getting|turning|showing|saying|losing)', 'water damage', 'damage', 'cancell?ed', 'stranded', 'disappear*', 'vanished',
    '(been )?trying to (cancel|get|reach|contact|return|log|sign|fix)', 'scratch*', 'soaked', 'wet', 'threw', 'thrown', 'dirty', 'crumpled', 'crushed', 'torn',
    'left (my|the|it) ~ (parcel|package|box|outside|door|rain)', 'drain*', 'battery (health|life) ~ (\\d+%|after|dead|only)',
    'way off', 'only (one|half|\\d+) (came|arrived|worked|works)', 'louder than', 'a (third|half|fraction) of what', 'makes no sense',
    'no sense', 'can\'t find anything', 'pointless', 'had to (return|send|pay|call|go|wait|buy)', 'forced to', 'give up',
    'before (anyone|anybody|someone) (answered|replied|responded)', '(didn\'t|did not|don\'t) even', 'not even', 'without solving', 'too (small|big|short|slow|loud)', 'half the size', 'slow', 'sound like a',
  ],
  delay: [
    'still (waiting|no|not|nothing|without|stuck|pending|processing|under review|missing|hasn\'t|haven\'t|don\'t|doesn\'t|can\'t|have not|has not)',
    `never (arrived|came|come|showed|turned up|got|received|delivered|shipped|went through|comes|arrives)`,
    `(hasn't|has not|haven't|have not|didn't|did not|not yet|still hasn't|yet to) (arrived|arrive|come|shipped|ship|been delivered|been shipped|received|receive|got|gotten|been refunded)`,
    'not (arrived|here|delivered|shipped|received)', 'delay*', 'late', 'later than', 'overdue', 'on hold',
    'waiting (for|since|on) ~ (weeks|days|months|hours|ages|forever|refund|reply|response|callback|money|replacement)', 'been waiting', 'wait* ~ (forever|ages|hours|days|weeks|months)', `${NUM} ${UNIT} (ago|later|late|and counting|on hold|wait|now)`,
    `(been|over|almost|nearly|waited|waiting|wait) ${NUM} ${UNIT}`, `(for|took|takes) ${NUM} (hours|days|weeks|months)`, `${NUM}[- ](minute|hour|day|week|month) wait`,
    'since (monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last|early|this morning|\\d+)',
    'for (hours|days|weeks|months|ages)', 'queue*', `${NUM} ${UNIT} (in|on|at|of) (the|a|line|hold)`, 'where(\'s| is) my', 'taking forever', 'took (forever|ages)',
    'it\'s been', 'missed (my|the)', 'no show', 'never showed up', 'sitting in', 'a week after',
  ],
  no_response: [
    'no (response|reply|replies|answer|answers|one|update|updates|explanation|info|information|help|callback|call back|contact)',
    'nobody', 'no one', 'noone', `${NOT} (heard back|responded|replied|answered|called|got back|getting back)`,
    '(never|haven\'t|hasn\'t|didn\'t|not) (heard|respond*|repl*|answer*|call*|get back|got back)',
    'ignor*', 'hung up', 'hang up', 'can\'t get through', 'cannot get through', 'can\'t reach', 'unreachable',
    'template (answers|responses|replies)', 'in circles', 'unhelpful', 'voicemail', 'nobody (called|answers|knows|cares)',
    'left on read', 'no (call|email|text|notice|warning)', 'not a single (update|word|reply|call|email|response)', 'without (any )?(explanation|notice|warning|reason)', 'automated (reply|response|message)',
  ],
  billing: [
    'charged (me )?(twice|double|again|extra|for|without|after)', 'double (charged|billed|charge|charging|billing)',
    'overcharg*', 'billed', 'bill is', 'hidden (fees?|charges?|costs?)', 'extra (charges?|fees?)', 'charging me', 'charges? of',
    '(took|taken|deducted|withdrew|debited) (my )?money', 'money (is )?(still )?(blocked|gone|taken|stuck)',
    'holding my (funds|money)', 'price (went up|increase|hike)', 'prices went up', 'overpriced', '(rip off|ripoff|rip-off)', 'ripped off',
    'paid for nothing', 'paying for nothing', 'what am i paying for', 'charged',
  ],
  dissatisfaction: [
    'disappoint*', 'frustrat*', 'annoy*', 'fed up', 'sick (of|and tired)', 'tired of', 'upset', 'unhappy',
    'dissatisfied', 'unsatisfied', 'unimpressed', 'let down', 'had enough', 'last straw', 'can\'t believe', 'cannot believe',
    '(i )?expected (better|more)', 'so much for', 'waste of (time|money)', 'wasted', 'for nothing', 'regret*',
    'seriously\\?', 'really\\?', 'are you (serious|kidding|joking)', 'how hard (is|can) it', 'is it too much to ask',
    'not cool', 'not ok', 'not okay', 'not fair', 'unfair', 'not acceptable', 'unfortunately', 'sadly', 'sorry to (say|bother)',
    'what a (mess|shame|waste)', 'no longer', 'worse', 'poor', 'bad', 'ugh', 'smh', 'meh', 'which is it',
    'seriously', 'come on', 'really\\? a', 'this is how you treat', 'again\\?', 'ok\\.$', 'okay\\.$',
  ],
  anger: [
    'terrible', 'awful', 'horrible', 'horrendous', 'atrocious', 'worst', 'pathetic', 'ridiculous', 'unacceptable',
    'disgust*', 'disgrace*', 'shameful', 'shame on', 'outrage*', 'appalling', '(is|what|such|total|complete|absolute) a joke', 'useless', 'incompetent*',
    'rude', 'hopeless', 'garbage', 'trash', 'junk', 'rubbish', 'nightmare', 'insane', 'absurd', 'clowns', 'lousy',
    'sucks', 'suck', 'piece of (junk|crap|garbage)', 'scandal*', 'furious', 'livid', 'angry', 'pissed', 'fuming',
    'beyond (frustrating|annoying|ridiculous|a joke)', 'a disaster', 'disaster', '(is|what|such|total|complete|absolute) (a )?joke',
  ],
  profanity: ['fuck*', 'f\\*+k*', 'shit*', 'wtf', 'ffs', 'damn*', 'bullshit', 'crap*', 'screw you', 'omfg', 'bloody', 'hell'],
  deceit: [
    'scam*', 'fraud*', 'misleading', 'mislead*', 'false advertising', 'bait and switch', 'lied', 'lying', 'liars?',
    'cheat*', 'stole*', 'steal*', 'robbery', 'not as (described|advertised|promised)', 'as advertised', 'fake',
  ],
  repeat: [
    '(?<!(?:order|buy|shop|thanks|thank you|come|fly|book|visit|purchase|use you) )again', 'yet again', 'once again', 'every (time|single time|day|week|month|evening|morning|night)',
    '(second|third|fourth|fifth|2nd|3rd|4th|5th|\\d+th) time', `${NUM} times`, 'multiple times', 'in a row',
    'keeps? (getting|sending|telling|asking|saying|happening|giving|changing|cancell?ing)', 'always', 'constantly',
    'over and over', 'same (problem|issue|thing|page|error|answer|result|message|response)', 'each one',
    'another (day|week|month|hour|delay|outage|problem|issue|broken|faulty|error|charge|fee)',
  ],
  expectation: [
    'promised', 'supposed to', 'should (have|be|\'ve)', 'should\'ve', 'advertised', '(was|were) told', 'you said',
    'paid (extra )?for', 'pay for', 'expected', 'guaranteed', 'claim(s|ed) to', 'says (in stock|delivered|it)', 'although', 'even though', 'even if', 'though',
    'instead of', 'than (promised|advertised|standard|expected)', 'not \\d+', 'calls itself', 'apparently',
  ],
  demand: [
    'fix (this|it|your|the)', 'sort (this|it) out', 'please (fix|resolve|sort|stop|explain|refund|replace)',
    '(i|we) (expect|demand|insist)', 'resolve (this|it|my)', 'do something', 'stop (sending|charging|promising|calling)',
    'explain (why|how)', 'get your act together', 'need (this|it) (fixed|resolved|sorted)', 'make (it|this) right',
    'i want (my|a|the|this)', 'replace (it|this)', 'by (friday|monday|tomorrow|today|end of)', 'refund (me|the|my)',
    'want (my|the) (money|fee|shipping fee)', 'give me',
  ],
  compensation: [
    'refund*', 'money back', 'my money', 'reimburs*', 'compensat*', 'credit (my|me|the)', 'pay (me )?back',
    'give me back', 'waive', '(charge back|chargeback)', 'dispute (the|this) charge', 'replacement or', 'fee back',
  ],
  formal: [
    'formal(ly)? complain*', 'formal complaint', '(file|filing|lodge|lodging|make|making|submit|raise|raising) a complaint',
    'official complaint', 'complaint (against|about|to)', 'i want to complain', 'i(\'m| am) complaining', 'written complaint',
    'escalat*', 'complain*',
  ],
  legal: [
    'court', 'courts', 'lawyer*', 'attorney*', 'sue', 'suing', 'legal action', 'small claims', 'consumer (protection|rights)',
    'trading standards', 'ombudsman', 'better business bureau', 'bbb', 'report (you|this) to', 'fcc', 'ftc', 'regulator*',
    'lawsuit', 'class action',
  ],
  churn: [
    'never (buy|buying|order|ordering|shop|shopping|use|using|fly|flying|book|recommend) ~ (again|here|from|with)',
    'never again', `(won't|will not|wouldn't|would never|will never) (buy|order|shop|use|fly|recommend|be back|return|come back|be using)`,
    'switch* (to|provider|carrier|bank)', '(cancel|cancell?ing|cancell?ed|close|closing) (my )?(subscription|account|contract|plan|membership|service)',
    'done with (you|this)', 'leaving (you|for)', 'taking my business', 'go elsewhere', 'lost a customer', 'former customer',
    'one[- ]star', 'bad review', '(delete|deleting|uninstall*) (the|your|this) app', 'last time i', 'goodbye',
  ],
  blame: [
    'you (guys )?(lost|sent|charged|cancell?ed|promised|said|told|refuse|keep|never|didn\'t|did not|don\'t|won\'t|can\'t|messed|screwed|broke|ruined|closed|made|gave|ignore)',
    'your (fault|driver|courier|agent|staff|employees?|system|company|people|delivery partner)',
    "you('ve| have)? (missed|forgot|forgotten|lost)", 'you people', 'thanks to you', 'because of you', 'how you treat',
  ],
  negated_positive: [
    `${NOT} (very |at all |too |so |that )?(happy|satisfied|good|great|helpful|impressed|pleased|acceptable|fair|clear|easy|fast|reliable|worth)`,
    'not a (good|great|pleasant)', 'hardly (works|working|usable)', 'barely (works|working|usable|a month|a week)',
  ],
  why: ['why', 'how come', 'what the hell', 'what happened to', 'how is (this|that|it) (possible|acceptable|legal|ok)'],
  sarcasm: [
    'thanks for nothing', 'thanks a bunch', 'thank you so much for (nothing|ruining)', 'oh great',
    // Only phrases that are sarcastic on their own; "great," or "nice one" may be sincere, and
    // praise next to a failure is left to the praise_with_failure feature.
    'just great', 'love how', 'really appreciate', 'how convenient', 'classy', 'yeah right', 'what a surprise', 'as usual',
    '\\? (great|wonderful|perfect|brilliant|lovely|fantastic|awesome)', 'ok\\.$',
  ],
  positive: [
    'thank*', 'thx', 'great', 'love*', 'loving', 'amazing', 'awesome', 'excellent', 'perfect*', 'fantastic', 'wonderful',
    'helpful', 'impressed', 'happy', 'glad', 'pleased', 'appreciat*', 'recommend*', 'good job', 'made my (day|week)',
    '(shout out|shoutout)', 'kudos', 'stunning', 'smooth*', 'works (great|perfectly|fine|well)', 'on time', 'fast', 'quick*',
    'respect', 'best', 'superb', 'brilliant', 'enjoy*', 'nice', 'polite', 'friendly', 'good', 'wow', ':\\)', 'super',
  ],
  mitigator: [
    // A relative clause describes the thing asked about: "an order that hasn't shipped yet".
    "(that|which|if it) (hasn't|has not|isn't|is not|wasn't|won't|didn't) \\p{L}+( yet)?",
    "(not|i'm not|im not) sure", "(i )?(don't|dont|do not) know", 'no idea', 'heads up', 'for letting (me|us) know', 'not bad', 'no complaints', 'no problem', 'no problems', 'no worries', 'nothing wrong', '(my|our) (fault|mistake|bad)',
    'on my side', 'my side', 'understandable', 'never disappointed', 'i broke', 'myself', 'can\'t wait', 'cannot wait',
    'no (rush|hurry)', '(sorry|apologies) for the (trouble|bother|confusion)', 'all good', 'no damage',
    '(fixed|solved|resolved|sorted) (my|the|it|everything|quickly|out)', 'sorted it', 'but otherwise',
  ],
  hypothetical: [
    '^if', 'what (happens|should i do|do i do|if)', 'in case', 'is it (possible|normal|true)', 'wondering', 'would it',
    'what\'s the worst', 'just checking',
  ],
  question: [
    '(can|could|may) i (return|exchange|pay|get|pick|cancel|use|order|change|buy|still)',
    '^(how|what|which|when|where|who|is|are|do|does|can|could|will|would|may|should|any|have|has)',
    '(can|could|may) (i|we|you)', 'do you', 'does (it|the|this)', 'how (do|can|long|much|to)', 'is there', 'are there',
    'when will', 'i\'d like to (know|buy|order|add)', 'i want to buy', 'i need help', 'which one', 'recommend',
  ],
};
