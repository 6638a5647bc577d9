/** @jsxImportSource preact */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../shared/api';
import { format, type Locale } from '../shared/i18n';
import { editorApi, login, type ArticleView, type EditorApi } from './api';
import { ArticleForm } from './article-form';
import { STRINGS, type StringKey } from './strings';
import { TryPanel } from './try-panel';

export type T = (key: StringKey, vars?: Record<string, string | number>) => string;
const TOKEN_KEY = 'kb-editor:token';

export function EditorApp({ base, initialLocale }: { base: string; initialLocale: Locale }) {
  const [locale, setLocale] = useState(initialLocale);
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const t: T = (key, vars) => format(STRINGS[locale][key], vars);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken('');
  };
  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <button type="button" onClick={() => setLocale(locale === 'ru' ? 'en' : 'ru')}>
          {t('otherLanguage')}
        </button>
        {token && (
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        )}
      </header>
      {token ? (
        <Workspace api={editorApi(base, token)} t={t} onUnauthorized={signOut} />
      ) : (
        <SignIn
          t={t}
          onSignIn={async (email, password) => {
            const result = await login(base, { email, password });
            sessionStorage.setItem(TOKEN_KEY, result.token);
            setToken(result.token);
          }}
        />
      )}
    </>
  );
}

function SignIn({ t, onSignIn }: { t: T; onSignIn: (email: string, password: string) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  return (
    <main>
      <form
        class="card signin"
        onSubmit={(e) => {
          e.preventDefault();
          setError('');
          onSignIn(email, password).catch((err: Error) => setError(err.message));
        }}
      >
        <h2>{t('signIn')}</h2>
        <label>
          {t('email')}
          <input type="email" autocomplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required />
        </label>
        <label>
          {t('password')}
          <input type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} required />
        </label>
        {error && <p role="alert" class="error">{error}</p>}
        <button type="submit">{t('signIn')}</button>
      </form>
    </main>
  );
}

type Filters = { q: string; lang: string; tag: string; department: string; topic: string };

function matches(a: ArticleView, f: Filters): boolean {
  const words = f.q.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [a.id, a.title, a.answer, ...a.questions, ...a.tags].join(' ').toLowerCase();
  return (
    words.every((w) => hay.includes(w)) &&
    (!f.lang || a.lang === f.lang) &&
    (!f.tag || a.tags.includes(f.tag)) &&
    (!f.department || a.department === f.department) &&
    (!f.topic || a.topic === f.topic)
  );
}

function Workspace({ api, t, onUnauthorized }: { api: EditorApi; t: T; onUnauthorized: () => void }) {
  const [articles, setArticles] = useState<ArticleView[]>([]);
  const [filters, setFilters] = useState<Filters>({ q: '', lang: '', tag: '', department: '', topic: '' });
  const [open, setOpen] = useState<ArticleView | 'new' | undefined>();
  const [error, setError] = useState('');
  const reload = () =>
    api
      .list()
      .then((r) => setArticles(r.articles))
      .catch((err: Error) => (err instanceof ApiError && err.status === 401 ? onUnauthorized() : setError(err.message)));
  useEffect(() => {
    void reload();
  }, []);
  const shown = articles.filter((a) => matches(a, filters));
  const topics = [...new Set(shown.map((a) => a.topic))].sort();
  const byTopic = (topic: string, lang: string) => articles.find((a) => a.topic === topic && a.lang === lang);
  const options = (values: string[]) => [...new Set(values)].sort().map((v) => <option value={v}>{v}</option>);
  const filter = (key: keyof Filters) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement }) => setFilters({ ...filters, [key]: e.currentTarget.value });
  const cell = (a: ArticleView | undefined) =>
    a ? (
      <button type="button" class="link" onClick={() => setOpen(a)}>
        {a.title}
        {a.origin !== 'file' && <span class="badge">{a.origin}</span>}
      </button>
    ) : (
      <span class="missing">{t('missing')}</span>
    );
  return (
    <main class="workspace">
      <section class="card list" aria-labelledby="list-title">
        <h2 id="list-title">{t('articles')}</h2>
        <div class="filters">
          <label>
            {t('search')}
            <input type="search" value={filters.q} onInput={filter('q')} />
          </label>
          <label>
            {t('lang')}
            <select value={filters.lang} onChange={filter('lang')}>
              <option value="">{t('any')}</option>
              <option value="en">EN</option>
              <option value="ru">RU</option>
            </select>
          </label>
          <label>
            {t('tag')}
            <select value={filters.tag} onChange={filter('tag')}>
              <option value="">{t('any')}</option>
              {options(articles.flatMap((a) => a.tags))}
            </select>
          </label>
          <label>
            {t('department')}
            <select value={filters.department} onChange={filter('department')}>
              <option value="">{t('any')}</option>
              {options(articles.map((a) => a.department))}
            </select>
          </label>
          <label>
            {t('topic')}
            <select value={filters.topic} onChange={filter('topic')}>
              <option value="">{t('any')}</option>
              {options(articles.map((a) => a.topic))}
            </select>
          </label>
        </div>
        <button type="button" onClick={() => setOpen('new')}>
          {t('newArticle')}
        </button>
        {error && <p role="alert" class="error">{error}</p>}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('topic')}</th>
              <th scope="col">EN</th>
              <th scope="col">RU</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic}>
                <th scope="row">{topic}</th>
                <td>{cell(byTopic(topic, 'en'))}</td>
                <td>{cell(byTopic(topic, 'ru'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div class="side">
        {open && (
          <ArticleForm
            key={open === 'new' ? 'new' : open.id}
            api={api}
            t={t}
            initial={open === 'new' ? undefined : open}
            onDone={(next) => {
              setOpen(next);
              void reload();
            }}
          />
        )}
        <TryPanel
          api={api}
          t={t}
          onChanged={(article) => {
            void reload();
            setOpen(article);
          }}
        />
      </div>
    </main>
  );
}
