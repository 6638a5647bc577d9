// `npm run size`: what a host page downloads before the visitor's first message — widget.js,
// gzipped (level 9, as a CDN or nginx would serve it) — against the 30 KB budget.
import { gzipSync } from 'node:zlib';
import { UI_ASSETS } from '../src/generated/ui-assets';

const BUDGET = 30 * 1024;
const widget = UI_ASSETS['/widget.js'];
if (!widget) throw new Error('no widget bundle: run `npm run build:ui` first');
const raw = Buffer.byteLength(widget.body);
const gz = gzipSync(widget.body, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`widget.js: ${kb(raw)} minified, ${kb(gz)} gzipped (budget ${kb(BUDGET)} gzipped): ${gz <= BUDGET ? 'within' : 'OVER'} budget`);
if (gz > BUDGET) process.exitCode = 1;
