// Weight benchmark: the bytes a member downloads to open their home page, i.e. the
// server-rendered HTML and the /pkg assets it references, raw, gzip and brotli.
// Prints figures next to the target; it never fails because the target is missed.
//
//   node weight.mjs <label> <DATABASE_URL>

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { login, request, SESSION_COOKIE, SLUG } from './lib/client.mjs';
import { reportFailure, withServer } from './lib/server.mjs';
import { kb, printTable } from './lib/table.mjs';

const MEMBER = 'marie.dubois@example.org';
const TARGET_BYTES = 250e3;
// Always measured, so a page that stops referencing one of them is noticed, not skipped.
const KNOWN_ASSETS = ['/pkg/amapola.js', '/pkg/amapola.wasm', '/pkg/amapola.css'];

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node weight.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

/** GET `url` accepting only `encoding`; returns the bytes on the wire and the encoding used. */
async function fetchAs(url, encoding, headers = {}) {
  const res = await request(url, { headers: { ...headers, 'accept-encoding': encoding } });
  if (res.status !== 200) throw new Error(`GET ${url} (${encoding}): HTTP ${res.status}`);
  return { bytes: res.body.length, encoding: res.headers['content-encoding'] ?? 'identity', body: res.body };
}

/**
 * One resource: raw size, gzip and brotli sizes. The server's precompressed bytes are used
 * when it has them; otherwise (the HTML, rendered per request) they are computed with the
 * settings .ci/build-site uses for the assets (gzip -9, brotli 11), marked with `*`.
 */
async function weigh(url, headers = {}) {
  const raw = await fetchAs(url, 'identity', headers);
  const sizeIn = async (encoding, compress) => {
    const served = await fetchAs(url, encoding, headers);
    return served.encoding === encoding ? `${served.bytes}` : `${compress(raw.body).length}*`;
  };
  const gzip = await sizeIn('gzip', (body) => gzipSync(body, { level: 9 }));
  const brotli = await sizeIn('br', (body) =>
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  );
  // What a browser actually receives today, whatever the server chooses.
  const browser = await fetchAs(url, 'br, gzip', headers);
  return { raw: raw.bytes, gzip, brotli, browser, body: raw.body };
}

await withServer(`weight-${label}`, databaseUrl, async ({ base }) => {
  const session = { cookie: `${SESSION_COOKIE}=${await login(base, MEMBER)}`, accept: 'text/html' };
  const pagePath = `/a/${SLUG}`;
  const page = await weigh(`${base}${pagePath}`, session);

  const referenced = [...new Set(page.body.toString('utf8').match(/\/pkg\/[\w.-]+/g) ?? [])];
  const rows = [{ name: `${pagePath} (HTML)`, ...page }];
  for (const path of new Set([...referenced, ...KNOWN_ASSETS])) {
    const name = referenced.includes(path) ? path : `${path} (not referenced by the page)`;
    rows.push({ name, ...(await weigh(`${base}${path}`)) });
  }

  const bytes = (cell) => Number.parseInt(cell, 10);
  const sum = (pick) => rows.reduce((total, row) => total + pick(row), 0);
  const totals = {
    raw: sum((w) => w.raw),
    gzip: sum((w) => bytes(w.gzip)),
    brotli: sum((w) => bytes(w.brotli)),
    browser: sum((w) => w.browser.bytes),
  };
  printTable(
    `Weight, ${label}: member home page as ${MEMBER}, in bytes (* = computed with zlib: the server sends it uncompressed)`,
    ['resource', 'raw', 'gzip', 'brotli', 'sent for "br, gzip"'],
    [
      ...rows.map((w) => [w.name, w.raw, w.gzip, w.brotli, `${w.browser.bytes} ${w.browser.encoding}`]),
      ['total', totals.raw, totals.gzip, totals.brotli, totals.browser],
    ],
  );
  const verdict = (total) => `${kb(total)}: ${total <= TARGET_BYTES ? 'met' : 'MISSED'}`;
  console.log(`target: compressed total <= ${kb(TARGET_BYTES)}`);
  console.log(`  brotli total ${verdict(totals.brotli)}; gzip total ${verdict(totals.gzip)}; as sent to a browser ${verdict(totals.browser)}`);
}).catch(reportFailure);
