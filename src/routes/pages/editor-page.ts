/** The editor page's shell; src/ui/editor/ fills it (no inline script or style). */
export const EDITOR_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Knowledge-base editor</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/editor.css">
</head>
<body>
<div id="app"></div>
<script src="/editor.js"></script>
</body>
</html>`;

export const EDITOR_CSS = `
  :root { --fg:#1d2330; --muted:#555e6e; --line:#d5dbe4; --bg:#f4f6f9; --accent:#1f55a6; --bad:#a3261f; --good:#23703f; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
  header { display:flex; gap:12px; align-items:center; padding:12px 24px; background:#fff; border-bottom:1px solid var(--line); }
  header h1 { margin:0 auto 0 0; font-size:20px; }
  main { padding:16px 24px; }
  .workspace { display:grid; grid-template-columns: minmax(320px, 1fr) minmax(420px, 1.3fr); gap:16px; align-items:start; }
  .side { display:flex; flex-direction:column; gap:16px; }
  .card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px 16px; }
  .signin { max-width:360px; margin:40px auto; display:flex; flex-direction:column; gap:10px; }
  h2 { margin:0 0 10px; font-size:17px; } h3 { margin:10px 0 6px; font-size:15px; } h4 { margin:6px 0; font-size:14px; }
  label { display:flex; flex-direction:column; gap:3px; font-size:13px; color:var(--muted); margin:6px 0; }
  label.check { flex-direction:row; align-items:center; gap:8px; color:var(--fg); }
  input, select, textarea { font:inherit; color:var(--fg); padding:6px 8px; border:1px solid #8a94a6; border-radius:5px; background:#fff; }
  textarea { resize:vertical; }
  input[aria-invalid="true"], textarea[aria-invalid="true"] { border-color:var(--bad); }
  button { font:inherit; padding:6px 12px; border-radius:5px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; }
  button[type="button"] { background:#fff; color:var(--accent); }
  button.danger { border-color:var(--bad); color:var(--bad); background:#fff; }
  button.link { border:none; background:none; color:var(--accent); padding:0; text-align:left; text-decoration:underline; }
  button:disabled { opacity:.55; cursor:default; }
  .filters { display:grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap:0 10px; margin-bottom:8px; }
  table { width:100%; border-collapse:collapse; margin-top:10px; font-size:14px; }
  th, td { text-align:left; padding:5px 6px; border-bottom:1px solid var(--line); vertical-align:top; }
  tbody th { font-weight:500; color:var(--muted); }
  .missing { color:var(--bad); font-style:italic; }
  .badge { margin-left:6px; font-size:11px; padding:1px 6px; border-radius:9px; background:#fff1d6; color:#6b4a00; text-decoration:none; display:inline-block; }
  .row { display:grid; grid-template-columns: 90px 1fr 1fr; gap:10px; }
  fieldset { border:1px solid var(--line); border-radius:6px; margin:8px 0; padding:6px 10px; }
  legend { font-size:13px; color:var(--muted); }
  .variant { display:grid; grid-template-columns: 1fr auto; gap:6px; margin:4px 0; }
  .variant .problems { grid-column: 1 / -1; }
  .answer { display:grid; grid-template-columns: 1fr 1fr; gap:12px; }
  .preview { border:1px dashed var(--line); border-radius:6px; padding:4px 10px; }
  .problems { margin:2px 0; padding-left:18px; color:var(--bad); font-size:13px; }
  .problems .warning, p.warning { color:#6b4a00; }
  p.error, .error { color:var(--bad); }
  .origin { color:var(--muted); font-size:13px; }
  .actions { display:flex; gap:10px; align-items:center; flex-wrap:wrap; margin-top:8px; }
  .regression { border:1px solid var(--line); border-radius:6px; padding:6px 12px; margin-top:10px; background:#fafbfc; }
  .regression .wrong h4 { color:var(--bad); } .regression .right h4 { color:var(--good); }
  .status { min-height:1.2em; color:var(--muted); }
  .decision { font-weight:600; }
  .muted { color:var(--muted); font-size:12px; }
  .sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
  @media (max-width: 900px) { .workspace, .answer { grid-template-columns: 1fr; } }
`;
