import type { Store } from '../store/ports';
import { answerable, articleSchema, slotKey, type Article, type ArticleInput, type KbProblem, type Lang } from './article';
import { effectiveArticle, kbEditsCollection, sameEffect, type KbEdit } from './kb-edits';
import { loadKnowledgeBase, type KbFile } from './loader';
import { confidenceAtShare, createRetriever, isAmbiguous, type RetrievalEntry, type RetrieverOptions, type SavedCalibration, type TrafficShare } from './retrieval';
import { createTrafficTracker } from './traffic';
import { validateArticle, zodProblems } from './validate';

/**
 * The live knowledge base: the files are the baseline, editor changes stored in the store are
 * layered over them, and the search index follows both incrementally. Edge-safe: the files come
 * in as text, the edits through the store port, so every instance (Workers included) converges
 * on the same articles by watching one counter.
 */

/** Where an effective article comes from, for the editor. */
export type ArticleSource = 'file' | 'edited' | 'created';

export interface KbSearchResult {
  matches: { article: Article; score: number }[];
  confidence: number;
  threshold: number;
  signals: Record<string, number>;
  /** Not safe to answer, but very likely one of the first two: worth a clarifying question. */
  ambiguous: boolean;
}

export type KbSaveResult =
  | { ok: true; article: Article; created: boolean; warnings: KbProblem[] }
  | { ok: false; problems: KbProblem[]; conflict?: 'exists' | 'missing' };

/** `create` refuses an id that exists, `replace` one that does not; `upsert` takes either. */
export type KbSaveMode = 'create' | 'replace' | 'upsert';

export interface KnowledgeBase {
  /** Effective articles: file baseline with stored edits layered over (edits win; a stored deletion hides a file article). */
  list(): Article[];
  get(id: string): Article | undefined;
  /** Where an effective article comes from and, when edited, who changed it last and when (epoch ms). */
  origin(id: string): { source: ArticleSource; by?: string; at?: number } | undefined;
  /** The article of the same topic in the wanted language, if any (a visitor gets the article in their own language). */
  inLanguage(article: Article, lang: Lang): Article;
  /** Ranked matches over answerable articles (never evalOnly ones), with the retriever's confidence/signals/threshold. */
  search(text: string, opts?: { k?: number }): KbSearchResult;
  /**
   * Pick up edits made by other instances: reads the edit counter (at most once per
   * `refreshIntervalMs`) and, when it moved, reloads the edits and updates the index for what
   * changed only. Call it before each use; cheap when nothing changed. Store failures propagate.
   */
  refresh(): Promise<void>;
  /**
   * Validate (the file rules, against all other effective articles), store, bump the counter and
   * update the local index. Errors → nothing stored; warnings are stored and returned.
   */
  save(input: ArticleInput, by: string, mode?: KbSaveMode): Promise<KbSaveResult>;
  /** Hide (file article) or drop (created article); false when no such effective article. */
  remove(id: string, by: string): Promise<boolean>;
  /**
   * Drop the stored edit of a file article (a change or a deletion), so its file version is in
   * effect again. Refused when that version now breaks a rule (another article took one of its
   * questions since); `missing` when there is no file version or no edit to drop.
   */
  revert(id: string): Promise<KbSaveResult>;
  /** Problems of the file baseline at load. */
  readonly problems: KbProblem[];
  /** Stored edits skipped because they no longer parse (ids), from the latest reload. */
  readonly skippedEdits: string[];
  /** Effective article count. */
  readonly size: number;
  /** The search calibration of the articles as loaded (see SavedCalibration); null after edits. */
  saveCalibration(): SavedCalibration | null;
  /** Whether the search calibration in use was saved (shipped with the build) or computed here. */
  readonly calibrationSource: 'saved' | 'computed';
  /**
   * The out-of-scope share of the traffic all instances have seen (see src/kb/traffic.ts) and
   * the answer threshold: confidences are computed at `used`, the assumed share until enough
   * traffic was seen, then the estimate within its bounds.
   */
  traffic(): TrafficShare & { assumedShare: number; threshold: number };
}

export interface KnowledgeBaseOptions {
  files: readonly KbFile[];
  store: Store;
  now?: () => number;
  /** How long a counter read is trusted; 0 reads it on every refresh (tests). Default 2000. */
  refreshIntervalMs?: number;
  retrieverOptions?: RetrieverOptions;
  /** How often the traffic counts are written and re-read; default 60 s (see src/kb/traffic.ts). */
  trafficIntervalMs?: number;
}


