/**
 * Function words that carry no topic; greetings and thanks are not here, since a bot has
 * intents for them. Kept short on purpose: negations and question words
 * ("not", "why", "не", "почему") stay, because "card not working" and "card working" are
 * different support questions. Forms are normalised (lowercase, ё→е, no apostrophes).
 */
const EN = `a an the and or but if of to in on at by for with from as into about than then so
is am are was were be been being do does did doing have has had having i me my mine myself we us
our you your yours he him his she her it its they them their this that these those there here
will would shall should could may might must just also very too im ive id youre its thats theres
please`;

const RU = `и а но или да же ли бы то это этот эта эти тот та те в во на с со к ко о об обо от до
по за из у при для про над под же ведь вот вон уж ну я мне меня мной мы нас нам вы вас вам ты
тебя тебе он его ему она ее ей они их им оно мой моя мое мою мои моего моей моим моих моем свой
своя свое свою свои своего своей своим своих твой ваш ваша ваше ваши был была было были быть
пожалуйста`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${EN} ${RU}`.split(/\s+/).filter((w) => w !== ''),
);
