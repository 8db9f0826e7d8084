// Load benchmark: 64 concurrent clients against one server, in three phases (the member
// home API, the server-rendered member home page, logins), plus the server's memory.
// Prints figures next to the targets; it never fails because a target is missed.
//
//   node load.mjs <label> <DATABASE_URL>

import autocannon from 'autocannon';
import { activeMemberEmails, loginBody, request, SESSION_COOKIE, SLUG, tokensFor } from './lib/client.mjs';
import { memoryOf, reportFailure, withServer } from './lib/server.mjs';
import { mb, ms, printTable } from './lib/table.mjs';

const CLIENTS = 64;
const LOGIN_SECONDS = Number(process.env.BENCH_LOGIN_SECONDS ?? 10);
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 15);
const P99_TARGET_MS = 20;
const RSS_TARGET_BYTES = 40e6;

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node load.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

/** Nearest-rank percentile of an ascending array. */
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Keeps CLIENTS keep-alive connections busy on one URL for `seconds`; connection i sends
 * `perClient(i)` (its own credentials). Latencies are kept at full precision here, because
 * autocannon's own histogram rounds to whole milliseconds.
 */
async function hammer(url, { method = 'GET', seconds, perClient }) {
  let clientIndex = 0;
  const latencies = [];
  const instance = autocannon({
    url,
    method,
    connections: CLIENTS,
    duration: seconds,
    setupClient: (client) => {
      const { headers, body } = perClient(clientIndex++ % CLIENTS);
      client.setHeadersAndBody(headers, body);
    },
  });
  instance.on('response', (_client, status, _bytes, elapsedMs) => {
    if (status >= 200 && status < 300) latencies.push(elapsedMs);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    perSecond: result.requests.total / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    statuses: Object.keys(result.statusCodeStats).filter((code) => !code.startsWith('2')),
    errors: result.errors, // connection errors and timeouts
  };
}

/** One request first: hammering a redirect or an error page would measure the wrong thing. */
async function expectOk(url, headers) {
  const res = await request(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}, expected 200`);
}

// The login storm runs last: its concurrent argon2id hashes take 19 MiB each, and the peak
// memory they leave would otherwise hide what the read phases need.
await withServer(`load-${label}`, databaseUrl, async ({ base, pid }) => {
  const memory = [];
  const sample = (when) => memory.push([when, memoryOf(pid)]);
  sample('idle, after start');

  const members = await activeMemberEmails(base);
  if (members.length < CLIENTS) console.log(`note: only ${members.length} active members; some clients share an account`);
  const emails = Array.from({ length: CLIENTS }, (_, i) => members[i % members.length]);
  const tokens = await tokensFor(base, emails);
  sample(`after ${CLIENTS + 1} sequential logins`);

  const homeUrl = `${base}/api/v1/amaps/${SLUG}/home`;
  const bearer = (i) => ({ authorization: `Bearer ${tokens[i]}` });
  await expectOk(homeUrl, bearer(0));
  const home = await hammer(homeUrl, { seconds: READ_SECONDS, perClient: (i) => ({ headers: bearer(i) }) });
  sample('after member home API');

  const pageUrl = `${base}/a/${SLUG}`;
  const cookie = (i) => ({ cookie: `${SESSION_COOKIE}=${tokens[i]}`, accept: 'text/html' });
  await expectOk(pageUrl, cookie(0));
  const page = await hammer(pageUrl, { seconds: READ_SECONDS, perClient: (i) => ({ headers: cookie(i) }) });
  sample('after member home page');

  // Cheques: each member's "Mes paiements", and the treasurer's register of the biggest
  // template (the vegetables: most members, one cheque a month each).
  const paymentsUrl = `${base}/api/v1/amaps/${SLUG}/me/payments`;
  await expectOk(paymentsUrl, bearer(0));
  const payments = await hammer(paymentsUrl, { seconds: READ_SECONDS, perClient: (i) => ({ headers: bearer(i) }) });
  sample('after Mes paiements API');
  const [treasurer] = await tokensFor(base, ['tresorier@example.org']);
  const asTreasurer = { authorization: `Bearer ${treasurer}` };
  const templates = JSON.parse((await request(`${base}/api/v1/amaps/${SLUG}/templates`, { headers: asTreasurer })).body);
  const vegetables = templates.find((t) => t.name.startsWith('Légumes'));
  const registerUrl = `${base}/api/v1/amaps/${SLUG}/templates/${vegetables.id}/cheques`;
  await expectOk(registerUrl, asTreasurer);
  const register = await hammer(registerUrl, { seconds: READ_SECONDS, perClient: () => ({ headers: asTreasurer }) });
  sample('after cheque register API');

  const login = await hammer(`${base}/api/v1/auth/login`, {
    method: 'POST',
    seconds: LOGIN_SECONDS,
    perClient: (i) => ({ headers: { 'content-type': 'application/json' }, body: loginBody(emails[i]) }),
  });
  sample('after login storm');

  const verdict = (met) => (met ? 'met' : 'MISSED');
  const p99Target = (run) => `p99 < ${P99_TARGET_MS} ms: ${verdict(run.p99 < P99_TARGET_MS)}`;
  const row = (name, seconds, run, target) => [
    name,
    `${seconds} s`,
    run.requests,
    run.perSecond.toFixed(1),
    ms(run.p50),
    ms(run.p99),
    run.non2xx + (run.statuses.length ? ` (${run.statuses.join(',')})` : ''),
    run.errors,
    target,
  ];
  printTable(
    `Load, ${label}: ${CLIENTS} concurrent keep-alive clients, each with its own account; latencies of 2xx responses`,
    ['phase (in run order)', 'time', 'requests', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'target'],
    [
      row(`GET /api/v1/amaps/${SLUG}/home`, READ_SECONDS, home, p99Target(home)),
      row(`GET /a/${SLUG} (SSR)`, READ_SECONDS, page, p99Target(page)),
      row(`GET /api/v1/amaps/${SLUG}/me/payments`, READ_SECONDS, payments, p99Target(payments)),
      row('GET …/templates/{vegetables}/cheques (register)', READ_SECONDS, register, p99Target(register)),
      row('POST /api/v1/auth/login', LOGIN_SECONDS, login, 'none: argon2id costs ~20-40 ms CPU per login by design'),
    ],
  );
  printTable(
    `Server memory, ${label}: resident set now, and its peak since start (VmHWM)`,
    ['when', 'RSS', 'peak so far', `target: peak <= ${mb(RSS_TARGET_BYTES)}`],
    memory.map(([when, { current, peak }]) => [when, mb(current), mb(peak), verdict(peak <= RSS_TARGET_BYTES)]),
  );
}).catch(reportFailure);
