/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { Markdown } from '../shared/markdown-view';
import type { ArticleInput, ArticleView, EditorApi, Problem, RegressionDiff } from './api';
import type { T } from './app';
import { RegressionReport } from './regression-report';

type Draft = { id: string; title: string; lang: 'ru' | 'en'; topic: string; department: string; always: boolean; url: string; tags: string; questions: string[]; answer: string };

const toDraft = (a?: Partial<ArticleView>): Draft => ({
  id: a?.id ?? '',
  title: a?.title ?? '',
  lang: a?.lang ?? 'en',
  topic: a?.topic ?? '',
  department: a?.department ?? 'general',
  always: a?.handoff === 'always',
  url: a?.url ?? '',
  tags: (a?.tags ?? []).join(', '),
  questions: a?.questions?.length ? a.questions : [''],
  answer: a?.answer ?? '',
});

const toInput = (d: Draft): ArticleInput => ({
  id: d.id.trim(),
  title: d.title,
  lang: d.lang,
  ...(d.topic.trim() ? { topic: d.topic.trim() } : {}),
  department: d.department.trim(),
  handoff: d.always ? 'always' : 'auto',
  ...(d.url.trim() ? { url: d.url.trim() } : {}),
  tags: d.tags.split(',').map((s) => s.trim()).filter(Boolean),
  questions: d.questions.map((q) => q.trim()).filter(Boolean),
  answer: d.answer,
});

/** The API's problems; the check route nests the article, so its fields read `article.title`. */
const problemsOf = (err: unknown): Problem[] | undefined =>
  err instanceof ApiError
    ? (err.details as { problems?: Problem[] } | undefined)?.problems?.map((p) => (p.field ? { ...p, field: p.field.replace(/^article\./, '') } : p))
    : undefined;

