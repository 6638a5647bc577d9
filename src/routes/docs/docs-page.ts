/**
 * The API reference page: a self-contained page that reads /openapi.json and lists every route
 * with its parameters, body and responses. No CDN: it works offline and on a closed network.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title>
<style>
  :root { --fg:#1d2330; --muted:#5b6474; --line:#e3e7ee; --bg:#f7f8fa; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
  header { padding:24px 32px; background:#fff; border-bottom:1px solid var(--line); }
  header h1 { margin:0 0 4px; font-size:22px; }
  header p { margin:0; color:var(--muted); }
  main { max-width:1040px; margin:0 auto; padding:24px 32px 64px; }
  h2 { margin:32px 0 12px; font-size:18px; }
  details { background:#fff; border:1px solid var(--line); border-radius:8px; margin:8px 0; }
  summary { cursor:pointer; padding:10px 14px; display:flex; gap:12px; align-items:baseline; }
  .method { font:600 12px/1 ui-monospace, monospace; padding:4px 8px; border-radius:4px; color:#fff; min-width:58px; text-align:center; }
  .get { background:#2f7d4f; } .post { background:#2d5fa8; } .put { background:#9a6a12; } .delete { background:#a83232; } .patch { background:#6b4aa8; }
  .path { font-family: ui-monospace, monospace; }
  .summary { color:var(--muted); }
  .body { padding:0 16px 14px; border-top:1px solid var(--line); }
  pre { background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:10px; overflow:auto; font-size:13px; }
  .status { font-family: ui-monospace, monospace; font-weight:600; }
  .lock { font-size:12px; color:#9a6a12; }
</style>
</head>
<body>
<header><h1 id="title">API reference</h1><p id="subtitle">Loading <a href="/openapi.json">/openapi.json</a>…</p></header>
<main id="main"></main>
<script>
(async () => {
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };
  const spec = await (await fetch('/openapi.json')).json();
  document.getElementById('title').textContent = spec.info.title + ' ' + spec.info.version;
  const sub = document.getElementById('subtitle');
  sub.textContent = (spec.info.description || '') + ' ';
  const raw = el('a', null, 'openapi.json'); raw.href = '/openapi.json'; sub.appendChild(raw);
  const schemas = (spec.components && spec.components.schemas) || {};
  const resolve = (s, depth) => {
    if (!s || depth > 6) return s;
    if (s.$ref) return resolve(schemas[s.$ref.split('/').pop()], depth + 1);
    const out = Array.isArray(s) ? [] : {};
    for (const [k, v] of Object.entries(s)) out[k] = v && typeof v === 'object' ? resolve(v, depth + 1) : v;
    return out;
  };
  const byTag = new Map();
  for (const [path, ops] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags && op.tags[0]) || 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  const main = document.getElementById('main');
  for (const [tag, items] of byTag) {
    main.appendChild(el('h2', null, tag));
    for (const { path, method, op } of items) {
      const d = el('details'); const s = el('summary');
      s.append(el('span', 'method ' + method, method.toUpperCase()), el('span', 'path', path), el('span', 'summary', op.summary || ''));
      if (op.security && op.security.length) s.appendChild(el('span', 'lock', 'auth'));
      d.appendChild(s);
      const body = el('div', 'body');
      if (op.description) body.appendChild(el('p', null, op.description));
      if (op.parameters && op.parameters.length) {
        body.appendChild(el('h4', null, 'Parameters'));
        const ul = el('ul');
        for (const p of op.parameters) ul.appendChild(el('li', null, p.name + ' (' + p.in + (p.required ? ', required' : '') + ')' + (p.description ? ': ' + p.description : '')));
        body.appendChild(ul);
      }
      const reqSchema = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (reqSchema) { body.appendChild(el('h4', null, 'Body')); body.appendChild(el('pre', null, JSON.stringify(resolve(reqSchema.schema, 0), null, 2))); }
      body.appendChild(el('h4', null, 'Responses'));
      for (const [status, r] of Object.entries(op.responses || {})) {
        const p = el('p'); p.append(el('span', 'status', status + ' '), document.createTextNode(r.description || ''));
        body.appendChild(p);
        const c = r.content && (r.content['application/json'] || r.content['text/event-stream']);
        if (c && status < 300) body.appendChild(el('pre', null, JSON.stringify(resolve(c.schema, 0), null, 2)));
      }
      d.appendChild(body); main.appendChild(d);
    }
  }
})().catch((e) => { document.getElementById('subtitle').textContent = 'Could not load the API description: ' + e.message; });
</script>
</body>
</html>`;
