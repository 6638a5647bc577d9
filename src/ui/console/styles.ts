/** The console's CSS, served at /console.css (the CSP allows no inline style). */
export const CONSOLE_CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f4f6fa}
button,input,select,textarea{font:inherit}
button{border:1px solid #8a94a6;background:#fff;color:#1d2330;border-radius:6px;padding:4px 10px;cursor:pointer}
button.primary{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
button:disabled{opacity:.55;cursor:default}
button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #f0a500;outline-offset:1px}
input,select,textarea{border:1px solid #8a94a6;border-radius:6px;padding:4px 8px;background:#fff;color:#1d2330}
label{display:inline-flex;flex-direction:column;gap:2px;font-size:12px;color:#3c4555}
.muted{color:#56606f;font-size:12px}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.problem{background:#fde8e8;color:#8a1c1c;border:1px solid #e2a0a0;border-radius:6px;padding:6px 10px}
.signin{max-width:360px;margin:10vh auto;background:#fff;padding:24px;border-radius:10px;box-shadow:0 2px 10px #0002}
.signin form{display:flex;flex-direction:column;gap:12px}
.signin label{font-size:14px}
.top{display:flex;align-items:center;gap:12px;flex-wrap:wrap;padding:8px 16px;background:#fff;border-bottom:1px solid #d5dbe5}
.top h1{font-size:16px;margin:0 8px 0 0}
.dot{width:10px;height:10px;border-radius:50%;display:inline-block}
.dot-online{background:#1e8e3e}.dot-away{background:#d08a00}.dot-offline{background:#8a94a6}
.body{display:grid;grid-template-columns:minmax(300px,380px) 1fr;height:calc(100vh - 52px)}
.side{border-right:1px solid #d5dbe5;overflow:auto;padding:8px;background:#fbfcfe}
.views{display:flex;gap:4px;margin-bottom:8px}
.views [aria-selected=true]{background:#1d2330;color:#fff}
.rows{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.row{background:#fff;border:1px solid #d5dbe5;border-radius:8px;padding:8px;display:flex;gap:8px;justify-content:space-between}
.row.breached{border-color:#c62828;box-shadow:inset 4px 0 #c62828}
.row-main{min-width:0;flex:1}
.row-actions{display:flex;flex-direction:column;gap:4px}
.first-words{margin:4px 0;overflow-wrap:anywhere;white-space:pre-wrap}
.badges{display:flex;flex-wrap:wrap;gap:4px}
.badge{font-size:11px;border-radius:10px;padding:1px 7px;background:#e6eaf1;color:#1d2330}
.badge.vip{background:#6b3fa0;color:#fff}.badge.breach{background:#c62828;color:#fff}
.badge.unread{background:#1f5fbf;color:#fff;margin-left:4px}.badge.reason{background:#fff2d6;color:#5c3d00}
.mood-high,.mood-severe{background:#fde0e0!important;color:#8a1c1c!important}
.main{overflow:auto;padding:8px 16px}
.empty{color:#56606f;padding:16px}
.tabs{display:flex;gap:4px;flex-wrap:wrap;border-bottom:1px solid #d5dbe5;padding-bottom:6px;margin-bottom:8px}
.tab{display:inline-flex;border:1px solid #c2cad6;border-radius:6px;background:#fff}
.tab.active{border-color:#1f5fbf;box-shadow:0 0 0 1px #1f5fbf}
.tab button{border:0;background:none}
.chat-head{display:flex;gap:6px;align-items:flex-end;flex-wrap:wrap;margin-bottom:8px}
.actions{display:flex;gap:6px;align-items:flex-end;flex-wrap:wrap;margin-left:auto}
.packet{background:#fff;border:1px solid #d5dbe5;border-radius:8px;padding:8px 12px;margin-bottom:8px}
.packet h3{margin:0 0 4px;font-size:14px}
.packet dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}
.packet dt{color:#56606f}.packet dd{margin:0;overflow-wrap:anywhere}
.quote{white-space:pre-wrap}
.candidates{margin:0;padding-left:18px}
.suggested{display:flex;gap:8px;align-items:flex-start}.suggested span{white-space:pre-wrap;flex:1}
.transcript{list-style:none;padding:0;margin:0 0 8px;display:flex;flex-direction:column;gap:6px}
.msg{border-radius:8px;padding:6px 10px;max-width:80%;background:#fff;border:1px solid #d5dbe5}
.msg .who{font-size:11px;font-weight:600;color:#3c4555}
.msg .text{margin:2px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.msg-visitor{align-self:flex-start}
.msg-bot{align-self:flex-start;background:#eef3fb;border-style:dashed}
.msg-operator{align-self:flex-end;background:#e3f1e6}
.msg-system{align-self:center;background:none;border:0;color:#56606f;font-size:12px}
.msg-note{align-self:flex-end;background:#fff6c8;border:1px solid #d9b400}
.composer{background:#fff;border:1px solid #d5dbe5;border-radius:8px;padding:8px;display:flex;flex-direction:column;gap:6px}
.composer-note{background:#fffbe3;border-color:#d9b400}
.mode{display:flex;gap:4px}.mode [aria-pressed=true]{background:#1d2330;color:#fff}
.draft{width:100%;resize:vertical}
.link{border:0;background:none;color:#1f5fbf;text-decoration:underline;padding:0;font-size:12px}
.flag{display:flex;gap:6px;align-items:flex-end}
.kb-results{list-style:none;margin:0;padding:0}.kb-results li{display:flex;justify-content:space-between;gap:8px;padding:2px 0}
.overlay{position:fixed;inset:0;background:#0006;display:flex;align-items:center;justify-content:center}
.dialog{background:#fff;border-radius:10px;padding:16px 24px;min-width:300px}
.keys{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}
kbd{border:1px solid #8a94a6;border-radius:4px;padding:0 5px;background:#f4f6fa}
.team table{border-collapse:collapse;width:100%;background:#fff;margin-top:12px}
.team th,.team td{border-bottom:1px solid #d5dbe5;padding:6px;text-align:left;vertical-align:top}
.team tr.disabled{color:#56606f}
.create{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;background:#fff;padding:8px;border-radius:8px;border:1px solid #d5dbe5}
`;
