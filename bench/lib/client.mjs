// The few API calls the benchmarks need before measuring: logging in and listing members.
// Raw node:http rather than fetch, because the weight benchmark must see the bytes on the
// wire: fetch decompresses bodies and chooses Accept-Encoding itself.

import { request as httpRequest } from 'node:http';

export const PASSWORD = 'amapola-demo';
export const SLUG = 'amap-des-quatre-saisons';
export const ADMIN = 'admin@example.org';
export const SESSION_COOKIE = 'amapola_session';

/** One request; resolves to { status, headers, body: Buffer } with the body as sent. */
export function request(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { method, headers, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    req.on('error', fail);
    req.end(body);
  });
}

export function loginBody(email) {
  return JSON.stringify({ email, password: PASSWORD });
}

/** Logs in and returns the session token (the same value the cookie carries). */
export async function login(base, email) {
  const res = await request(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: loginBody(email),
  });
  if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status} ${res.body}`);
  return JSON.parse(res.body).token;
}

/** E-mails of the demo AMAP's active members (inactive ones cannot log in), as its admin sees them. */
export async function activeMemberEmails(base) {
  const token = await login(base, ADMIN);
  const res = await request(`${base}/api/v1/amaps/${SLUG}/members`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`member list: HTTP ${res.status} ${res.body}`);
  return JSON.parse(res.body).filter((m) => m.active).map((m) => m.email);
}

/**
 * Tokens for the given accounts, one login at a time: each argon2id verification holds
 * 19 MiB while it runs, and concurrent ones would inflate the memory measured afterwards.
 */
export async function tokensFor(base, emails) {
  const tokens = [];
  for (const email of emails) tokens.push(await login(base, email));
  return tokens;
}
