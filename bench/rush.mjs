// The contract-opening rush: 1,000 members of one AMAP sign up for a template whose stock
// covers only 600 of them. Two shapes: everyone at once (a burst of 1,000 simultaneous
// requests), then a second template with 64 members signing up at a time. Prints sign-ups/s,
// p50/p99 and the oversold count (what the database holds beyond the stock; must be 0).
//
//   node rush.mjs <label> <DATABASE_URL>

import { createHmac, randomBytes } from 'node:crypto';
import { login, request, SLUG, ADMIN } from './lib/client.mjs';
import { reportFailure, withServer } from './lib/server.mjs';
import { ms, printTable } from './lib/table.mjs';

const MEMBERS = Number(process.env.BENCH_RUSH_MEMBERS ?? 1000);
const STOCK = Math.round(MEMBERS * 0.6);
const STEADY_CLIENTS = 64;
const P99_TARGET_MS = 50;

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node rush.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

// A signing key for this run only, so the benchmark can mint the members' session tokens
// itself instead of running 1,000 argon2id logins first (those are measured by load.mjs).
const SECRET = randomBytes(32).toString('hex');
process.env.AMAPOLA_JWT_SECRET = SECRET;

const b64url = (data) => Buffer.from(data).toString('base64url');
function token(userId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: userId, iat: now, exp: now + 3600 }));
  const signature = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

async function api(base, auth, method, path, body) {
  const res = await request(`${base}/api/v1/amaps/${SLUG}${path}`, {
    method,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = res.body.toString();
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const isoDay = (daysFromNow) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** A one-date template of the demo's vegetable farm, `stock` baskets, published. */
async function openTemplate(base, admin, name) {
  const producers = await api(base, admin, 'GET', '/producers');
  const farm = producers.find((p) => p.name === 'Ferme du Petit Pré');
  const date = isoDay(12);
  const created = await api(base, admin, 'POST', '/templates', {
    producer_id: String(farm.id), name, nature: 'free', deadline: isoDay(5), frequency: 'once', first_date: date,
  });
  const id = created.summary.id;
  const product = created.products[0].id;
  // Every product of the farm gets a price: a template is published only fully priced.
  for (const p of created.products) {
    await api(base, admin, 'POST', `/templates/${id}/changes`, { kind: 'set_price', product_id: String(p.id), price: '12,00', apply: 'on' });
  }
  await api(base, admin, 'PUT', `/templates/${id}/stock`, { product_id: String(product), available: String(STOCK) });
  await api(base, admin, 'PUT', `/templates/${id}/state`, { state: 'active' });
  return { id, product, date };
}

/** One sign-up; resolves to [status, milliseconds]. */
async function signUp(base, memberToken, template) {
  const started = performance.now();
  const res = await request(`${base}/api/v1/amaps/${SLUG}/me/contracts/${template.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${memberToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ grid: [{ date: template.date, product: template.product, qty: 1 }] }),
  });
  const ms = performance.now() - started;
  if (res.status !== 200 && res.status !== 409 && !firstOther) firstOther = `HTTP ${res.status} ${res.body.toString().slice(0, 300)}`;
  return [res.status, ms];
}

/** The first answer that was neither a sign-up nor "sold out", printed after the tables. */
let firstOther = '';

async function held(base, admin, template) {
  const view = await api(base, admin, 'GET', `/templates/${template.id}`);
  const rows = await api(base, admin, 'GET', `/templates/${template.id}/subscriptions`);
  const units = rows.reduce((sum, r) => sum + r.units, 0);
  const counter = view.stock.find((s) => s.product === template.product);
  return { units, counterUsed: counter?.used };
}

function summarize(name, answers, seconds, holding) {
  const latencies = answers.map(([, t]) => t).sort((a, b) => a - b);
  const won = answers.filter(([s]) => s === 200).length;
  const refused = answers.filter(([s]) => s === 409).length;
  const other = answers.length - won - refused;
  const oversold = Math.max(0, holding.units - STOCK);
  return [
    name,
    answers.length,
    `${won} / ${refused} / ${other}`,
    (answers.length / seconds).toFixed(1),
    ms(percentile(latencies, 50)),
    ms(percentile(latencies, 99)),
    `${holding.units} (counter ${holding.counterUsed})`,
    oversold,
    `p99 < ${P99_TARGET_MS} ms: ${percentile(latencies, 99) < P99_TARGET_MS ? 'met' : 'MISSED'}; oversold 0: ${oversold === 0 && other === 0 ? 'met' : 'MISSED'}`,
  ];
}

await withServer(`rush-${label}`, databaseUrl, async ({ base }) => {
  const admin = await login(base, ADMIN);
  const ids = [];
  for (let i = 0; i < MEMBERS; i++) {
    const member = await api(base, admin, 'POST', '/members', {
      email: `ruee${i}@example.org`, first_name: 'Membre', last_name: `Ruée ${i}`,
    });
    ids.push(member.id);
  }
  const tokens = ids.map(token);

  const burst = await openTemplate(base, admin, `Ruée ${label} (tous ensemble)`);
  let started = performance.now();
  const burstAnswers = await Promise.all(tokens.map((t) => signUp(base, t, burst)));
  const burstSeconds = (performance.now() - started) / 1000;

  const steady = await openTemplate(base, admin, `Ruée ${label} (64 à la fois)`);
  const steadyAnswers = [];
  let next = 0;
  started = performance.now();
  await Promise.all(
    Array.from({ length: STEADY_CLIENTS }, async () => {
      while (next < tokens.length) steadyAnswers.push(await signUp(base, tokens[next++], steady));
    }),
  );
  const steadySeconds = (performance.now() - started) / 1000;

  printTable(
    `Opening rush, ${label}: ${MEMBERS} members, stock ${STOCK} baskets; latencies of every answer (200 and 409)`,
    ['shape', 'sign-ups', 'ok / sold out / other', 'answers/s', 'p50', 'p99', 'baskets held', 'oversold', 'target'],
    [
      summarize(`all ${MEMBERS} at once`, burstAnswers, burstSeconds, await held(base, admin, burst)),
      summarize(`${STEADY_CLIENTS} at a time`, steadyAnswers, steadySeconds, await held(base, admin, steady)),
    ],
  );
  if (firstOther) console.log(`first unexpected answer: ${firstOther}`);
}).catch(reportFailure);
