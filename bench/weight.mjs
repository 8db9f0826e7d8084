// Weight benchmark: the bytes a first visit to each page puts on the wire — the HTML as the
// server sends it and every /pkg file the page refers to (stylesheet, scripts, the islands'
// JS and WebAssembly) — once with brotli and once with gzip only, next to each page's budget.
// Sizes are deterministic for a given build and demo season; the script prints them and
// never fails because a budget is missed.
//
//   node weight.mjs <label> <DATABASE_URL>

import { login, request, SESSION_COOKIE, SLUG } from './lib/client.mjs';
import { reportFailure, withServer } from './lib/server.mjs';
import { kb, printTable } from './lib/table.mjs';

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node weight.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

const KB = 1000;
const MEMBER_BUDGET = { br: 30 * KB };
const SIGN_UP_BUDGET = { br: 117 * KB, gzip: 160 * KB };
const MANAGE_BUDGET = { br: 200 * KB };

/** GET `url` accepting only `encoding`; the bytes as sent. */
async function wire(url, encoding, headers = {}) {
  const res = await request(url, { headers: { ...headers, 'accept-encoding': encoding } });
  if (res.status !== 200) throw new Error(`GET ${url} (${encoding}): HTTP ${res.status}`);
  return { bytes: res.body.length, encoding: res.headers['content-encoding'] ?? 'identity' };
}

/** One page and what it refers to under /pkg, as a first visit downloads them. */
async function weigh(base, path, headers) {
  const raw = await request(`${base}${path}`, { headers: { ...headers, 'accept-encoding': 'identity' } });
  if (raw.status !== 200) throw new Error(`GET ${path}: HTTP ${raw.status}`);
  const html = raw.body.toString('utf8');
  const files = [...new Set(html.match(/\/pkg\/[\w.-]+\.(?:css|js|wasm)/g) ?? [])];
  const parts = [{ name: 'HTML', url: `${base}${path}`, headers }, ...files.map((f) => ({ name: f.split('.').pop().toUpperCase(), url: `${base}${f}` }))];
  const sizes = { raw: raw.body.length, br: 0, gzip: 0, wasm: false, detail: [] };
  for (const part of parts) {
    const br = await wire(part.url, 'br', part.headers);
    const gzip = await wire(part.url, 'gzip', part.headers);
    sizes.br += br.bytes;
    sizes.gzip += gzip.bytes;
    if (part.name !== 'HTML') sizes.raw += (await wire(part.url, 'identity')).bytes;
    sizes.detail.push(`${part.name} ${kb(br.bytes)}`);
    sizes.wasm ||= part.name === 'WASM';
  }
  return sizes;
}

const verdict = (bytes, budget) => (budget === undefined ? '' : `${bytes <= budget ? 'met' : 'MISSED'} (≤ ${kb(budget)})`);

await withServer(`weight-${label}`, databaseUrl, async ({ base }) => {
  const as = async (email) => ({ cookie: `${SESSION_COOKIE}=${await login(base, email)}`, accept: 'text/html' });
  const member = await as('julien.morel@example.org');
  const referent = await as('referent.legumes@example.org');
  const treasurer = await as('tresorier@example.org');

  // The heaviest contract page of a signed-up member (the sign-up form with Mon échéancier).
  const contracts = await request(`${base}/api/v1/amaps/${SLUG}/me/contracts`, { headers: { cookie: member.cookie } });
  const templates = JSON.parse(contracts.body).mine.map((c) => c.template.id);
  const templatesOfReferent = await request(`${base}/api/v1/amaps/${SLUG}/templates`, { headers: { cookie: referent.cookie } });
  const managed = JSON.parse(templatesOfReferent.body)[0].id;

  const pages = [
    ['login', '/login', {}, MEMBER_BUDGET],
    ['member home', `/a/${SLUG}`, member, MEMBER_BUDGET],
    ['Mes contrats', `/a/${SLUG}/contrats`, member, MEMBER_BUDGET],
    ['Mes livraisons', `/a/${SLUG}/livraisons`, member, MEMBER_BUDGET],
    ['Mes paiements', `/a/${SLUG}/paiements`, member, MEMBER_BUDGET],
    ['Liste des adhérents', `/a/${SLUG}/adherents`, member, MEMBER_BUDGET],
    ['Mon compte', `/a/${SLUG}/compte`, member, MEMBER_BUDGET],
    ...templates.map((id) => [`contract ${id} + Mon échéancier`, `/a/${SLUG}/contrats/${id}`, member, SIGN_UP_BUDGET]),
    ['template editor', `/a/${SLUG}/gestion/contrats/${managed}`, referent, MANAGE_BUDGET],
    ['cheque register', `/a/${SLUG}/gestion/contrats/${managed}/cheques`, treasurer, MANAGE_BUDGET],
  ];
  const rows = [];
  for (const [name, path, headers, budget] of pages) {
    const w = await weigh(base, path, headers);
    rows.push([name, w.wasm ? 'yes' : 'no', kb(w.raw), kb(w.br), verdict(w.br, budget.br), kb(w.gzip), verdict(w.gzip, budget.gzip), w.detail.join(', ')]);
  }
  printTable(
    `Weight, ${label}: a first visit to each page, bytes on the wire (HTML + every /pkg file it refers to)`,
    ['page', 'WASM', 'raw', 'brotli', 'budget', 'gzip', 'budget', 'brotli by part'],
    rows,
  );
  console.log('A repeat visit downloads only the HTML: every /pkg file is content-hashed and immutable for a year.');
}).catch(reportFailure);
