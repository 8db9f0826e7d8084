// What the write benchmarks share: session tokens minted with a per-run signing key (no
// argon2id login per member), AMAP-scoped API calls, and a published one-date template of
// the demo's vegetable farm with a given stock.

import { createHmac, randomBytes } from 'node:crypto';
import { request, SLUG } from './client.mjs';

/**
 * A signing key for this run only; the server must be started with it (`AMAPOLA_JWT_SECRET`
 * from the environment the benchmark passes on).
 */
export function runSecret() {
  const secret = randomBytes(32).toString('hex');
  process.env.AMAPOLA_JWT_SECRET = secret;
  return secret;
}

const b64url = (data) => Buffer.from(data).toString('base64url');

/** A session token for `userId`, as the server would issue it, valid one hour. */
export function mintToken(secret, userId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ sub: userId, iat: now, exp: now + 3600 }));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

export const isoDay = (daysFromNow) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

/** A call to the demo AMAP's API; throws on anything but 2xx. */
export async function api(base, auth, method, path, body) {
  const res = await request(`${base}/api/v1/amaps/${SLUG}${path}`, {
    method,
    headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = res.body.toString();
  if (res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** `count` new members of the demo AMAP, one `POST /members` each; their ids. */
export async function addMembers(base, admin, count, tag) {
  const ids = [];
  for (let i = 0; i < count; i++) {
    const member = await api(base, admin, 'POST', '/members', {
      email: `${tag}${i}@example.org`, first_name: 'Membre', last_name: `${tag} ${i}`,
    });
    ids.push(member.id);
  }
  return ids;
}

/** A one-date template of the demo's vegetable farm, `stock` baskets, priced and published. */
export async function openTemplate(base, admin, name, stock) {
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
  await api(base, admin, 'PUT', `/templates/${id}/stock`, { product_id: String(product), available: String(stock) });
  await api(base, admin, 'PUT', `/templates/${id}/state`, { state: 'active' });
  return { id, product, date };
}

/** One member's sign-up for one basket; resolves to the answer. */
export function signUp(base, memberToken, template) {
  return request(`${base}/api/v1/amaps/${SLUG}/me/contracts/${template.id}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${memberToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ grid: [{ date: template.date, product: template.product, qty: 1 }] }),
  });
}

/** The baskets a template holds: the sum of its contracts, and its stock counter. */
export async function held(base, admin, template) {
  const view = await api(base, admin, 'GET', `/templates/${template.id}`);
  const rows = await api(base, admin, 'GET', `/templates/${template.id}/subscriptions`);
  const units = rows.reduce((sum, r) => sum + r.units, 0);
  const counter = view.stock.find((s) => s.product === template.product);
  return { units, counterUsed: counter?.used, rows };
}
