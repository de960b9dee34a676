/**
 * The interactive documentation page: it reads /openapi.json in the browser, lists
 * every operation with its parameters and replies, and sends real requests with the
 * token of a login form. Self-contained: no script or style from elsewhere.
 */
export const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Users and organizations API</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; color: #1d2330; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.05rem; margin: 0; }
  code, pre, textarea, input { font: 13px/1.4 ui-monospace, monospace; }
  section.op { border: 1px solid #d5d9e2; border-radius: 8px; margin: .8rem 0; padding: .8rem 1rem; }
  .method { display: inline-block; min-width: 4.2rem; font-weight: 700; }
  .GET { color: #17663a; } .POST { color: #1a4fa0; } .PATCH, .PUT { color: #8a5a00; } .DELETE { color: #a01a1a; }
  details summary { cursor: pointer; }
  table { border-collapse: collapse; margin: .4rem 0; } td, th { border-bottom: 1px solid #eee; padding: .2rem .6rem; text-align: left; vertical-align: top; }
  textarea { width: 100%; min-height: 6rem; box-sizing: border-box; }
  pre { background: #f5f6f8; padding: .6rem; overflow: auto; max-height: 24rem; }
  #login { background: #f5f6f8; padding: .8rem 1rem; border-radius: 8px; }
  button { cursor: pointer; }
</style>
</head>
<body>
<h1>Users and organizations API</h1>
<p>Every endpoint with its parameters and replies, read from <a href="/openapi.json">/openapi.json</a>.
Paths work with and without the trailing slash; send <code>Accept-Language: ru</code> for Russian messages.</p>
<form id="login">
  <strong>Log in</strong> to try the endpoints that need a token:
  <input name="email" type="email" placeholder="email" required>
  <input name="password" type="password" placeholder="password" required>
  <button>Get token</button> <span id="who"></span>
</form>
<div id="operations">Loading…</div>
<script type="module">
const state = { access: null };
const el = (tag, props = {}, ...children) => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
};

document.getElementById('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const res = await fetch('/token/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(Object.fromEntries(form)) });
  const body = await res.json();
  state.access = res.ok ? body.access : null;
  document.getElementById('who').textContent = res.ok ? \`logged in as \${form.get('email')}\` : body.detail;
});

function schemaRows(schema) {
  const table = el('table');
  table.append(el('tr', {}, el('th', { textContent: 'field' }), el('th', { textContent: 'type' }), el('th', { textContent: 'notes' })));
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const types = prop.anyOf ? prop.anyOf.map((p) => p.type).join(' | ') : prop.type;
    const notes = [prop.description, prop.maxLength && \`max \${prop.maxLength} chars\`, (schema.required ?? []).includes(name) && 'required'].filter(Boolean).join('; ');
    table.append(el('tr', {}, el('td', {}, el('code', { textContent: name })), el('td', { textContent: types ?? '' }), el('td', { textContent: notes })));
  }
  return table;
}

function operationView(path, method, op) {
  const section = el('section', { className: 'op' });
  section.append(el('h2', {}, el('span', { className: \`method \${method.toUpperCase()}\`, textContent: method.toUpperCase() }), el('code', { textContent: path }), \` — \${op.summary}\`));
  if (op.security?.length) section.append(el('div', { textContent: 'Needs a bearer token.' }));
  const details = el('details', {}, el('summary', { textContent: 'Parameters, replies and a try-it form' }));
  const inputs = {};
  for (const p of op.parameters ?? []) {
    inputs[p.name] = el('input', { placeholder: p.name, size: 14 });
    details.append(el('div', {}, \`\${p.in} parameter \`, el('code', { textContent: p.name }), p.description ? \` — \${p.description} \` : ' ', inputs[p.name]));
  }
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  let bodyInput;
  if (bodySchema) {
    details.append(el('div', { textContent: 'JSON body:' }), schemaRows(bodySchema));
    const example = Object.fromEntries(Object.entries(bodySchema.properties ?? {}).filter(([k]) => (bodySchema.required ?? []).includes(k)).map(([k, p]) => [k, p.example ?? '']));
    bodyInput = el('textarea', { value: JSON.stringify(example, null, 2) });
    details.append(bodyInput);
  }
  const replies = el('table');
  for (const [status, reply] of Object.entries(op.responses)) replies.append(el('tr', {}, el('td', { textContent: status }), el('td', { textContent: reply.description })));
  details.append(el('div', { textContent: 'Replies:' }), replies);
  const output = el('pre', { hidden: true });
  const button = el('button', { textContent: 'Send', type: 'button' });
  button.addEventListener('click', async () => {
    let url = path.replace('{id}', encodeURIComponent(inputs.id?.value ?? ''));
    const query = new URLSearchParams();
    for (const p of op.parameters ?? []) if (p.in === 'query' && inputs[p.name].value) query.set(p.name, inputs[p.name].value);
    if ([...query].length) url += \`?\${query}\`;
    const headers = { accept: 'application/json' };
    if (state.access) headers.authorization = \`Bearer \${state.access}\`;
    if (bodyInput) headers['content-type'] = 'application/json';
    const res = await fetch(url, { method: method.toUpperCase(), headers, body: bodyInput ? bodyInput.value : undefined });
    const text = await res.text();
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON */ }
    output.hidden = false;
    output.textContent = \`\${res.status} \${res.statusText}\\n\\n\${shown}\`;
  });
  details.append(button, output);
  section.append(details);
  return section;
}

const doc = await (await fetch('/openapi.json')).json();
const container = document.getElementById('operations');
container.textContent = '';
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) container.append(operationView(path, method, op));
}
</script>
</body>
</html>
`;
