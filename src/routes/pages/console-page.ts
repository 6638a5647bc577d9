import { html } from 'hono/html';
import type { Locale } from '../../ui/shared/i18n';
import { STRINGS } from '../../ui/console/strings';

/** The console's HTML: an empty root the bundle renders into; no inline script or style. */
export const consolePage = (lang: Locale) => html`<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${STRINGS[lang].title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/console.css" />
    <script src="/console.js" defer></script>
  </head>
  <body>
    <div id="console"></div>
  </body>
</html>`;
