/** The API reference page's shell; src/ui/docs/ fills it from /openapi.json (no inline script or style). */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs.css">
</head>
<body>
<header><h1 id="title">API reference</h1><p id="subtitle">Loading <a href="/openapi.json">/openapi.json</a>…</p></header>
<main id="main"></main>
<script src="/docs.js"></script>
</body>
</html>`;

export const DOCS_CSS = `
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
`;
