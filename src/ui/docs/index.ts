/**
 * The API reference page (/docs): reads /openapi.json and lists every route with its parameters,
 * body and responses, as text nodes only. No CDN: it works offline and on a closed network.
 */
/** The OpenAPI document as read: walked loosely, shown as text. */
type Json = any;

const el = (tag: string, cls?: string | null, text?: string | null) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
};

async function main() {
  const spec: Json = await (await fetch('/openapi.json')).json();
  document.getElementById('title')!.textContent = `${spec.info.title} ${spec.info.version}`;
  const sub = document.getElementById('subtitle')!;
  sub.textContent = `${spec.info.description || ''} `;
  const raw = el('a', null, 'openapi.json') as HTMLAnchorElement;
  raw.href = '/openapi.json';
  sub.appendChild(raw);
  const schemas: Record<string, Json> = spec.components?.schemas ?? {};
  const resolve = (s: Json, depth: number): Json => {
    if (!s || depth > 6) return s;
    if (s.$ref) return resolve(schemas[s.$ref.split('/').pop()], depth + 1);
    const out: Json = Array.isArray(s) ? [] : {};
    for (const [k, v] of Object.entries(s)) out[k] = v && typeof v === 'object' ? resolve(v, depth + 1) : v;
    return out;
  };
  const byTag = new Map<string, { path: string; method: string; op: Json }[]>();
  for (const [path, ops] of Object.entries<Json>(spec.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(ops)) {
      const tag = op.tags?.[0] ?? 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ path, method, op });
    }
  }
  const root = document.getElementById('main')!;
  for (const [tag, items] of byTag) {
    root.appendChild(el('h2', null, tag));
    for (const { path, method, op } of items) {
      const d = el('details');
      const s = el('summary');
      s.append(el('span', `method ${method}`, method.toUpperCase()), el('span', 'path', path), el('span', 'summary', op.summary || ''));
      if (op.security?.length) s.appendChild(el('span', 'lock', 'auth'));
      d.appendChild(s);
      const body = el('div', 'body');
      if (op.description) body.appendChild(el('p', null, op.description));
      if (op.parameters?.length) {
        body.appendChild(el('h4', null, 'Parameters'));
        const ul = el('ul');
        for (const p of op.parameters) ul.appendChild(el('li', null, `${p.name} (${p.in}${p.required ? ', required' : ''})${p.description ? `: ${p.description}` : ''}`));
        body.appendChild(ul);
      }
      const reqSchema = op.requestBody?.content?.['application/json'];
      if (reqSchema) {
        body.appendChild(el('h4', null, 'Body'));
        body.appendChild(el('pre', null, JSON.stringify(resolve(reqSchema.schema, 0), null, 2)));
      }
      body.appendChild(el('h4', null, 'Responses'));
      for (const [status, r] of Object.entries<Json>(op.responses ?? {})) {
        const p = el('p');
        p.append(el('span', 'status', `${status} `), document.createTextNode(r.description || ''));
        body.appendChild(p);
        const c = r.content?.['application/json'] ?? r.content?.['text/event-stream'];
        if (c && Number(status) < 300) body.appendChild(el('pre', null, JSON.stringify(resolve(c.schema, 0), null, 2)));
      }
      d.appendChild(body);
      root.appendChild(d);
    }
  }
}

main().catch((e: Error) => {
  document.getElementById('subtitle')!.textContent = `Could not load the API description: ${e.message}`;
});