const toEntry = (a: Article): RetrievalEntry => ({ id: a.id, title: a.title, questions: a.questions, answer: a.answer, lang: a.lang, tags: a.tags });


/**
 * Which of two articles of one topic and language is the translation target: an answerable
 * one, then the smaller id. Every instance picks the same, whatever order it saw them in.
 */
const preferred = (a: Article, b: Article): Article => {
  if (answerable(a) !== answerable(b)) return answerable(a) ? a : b;
  return a.id < b.id ? a : b;
};

/**
 * @example
 * const kb = await createKnowledgeBase({ files: BUNDLED_KB, store });
 * await kb.refresh();
 * const { matches, confidence, threshold } = kb.search('how much is delivery?');
 */
export async function createKnowledgeBase(opts: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const now = opts.now ?? (() => Date.now());
  const interval = opts.refreshIntervalMs ?? 2000;
  const stored = kbEditsCollection(opts.store.documents);
  const loaded = loadKnowledgeBase(opts.files);
  const baseline = new Map(loaded.articles.map((a) => [a.id, a]));

  // Counter before edits: an edit landing in between is then seen again next time, never missed.
  let seenCounter = await stored.counter();
  let { edits, skipped } = await stored.load();
  let checkedAt = now();

  const effective = new Map<string, Article>();
  const slots = new Map<string, string>();
  for (const id of new Set([...baseline.keys(), ...edits.keys()])) {
    const article = effectiveArticle(baseline.get(id), edits.get(id));
    if (article) place(article);
  }
  const retriever = createRetriever([...effective.values()].filter(answerable).map(toEntry), opts.retrieverOptions);
  const traffic = createTrafficTracker({ docs: opts.store.documents, assumedShare: retriever.assumedShare, now, ...(opts.trafficIntervalMs === undefined ? {} : { intervalMs: opts.trafficIntervalMs }) });

  function place(article: Article): void {
    effective.set(article.id, article);
    const key = slotKey(article.topic, article.lang);
    const holder = effective.get(slots.get(key) ?? '');
    if (!holder || holder.id === article.id || preferred(article, holder) === article) slots.set(key, article.id);
  }

  /** Bring maps and index in line with the current baseline + edits for one id. */
  function apply(id: string): void {
    const before = effective.get(id);
    if (before) {
      effective.delete(id);
      const key = slotKey(before.topic, before.lang);
      if (slots.get(key) === id) {
        slots.delete(key);
        // A baseline with two articles for one slot (lint reports it) keeps a translation target.
        const rivals = [...effective.values()].filter((a) => slotKey(a.topic, a.lang) === key);
        if (rivals.length > 0) slots.set(key, rivals.reduce(preferred).id);
      }
    }
    const after = effectiveArticle(baseline.get(id), edits.get(id));
    if (after) place(after);
    if (after && answerable(after)) retriever.upsert(toEntry(after));
    else if (before) retriever.remove(id);
  }

  async function reload(): Promise<void> {
    const counter = await stored.counter();
    if (counter === seenCounter) return;
    const next = await stored.load();
    const changed = [...new Set([...edits.keys(), ...next.edits.keys()])].filter((id) => !sameEffect(edits.get(id), next.edits.get(id)));
    edits = next.edits;
    skipped = next.skipped;
    seenCounter = counter;
    changed.forEach(apply);
  }

  // One reload at a time: concurrent requests share it instead of each listing the namespace.
  let pending: Promise<void> | undefined;
  function sync(force: boolean): Promise<void> {
    if (pending) return pending;
    if (!force && now() - checkedAt < interval) return Promise.resolve();
    checkedAt = now();
    pending = reload().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  // Changes on this instance go one at a time, so two concurrent saves cannot both pass validation
  // against a state that lacks the other (say, the same question twice). Across instances that
  // window remains, as small as a request; the next save of either article would then report the clash.
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Store one change and record it locally; `write` is the store call. */
  async function commit(id: string, edit: KbEdit | undefined, write: () => Promise<void>): Promise<void> {
    await write();
    const counter = await stored.bump();
    if (edit) edits.set(id, edit);
    else edits.delete(id);
    apply(id);
    // Our bump directly after what we had seen: nothing else happened in between. Otherwise
    // another instance wrote too, so check again on the very next refresh.
    if (counter === seenCounter + 1) seenCounter = counter;
    else checkedAt = -Infinity;
  }

  return {
    list: () => [...effective.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    get: (id) => effective.get(id),
    origin(id) {
      if (!effective.has(id)) return undefined;
      const edit = edits.get(id);
      if (!edit) return { source: 'file' };
      return { source: baseline.has(id) ? 'edited' : 'created', by: edit.by, at: edit.at };
    },
    inLanguage(article, lang) {
      if (article.lang === lang) return article;
      const other = effective.get(slots.get(slotKey(article.topic, lang)) ?? '');
      return other && answerable(other) ? other : article;
    },
    search(text, searchOpts) {
      const result = retriever.search(text, { k: searchOpts?.k ?? 5 });
      const matches = result.matches.flatMap((m) => {
        const article = effective.get(m.id);
        return article ? [{ article, score: m.score }] : [];
      });
      const threshold = retriever.threshold;
      // The two best entries may be one topic in two languages, and the visitor gets that topic in
      // their own language either way: then P(right) is P(the right entry is among the two).
      const [first, second] = matches;
      const oneTopic = first !== undefined && second !== undefined && first.article.topic === second.article.topic;
      // Every query counts towards the traffic's share, and every confidence is taken at it.
      // (A calibration saved before P(in scope) existed has none: nothing to count or re-weigh.)
      const pIn = result.signals.pIn;
      if (pIn !== undefined) traffic.record(pIn);
      const share = traffic.state.used;
      const at = (c: number): number => (pIn === undefined ? c : confidenceAtShare(c, pIn, retriever.assumedShare, share));
      const top2 = at(result.signals.top2 ?? 0);
      const own = at(result.confidence);
      const signals = { ...result.signals, top2, oosShare: share };
      const confidence = oneTopic ? Math.max(own, top2) : own;
      return { matches, confidence, threshold, signals, ambiguous: !oneTopic && isAmbiguous({ ...result, confidence: own, signals }, threshold) };
    },
    refresh: async () => {
      await Promise.all([sync(false), traffic.sync()]);
    },
    save(input, by, mode = 'upsert') {
      const parsed = articleSchema.safeParse(input);
      const file = typeof input?.id === 'string' ? input.id : 'article';
      if (!parsed.success) return Promise.resolve({ ok: false, problems: zodProblems(parsed.error, input, file) });
      const article = parsed.data;
      return serially(async (): Promise<KbSaveResult> => {
        // Validate against the newest state, not the last one this instance happened to see.
        await sync(true);
        // Checked here, in line with other changes, so that two creates of one id, or a replace
        // racing a delete, cannot both pass a check made before either was stored.
        const exists = effective.has(article.id);
        if (mode === 'create' && exists) return { ok: false, problems: [], conflict: 'exists' };
        if (mode === 'replace' && !exists) return { ok: false, problems: [], conflict: 'missing' };
        const others = [...effective.values()].filter((a) => a.id !== article.id);
        const problems = validateArticle(article, others);
        if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
        const created = !exists;
        const edit: KbEdit = { article, by, at: now() };
        await commit(article.id, edit, () => stored.put(article.id, edit));
        return { ok: true, article, created, warnings: problems };
      });
    },
    remove(id, by) {
      return serially(async () => {
        await sync(true);
        if (!effective.has(id)) return false;
        if (baseline.has(id)) {
          const edit: KbEdit = { deleted: true, by, at: now() };
          await commit(id, edit, () => stored.put(id, edit));
        } else {
          await commit(id, undefined, () => stored.delete(id));
        }
        return true;
      });
    },
    revert(id) {
      return serially(async (): Promise<KbSaveResult> => {
        await sync(true);
        const file = baseline.get(id);
        if (!file || !edits.has(id)) return { ok: false, problems: [], conflict: 'missing' };
        const problems = validateArticle(file, [...effective.values()].filter((a) => a.id !== id));
        if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
        await commit(id, undefined, () => stored.delete(id));
        return { ok: true, article: file, created: false, warnings: problems };
      });
    },
    problems: loaded.problems,
    get skippedEdits() {
      return skipped;
    },
    get size() {
      return effective.size;
    },
    saveCalibration: () => retriever.saveCalibration(),
    get calibrationSource() {
      return retriever.calibrationSource;
    },
    traffic: () => ({ ...traffic.state, assumedShare: retriever.assumedShare, threshold: retriever.threshold }),
  };
}