/** One article: the front matter as a form, the answer with a live preview, save behind the regression check. */
export function ArticleForm(props: { api: EditorApi; t: T; initial?: ArticleView; prefill?: Partial<ArticleView>; onDone: (a: ArticleView | undefined) => void }) {
  const { api, t } = props;
  // The article as stored, updated by this form's saves (the list reloads behind it).
  const [initial, setInitial] = useState(props.initial);
  const [draft, setDraft] = useState(() => toDraft(initial ?? props.prefill));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState('');
  const [diff, setDiff] = useState<RegressionDiff | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const fieldProblems = (field: string) => problems.filter((p) => p.field === field || p.field?.startsWith(`${field}.`));
  const beside = (field: string) => {
    const list = fieldProblems(field);
    return list.length > 0 ? (
      <ul class="problems" id={`${field}-problems`}>
        {list.map((p) => (
          <li class={p.severity}>{p.message}</li>
        ))}
      </ul>
    ) : null;
  };
  const described = (field: string) => (fieldProblems(field).length > 0 ? { 'aria-describedby': `${field}-problems`, 'aria-invalid': true } : {});
  const fail = (err: unknown) => {
    const found = problemsOf(err);
    setProblems(found ?? []);
    setStatus(found ? t('refused') : t('error', { message: (err as Error).message }));
  };

  async function persist() {
    try {
      const input = toInput(draft);
      const saved = initial ? await api.replace(input) : await api.create(input);
      setProblems(saved.warnings);
      setStatus(t('saved'));
      setInitial(saved.article);
      props.onDone(saved.article);
    } catch (err) {
      fail(err);
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    setStatus(t('checking'));
    setDiff(undefined);
    try {
      const result = await api.check({ article: toInput(draft) });
      setDiff(result);
      // A change that breaks a question that worked waits for the editor's decision.
      if (result.newlyWrong.length > 0) return setStatus('');
    } catch (err) {
      return fail(err);
    }
    await persist();
  }

  async function revert() {
    try {
      const saved = await api.revert(draft.id);
      setInitial(saved.article);
      setDraft(toDraft(saved.article));
      setDiff(undefined);
      setStatus('');
      props.onDone(saved.article);
    } catch (err) {
      fail(err);
    }
  }

  const originLine = !initial
    ? ''
    : initial.origin === 'file'
      ? t('fromFile')
      : t(initial.origin === 'edited' ? 'editedBy' : 'createdBy', { by: initial.updatedBy ?? '?', at: new Date(initial.updatedAt ?? 0).toLocaleString() });

  return (
    <form class="card article" aria-label={draft.title || draft.id || t('newArticle')} onSubmit={save}>
      <h2>{initial ? initial.id : t('newArticle')}</h2>
      {originLine && (
        <p class="origin">
          {originLine}{' '}
          {initial?.origin === 'edited' && (
            <button type="button" onClick={revert}>
              {t('revert')}
            </button>
          )}
        </p>
      )}
      {!initial && (
        <>
          <label>
            {t('id')}
            <input value={draft.id} onInput={(e) => set({ id: e.currentTarget.value })} {...described('id')} />
          </label>
          {beside('id')}
        </>
      )}
      <label>
        {t('articleTitle')}
        <input value={draft.title} onInput={(e) => set({ title: e.currentTarget.value })} {...described('title')} />
      </label>
      {beside('title')}
      <div class="row">
        <label>
          {t('lang')}
          <select value={draft.lang} onChange={(e) => set({ lang: e.currentTarget.value as Draft['lang'] })}>
            <option value="en">EN</option>
            <option value="ru">RU</option>
          </select>
        </label>
        <label>
          {t('topic')}
          <input value={draft.topic} onInput={(e) => set({ topic: e.currentTarget.value })} {...described('topic')} />
        </label>
        {beside('topic')}
        <label>
          {t('department')}
          <input value={draft.department} onInput={(e) => set({ department: e.currentTarget.value })} {...described('department')} />
        </label>
        {beside('department')}
      </div>
      <fieldset>
        <legend>{t('questions')}</legend>
        {draft.questions.map((q, i) => (
          <div class="variant" key={i}>
            <input
              aria-label={t('question', { n: i + 1 })}
              value={q}
              onInput={(e) => set({ questions: draft.questions.map((old, j) => (j === i ? e.currentTarget.value : old)) })}
              {...described(`questions.${i}`)}
            />
            <button type="button" aria-label={t('removeQuestion', { n: i + 1 })} onClick={() => set({ questions: draft.questions.filter((_, j) => j !== i) })}>
              ×
            </button>
            {beside(`questions.${i}`)}
          </div>
        ))}
        {fieldProblems('questions').filter((p) => p.field === 'questions').length > 0 && beside('questions')}
        <button type="button" onClick={() => set({ questions: [...draft.questions, ''] })}>
          {t('addQuestion')}
        </button>
      </fieldset>
      <label>
        {t('tags')}
        <input value={draft.tags} onInput={(e) => set({ tags: e.currentTarget.value })} {...described('tags')} />
      </label>
      {beside('tags')}
      <label class="check">
        <input type="checkbox" checked={draft.always} onChange={(e) => set({ always: e.currentTarget.checked })} />
        {t('handoffAlways')}
      </label>
      <label>
        {t('url')}
        <input type="url" value={draft.url} onInput={(e) => set({ url: e.currentTarget.value })} {...described('url')} />
      </label>
      {beside('url')}
      <div class="answer">
        <label>
          {t('answer')}
          <textarea rows={8} value={draft.answer} onInput={(e) => set({ answer: e.currentTarget.value })} {...described('answer')} />
        </label>
        {beside('answer')}
        <section class="preview" aria-label={t('preview')}>
          <h3>{t('preview')}</h3>
          <Markdown text={draft.answer} />
        </section>
      </div>
      {problems.filter((p) => !p.field || !['id', 'title', 'topic', 'department', 'questions', 'tags', 'url', 'answer'].includes(p.field.split('.')[0]!)).map((p) => (
        <p class={p.severity}>{p.message}</p>
      ))}
      {diff && (
        <RegressionReport
          t={t}
          diff={diff}
          onConfirm={diff.newlyWrong.length > 0 && status !== t('saved') ? () => void persist() : undefined}
          onUndo={() => {
            setDraft(toDraft(initial ?? props.prefill));
            setDiff(undefined);
          }}
        />
      )}
      <p role="status" class="status">
        {status}
      </p>
      <div class="actions">
        <button type="submit">{t('save')}</button>
        {initial &&
          (confirmDelete ? (
            <span role="group" aria-label={t('confirmDelete')}>
              {t('confirmDelete')}{' '}
              <button
                type="button"
                class="danger"
                onClick={() =>
                  api
                    .remove(initial.id)
                    .then(() => props.onDone(undefined))
                    .catch(fail)
                }
              >
                {t('yesDelete')}
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                {t('cancel')}
              </button>
            </span>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
              {t('delete')}
            </button>
          ))}
      </div>
    </form>
  );
}
