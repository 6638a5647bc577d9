/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { ArticleView, EditorApi, TryResult } from './api';
import type { T } from './app';

/** "Try a question": what the bot would do with it, and one click to teach it a variant. */
export function TryPanel({ api, t, onChanged }: { api: EditorApi; t: T; onChanged: (a: ArticleView) => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<TryResult | undefined>();
  const [error, setError] = useState('');
  const run = (question = text) =>
    api
      .try(question)
      .then((r) => {
        setResult(r);
        setError('');
      })
      .catch((err: Error) => setError(err.message));

  async function addVariant(id: string) {
    try {
      const article = await api.get(id);
      const saved = await api.replace({ ...article, questions: [...article.questions, text.trim()] });
      onChanged(saved.article);
      await run();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section class="card try" aria-labelledby="try-title">
      <h2 id="try-title">{t('tryTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('tryText')}
          <input value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('tryRun')}</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {result && (
        <div class="try-result">
          <p class={`decision ${result.decision.kind}`}>{t('decision', { kind: result.decision.kind })}</p>
          <p>{t('confidence', { c: result.confidence.toFixed(2), t: result.threshold.toFixed(2) })}</p>
          <p>{t('reasons', { reasons: result.decision.reasons.join(', ') || t('none') })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('articleTitle')}</th>
                <th scope="col">{t('score')}</th>
                <th scope="col">{t('matched')}</th>
                <th scope="col">
                  <span class="sr-only">{t('addVariant', { title: '' })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.matches.map((m, i) => (
                <tr key={m.id}>
                  <td>{i + 1}</td>
                  <td>
                    {m.title} <span class="muted">{m.id}</span>
                  </td>
                  <td>{m.score.toFixed(3)}</td>
                  <td>{m.matchedWords.join(', ') || t('none')}</td>
                  <td>
                    <button type="button" onClick={() => void addVariant(m.id)} disabled={!text.trim()}>
                      {t('addVariant', { title: m.title })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
