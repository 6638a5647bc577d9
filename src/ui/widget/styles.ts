/**
 * The widget's CSS, adopted by its shadow root only: the host page's rules cannot reach inside,
 * and these never leak out. `:host` rules are !important because an important declaration in a
 * shadow tree beats the page's own (`* { all: unset !important }` on a hostile page).
 */
export const WIDGET_CSS = `
:host { all: initial !important; display: block !important; position: static !important; }
.root { all: initial; --accent: #1d4ed8; --accent-ink: #fff; --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #fff; --soft: #f3f4f6;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, "Helvetica Neue", Arial, sans-serif; color: var(--ink); }
.root * { box-sizing: border-box; font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button { cursor: pointer; border: 0; background: none; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.launcher { position: fixed; bottom: 20px; z-index: 2147483000; display: flex; align-items: center; gap: 8px; height: 56px; padding: 0 20px 0 16px;
  border-radius: 28px; background: var(--accent); color: var(--accent-ink); box-shadow: 0 6px 20px rgba(0,0,0,.25); font-weight: 600; }
.launcher svg { flex: none; }
.launcher.round { width: 56px; padding: 0; justify-content: center; }
.right .launcher { right: 20px; } .left .launcher { left: 20px; }
.badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; background: #b91c1c; color: #fff;
  font-size: 13px; line-height: 22px; text-align: center; font-weight: 700; }
.panel { position: fixed; bottom: 88px; z-index: 2147483001; width: 380px; height: min(600px, calc(100vh - 110px)); display: flex; flex-direction: column;
  background: var(--bg); border: 1px solid var(--line); border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.22); overflow: hidden; }
.right .panel { right: 20px; } .left .panel { left: 20px; }
@media (prefers-reduced-motion: no-preference) { .panel { animation: sc-in .16s ease-out; } }
@keyframes sc-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
@media (max-width: 480px) {
  .panel { inset: 0 !important; width: 100%; height: 100%; border-radius: 0; border: 0; bottom: 0; }
  .root:has(.panel) .launcher { display: none; }
}
.header { display: flex; align-items: center; gap: 6px; padding: 12px 12px 12px 16px; background: var(--accent); color: var(--accent-ink); }
.titles { flex: 1; min-width: 0; }
.header h2 { margin: 0; font-size: 17px; font-weight: 700; }
.subtitle { margin: 0; font-size: 13px; opacity: .92; }
.icon-button { display: inline-flex; align-items: center; justify-content: center; min-width: 36px; height: 36px; padding: 0 8px; border-radius: 8px; color: inherit; font-weight: 700; }
.icon-button:hover { background: rgba(255,255,255,.16); }
.header :focus-visible { outline-color: #fff; }
.messages { position: relative; flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 10px; background: var(--soft); }
.msg { display: flex; flex-direction: column; max-width: 86%; }
.msg.visitor { align-self: flex-end; align-items: flex-end; }
.msg.bot, .msg.operator { align-self: flex-start; }
.msg.system { align-self: center; max-width: 95%; text-align: center; color: var(--muted); font-size: 13.5px; }
.msg.system p { margin: 0; }
.bubble { padding: 9px 12px; border-radius: 14px; background: var(--bg); border: 1px solid var(--line); overflow-wrap: anywhere; }
.msg.visitor .bubble { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
.msg.operator .bubble { border-color: #9a6700; }
.author { margin: 0 2px 2px; font-size: 12.5px; font-weight: 600; color: var(--muted); }
.bubble p { margin: 0 0 6px; } .bubble p:last-child { margin-bottom: 0; }
.bubble ul, .bubble ol { margin: 4px 0 6px; padding-left: 20px; }
.bubble a { color: var(--accent); text-decoration: underline; }
.plain { white-space: pre-wrap; }
.sources { margin: 4px 2px 0; font-size: 13px; color: var(--muted); }
.sources a { color: var(--accent); }
.options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.option { padding: 7px 12px; border: 1px solid var(--accent); border-radius: 16px; color: var(--accent); background: var(--bg); text-align: left; }
.option:hover { background: #eef2ff; }
.delivery { margin: 3px 2px 0; font-size: 12.5px; color: var(--muted); }
.msg.queued .bubble, .msg.sending .bubble { opacity: .75; }
.msg.failed .bubble { background: #fff; color: var(--ink); border-color: #b91c1c; }
.typing { margin: 0; font-size: 13px; color: var(--muted); font-style: italic; }
.status-area { background: var(--bg); }
.status { margin: 0; padding: 8px 14px; border-top: 1px solid var(--line); font-size: 13.5px; background: #fff8c5; }
.banner { margin: 0; padding: 8px 14px; border-top: 1px solid var(--line); font-size: 13.5px; background: #ffebe9; color: #82071e; }
.link-button { margin-left: 8px; padding: 0; color: var(--accent); text-decoration: underline; font-weight: 600; }
.banner .link-button { color: #82071e; }
.card { margin: 0; padding: 12px 14px; border-top: 1px solid var(--line); background: var(--bg); display: flex; flex-direction: column; gap: 8px; max-height: 55%; overflow-y: auto; }
.card h3 { margin: 0; font-size: 15px; font-weight: 700; }
.hint { margin: 0; font-size: 13.5px; color: var(--muted); }
.field { display: flex; flex-direction: column; gap: 3px; }
.field label { font-size: 13px; font-weight: 600; }
input, textarea { width: 100%; padding: 8px 10px; border: 1px solid #8c959f; border-radius: 8px; background: #fff; color: var(--ink); }
input[aria-invalid="true"] { border-color: #b91c1c; }
.field-error { margin: 0; font-size: 13px; color: #b91c1c; }
fieldset { margin: 0; padding: 0; border: 0; }
legend { padding: 0; font-weight: 600; margin-bottom: 4px; }
.stars { display: flex; gap: 4px; }
.star { position: relative; font-size: 28px; line-height: 1; color: #8c959f; cursor: pointer; }
.star.on { color: #bf8700; }
.star input { position: absolute; opacity: 0; inset: 0; width: 100%; height: 100%; margin: 0; cursor: pointer; }
.star:has(input:focus-visible) { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 4px; }
.notice { margin: 0; padding: 10px 14px; border-top: 1px solid var(--line); background: #dafbe1; font-size: 14px; }
.composer { border-top: 1px solid var(--line); padding: 10px; background: var(--bg); display: flex; flex-direction: column; gap: 8px; }
.composer textarea { resize: none; min-height: 44px; max-height: 120px; }
.actions { display: flex; justify-content: space-between; gap: 8px; }
.primary { margin-left: auto; padding: 8px 16px; border-radius: 8px; background: var(--accent); color: var(--accent-ink); font-weight: 600; }
.primary:disabled { opacity: .6; cursor: default; }
.secondary { padding: 8px 12px; border-radius: 8px; border: 1px solid var(--line); color: var(--ink); background: var(--bg); }
.secondary:hover { background: var(--soft); }
`;
