// The contract-opening rush: 1,000 members of one AMAP sign up for a template whose stock
// covers only 600 of them. Two shapes: everyone at once (a burst of 1,000 simultaneous
// requests), then a second template with 64 members signing up at a time. Prints sign-ups/s,
// p50/p99 and the oversold count (what the database holds beyond the stock; must be 0).
//
//   node rush.mjs <label> <DATABASE_URL>

import { login, ADMIN } from './lib/client.mjs';
import { addMembers, held, mintToken, openTemplate, runSecret, signUp } from './lib/season.mjs';
import { memoryOf, reportFailure, withServer } from './lib/server.mjs';
import { mb, ms, printTable } from './lib/table.mjs';

const MEMBERS = Number(process.env.BENCH_RUSH_MEMBERS ?? 1000);
const STOCK = Math.round(MEMBERS * 0.6);
const STEADY_CLIENTS = 64;
const P99_TARGET_MS = 50;
const RSS_TARGET_BYTES = 40e6;

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node rush.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

const SECRET = runSecret();
const token = (id) => mintToken(SECRET, id);

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** One sign-up; resolves to [status, milliseconds]. */
async function timedSignUp(base, memberToken, template) {
  const started = performance.now();
  const res = await signUp(base, memberToken, template);
  const ms = performance.now() - started;
  if (res.status !== 200 && res.status !== 409 && !firstOther) firstOther = `HTTP ${res.status} ${res.body.toString().slice(0, 300)}`;
  return [res.status, ms];
}

/** The first answer that was neither a sign-up nor "sold out", printed after the tables. */
let firstOther = '';

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

await withServer(`rush-${label}`, databaseUrl, async ({ base, pid }) => {
  const admin = await login(base, ADMIN);
  const ids = await addMembers(base, admin, MEMBERS, 'ruee');
  const tokens = ids.map(token);

  const burst = await openTemplate(base, admin, `Ruée ${label} (tous ensemble)`, STOCK);
  let started = performance.now();
  const burstAnswers = await Promise.all(tokens.map((t) => timedSignUp(base, t, burst)));
  const burstSeconds = (performance.now() - started) / 1000;

  const steady = await openTemplate(base, admin, `Ruée ${label} (64 à la fois)`, STOCK);
  const steadyAnswers = [];
  let next = 0;
  started = performance.now();
  await Promise.all(
    Array.from({ length: STEADY_CLIENTS }, async () => {
      while (next < tokens.length) steadyAnswers.push(await timedSignUp(base, tokens[next++], steady));
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
  const rss = memoryOf(pid).current;
  console.log(`server memory after the rush: ${mb(rss)} (target <= ${mb(RSS_TARGET_BYTES)}: ${rss <= RSS_TARGET_BYTES ? 'met' : 'MISSED'})`);
}).catch(reportFailure);
