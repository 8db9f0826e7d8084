// The rota's grid page under load: a period of 40 weekly dates × 3 places for an AMAP of 300
// active members, half the places taken, read by 64 members at once — the server-rendered page
// a member opens (`/a/{slug}/permanences/{id}`) and its JSON (`GET …/duty-periods/{id}`).
// Prints requests/s and latencies next to the target (p99 < 30 ms); never fails on a miss.
//
//   node rota.mjs <label> <DATABASE_URL>

import { login, request, SLUG, ADMIN, SESSION_COOKIE } from './lib/client.mjs';
import { addMembers, api, isoDay, mintToken, runSecret } from './lib/season.mjs';
import { reportFailure, withServer } from './lib/server.mjs';
import { ms, printTable } from './lib/table.mjs';

const MEMBERS = 300;
const DATES = 40;
const PLACES = 3;
const CLIENTS = 64;
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const P99_TARGET_MS = 30;

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node rota.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

const SECRET = runSecret();
const token = (id) => mintToken(SECRET, id);

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** `CLIENTS` clients reading `url` for READ_SECONDS; latencies sorted, bytes of one answer. */
async function read(url, headers) {
  const latencies = [];
  let bytes = 0;
  const until = performance.now() + READ_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const at = performance.now();
        const res = await request(url, { headers });
        if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
        latencies.push(performance.now() - at);
        bytes = res.body.length;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, bytes };
}

function row(name, { latencies, bytes }) {
  const p99 = percentile(latencies, 99);
  return [
    name,
    (latencies.length / READ_SECONDS).toFixed(0),
    ms(percentile(latencies, 50)),
    ms(p99),
    `${(bytes / 1024).toFixed(0)} kB`,
    `p99 < ${P99_TARGET_MS} ms: ${p99 < P99_TARGET_MS ? 'met' : 'MISSED'}`,
  ];
}

await withServer(`rota-${label}`, databaseUrl, async ({ base }) => {
  const admin = await login(base, ADMIN);
  const existing = (await api(base, admin, 'GET', '/members')).filter((m) => m.active).length;
  const ids = await addMembers(base, admin, MEMBERS - existing, 'rota');
  const first = 7;
  const period = await api(base, admin, 'POST', '/duty-periods', {
    name: `Banc d'essai ${label}`, rule: 'one_per_date', window: 'until', window_until: isoDay(first + 7 * DATES),
    first_date: isoDay(first), last_date: isoDay(first + 7 * (DATES - 1)), frequency: 'weekly',
    places: String(PLACES), participants: 'active', quota: '1',
  });
  const id = period.summary.id;
  if (period.dates.length !== DATES) throw new Error(`expected ${DATES} dates, got ${period.dates.length}`);
  // Half the places taken, each by a different new member, through the API.
  const half = (DATES * PLACES) / 2;
  const places = period.dates.flatMap((d) => d.places.map((p) => p.id)).slice(0, half);
  for (let i = 0; i < places.length; i++) {
    await api(base, token(ids[i % ids.length]), 'POST', `/duty-periods/${id}/places/${places[i]}/take`, {});
  }
  const reader = token(ids[ids.length - 1]);
  const page = await read(`${base}/a/${SLUG}/permanences/${id}`, { cookie: `${SESSION_COOKIE}=${reader}` });
  const json = await read(`${base}/api/v1/amaps/${SLUG}/duty-periods/${id}`, { authorization: `Bearer ${reader}` });

  printTable(
    `Rota grid, ${label}: ${DATES} dates × ${PLACES} places, ${MEMBERS} active members, half taken, read by ${CLIENTS} members at once for ${READ_SECONDS} s`,
    ['what', 'req/s', 'p50', 'p99', 'size', 'target'],
    [row('the page (HTML)', page), row('its JSON', json)],
  );
}).catch(reportFailure);
