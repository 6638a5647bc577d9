/** @jsxImportSource preact */
import { render } from 'preact';
import { pickLocale } from '../shared/i18n';
import { EditorApp } from './app';

/** The knowledge-base editor page (/editor): mounts into #app of the page shell. */
const root = document.getElementById('app');
if (root) {
  const locale = pickLocale(new URLSearchParams(location.search).get('lang'), navigator.language);
  render(<EditorApp base={location.origin} initialLocale={locale} />, root);
}
