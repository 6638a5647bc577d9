import { Hono, type Context } from 'hono';
import { UI_ASSETS } from '../../generated/ui-assets';
import type { HonoEnv } from '../../http/hono-env';
import { pickLocale } from '../../ui/shared/i18n';
import { DOCS_CSS, DOCS_PAGE } from './docs-page';
import { CONSOLE_CSS } from '../../ui/console/styles';
import { consolePage } from './console-page';
import { EDITOR_CSS, EDITOR_PAGE } from './editor-page';
import { SHOP_CSS, shopPage } from './shop-page';

/**
 * The pages' Content-Security-Policy: scripts and styles from this origin only, no inline
 * script, nothing fetched but our own API. The widget styles its shadow root with a
 * constructed stylesheet, which needs no 'unsafe-inline'.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Staff pages are never framed: a framing site could trick an operator into clicks. */
export const STAFF_PAGE_CSP = PAGE_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'none'");

/** The bundles built by scripts/build-ui.ts, with an ETag so a returning browser gets a 304. */
function asset(c: Context<HonoEnv>, path: string, type: string) {
  const found = UI_ASSETS[path];
  if (!found) return c.notFound();
  c.header('ETag', found.etag);
  // Short: a site embedding the widget picks up a new release within minutes.
  c.header('Cache-Control', 'public, max-age=300');
  if (c.req.header('if-none-match') === found.etag) return c.body(null, 304);
  return c.body(found.body, 200, { 'Content-Type': type });
}

function stylesheet(c: Context<HonoEnv>, css: string) {
  c.header('Cache-Control', 'public, max-age=300');
  return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' });
}

export const pageRoutes = new Hono<HonoEnv>()
  .get('/widget.js', (c) => asset(c, '/widget.js', 'text/javascript; charset=utf-8'))
  .get('/demo.js', (c) => asset(c, '/demo.js', 'text/javascript; charset=utf-8'))
  .get('/docs.js', (c) => asset(c, '/docs.js', 'text/javascript; charset=utf-8'))
  .get('/demo.css', (c) => stylesheet(c, SHOP_CSS))
  .get('/docs.css', (c) => stylesheet(c, DOCS_CSS))
  .get('/editor.js', (c) => asset(c, '/editor.js', 'text/javascript; charset=utf-8'))
  .get('/editor.css', (c) => stylesheet(c, EDITOR_CSS))
  .get('/editor', (c) => {
    // A staff page: never framed by another page.
    c.header('Content-Security-Policy', PAGE_CSP.replace("frame-ancestors 'self'", "frame-ancestors 'none'"));
    return c.html(EDITOR_PAGE);
  })
  .get('/docs', (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    return c.html(DOCS_PAGE);
  })
  .get('/console.js', (c) => asset(c, '/console.js', 'text/javascript; charset=utf-8'))
  .get('/console.css', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(CONSOLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  })
  .get('/console', (c) => {
    const lang = pickLocale(c.req.query('lang'), c.req.header('accept-language'));
    c.header('Content-Security-Policy', STAFF_PAGE_CSP);
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Vary', 'Accept-Language');
    return c.html(consolePage(lang));
  })
  .get('/', (c) => {
    const lang = pickLocale(c.req.query('lang'), c.req.header('accept-language'));
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Vary', 'Accept-Language');
    return c.html(shopPage(lang));
  });
