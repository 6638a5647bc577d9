/** @jsxImportSource preact */
import { render } from 'preact';
import { pickLocale } from '../shared/i18n';
import { ConsoleApp } from './app';
import { createConsole } from './controller';
import { STRINGS, type StringKey } from './strings';

/** The operator console, served at /console in the page's language (?lang=ru|en or the browser's). */
const locale = pickLocale(new URLSearchParams(location.search).get('lang'), document.documentElement.lang, navigator.language);
const t = (key: StringKey) => STRINGS[locale][key];
document.documentElement.lang = locale;
document.title = t('title');
const ctl = createConsole({ base: location.origin, locale, t });
const root = document.getElementById('console')!;
render(<ConsoleApp ctl={ctl} t={t} />, root);
if (ctl.session.value) void ctl.start();
