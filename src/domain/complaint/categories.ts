/**
 * What the lexicons look for. Each category is one feature of the complaint model, so each must
 * be a thing a person can recognise in a message, in either language.
 */
export const CATEGORIES = [
  /** Something is broken, missing, wrong or fails: "stopped charging", "не включается". */
  'defect',
  /** Waiting and lateness: "still waiting", "3 weeks ago", "до сих пор". */
  'delay',
  /** Nobody answers: "no reply", "hung up", "не дозвониться". */
  'no_response',
  /** Money taken wrongly: "charged twice", "списали дважды". */
  'billing',
  /** Disappointment and frustration, the mild end: "disappointed", "надоело", "к сожалению". */
  'dissatisfaction',
  /** Strong words: "terrible", "unacceptable", "безобразие", "позор". */
  'anger',
  /** Swearing: it marks anger even where no other word does. */
  'profanity',
  /** Being cheated or misled: "scam", "misleading", "обман", "развод". */
  'deceit',
  /** It happened again: "third time", "every time", "опять". */
  'repeat',
  /** A broken promise: "was promised", "supposed to", "обещали", "должны были". */
  'expectation',
  /** The writer tells the company to act: "fix this", "разберитесь". */
  'demand',
  /** Money back or compensation: "refund", "верните деньги", "компенсация". */
  'compensation',
  /** A formal complaint: "formal complaint", "претензия", "жалоба". */
  'formal',
  /** Courts, lawyers, regulators: "lawyer", "суд", "Роспотребнадзор". */
  'legal',
  /** Leaving: "never again", "switching provider", "ухожу к конкурентам". */
  'churn',
  /** The company is the subject of a failure: "you lost", "your courier", "вы потеряли". */
  'blame',
  /** A positive word negated: "not happy", "не доволен". */
  'negated_positive',
  /** A why-question, which in a message to a company is nearly always a reproach. */
  'why',
  /** Sarcasm in so many words: "thanks for nothing", "спасибо за ничего", "oh great". */
  'sarcasm',
  /** Praise and thanks. */
  'positive',
  /** Phrases that take the sting out: "not bad", "no complaints", "my mistake", "претензий нет". */
  'mitigator',
  /** Conditionals and how-to questions: "what if it breaks", "если товар придет сломанным". */
  'hypothetical',
  /** Openings of an information question: "how do I", "can I", "подскажите", "можно ли". */
  'question',
] as const;

export type Category = (typeof CATEGORIES)[number];

export type Lexicon = Record<Category, readonly string[]>;
