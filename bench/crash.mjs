// Nothing lost, ever: an opening rush (members signing up for a template whose stock runs out)
// and a treasurer receiving cheques, while the server is killed with SIGKILL at random
// moments (at least KILLS times) and started again each time. Requests cut by a kill are
// retried, as a member or a treasurer would. Then every write the server acknowledged must be
// there, and nothing unacknowledged half there: the stock counter equals the sum of the
// contracts, every contract's cheques add up to its total, every cheque acknowledged as
// received is received. Prints the counts; exits non-zero when anything was lost.
//
//   node crash.mjs <label> <DATABASE_URL>

import { login, request, SLUG, ADMIN } from './lib/client.mjs';
import { addMembers, api, held, mintToken, openTemplate, runSecret, signUp } from './lib/season.mjs';
import { reportFailure, withServer } from './lib/server.mjs';
import { printTable } from './lib/table.mjs';

const MEMBERS = Number(process.env.BENCH_CRASH_MEMBERS ?? 1200);
const STOCK = Math.round(MEMBERS * 0.6);
const KILLS = Number(process.env.BENCH_CRASH_KILLS ?? 6);
const SIGNING_CLIENTS = 32;
const RECEIVING_CLIENTS = 2;
/** Cheques ticked per reception (a treasurer ticks a few at a time). */
const BATCH = 3;

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node crash.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

const SECRET = runSecret();
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Runs `attempt` until the server answers it (any status it chose to give); a dropped
 * connection or a 5xx from a dying server is tried again a moment later.
 */
async function answered(attempt) {
  for (;;) {
    try {
      const res = await attempt();
      if (res.status < 500) return res;
    } catch {
      // the server was killed under the request
    }
    await sleep(50);
  }
}

await withServer(`crash-${label}`, databaseUrl, async ({ base, crash }) => {
  const admin = await login(base, ADMIN);
  const ids = await addMembers(base, admin, MEMBERS, 'crash');
  const template = await openTemplate(base, admin, `Coupure ${label}`, STOCK);
  // The demo's vegetables: every promised cheque, to be received a few at a time.
  const templates = await api(base, admin, 'GET', '/templates');
  const vegetables = templates.find((t) => t.producer.name === 'Ferme du Petit Pré' && t.id !== template.id);
  const register = await api(base, admin, 'GET', `/templates/${vegetables.id}/cheques`);
  const promised = register.rows.flatMap((r) => r.cheques.filter((c) => c.state === 'promised').map((c) => c.id));
  const batches = [];
  for (let i = 0; i < promised.length; i += BATCH) batches.push(promised.slice(i, i + BATCH));

  // What the server acknowledged.
  const signedUp = new Set();
  const soldOut = new Set();
  const received = new Set();
  let pending = ids.length + batches.length;
  let kills = 0;

  const signing = async (queue) => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const res = await answered(() => signUp(base, mintToken(SECRET, i), template));
      if (res.status === 200) signedUp.add(i);
      else if (res.status === 409) soldOut.add(i);
      else throw new Error(`sign-up of ${i}: HTTP ${res.status} ${res.body}`);
      pending--;
    }
  };
  const receiving = async (queue) => {
    for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) {
      const res = await answered(() =>
        request(`${base}/api/v1/amaps/${SLUG}/templates/${vegetables.id}/cheques/receive`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ received: batch, promised: [] }),
        }),
      );
      if (res.status !== 200) throw new Error(`reception: HTTP ${res.status} ${res.body}`);
      batch.forEach((id) => received.add(id));
      pending--;
    }
  };
  // Kills at random moments while there is work left, then until KILLS is reached.
  const killing = async () => {
    while (pending > 0 || kills < KILLS) {
      await sleep(150 + Math.random() * 450);
      await crash();
      kills++;
    }
  };

  const members = [...ids];
  const cheques = [...batches];
  const started = performance.now();
  await Promise.all([
    killing(),
    ...Array.from({ length: SIGNING_CLIENTS }, () => signing(members)),
    ...Array.from({ length: RECEIVING_CLIENTS }, () => receiving(cheques)),
  ]);
  const seconds = (performance.now() - started) / 1000;

  // After the last restart: what is on disk.
  const holding = await held(base, admin, template);
  const found = new Set(holding.rows.filter((r) => r.units === 1).map((r) => r.member.id));
  const lost = [...signedUp].filter((id) => !found.has(id));
  const unacknowledged = [...found].filter((id) => !signedUp.has(id));
  const rush = await api(base, admin, 'GET', `/templates/${template.id}/cheques`);
  const unbalanced = rush.rows.filter((r) => r.schedule_gap !== '0.00' && r.schedule_gap !== '0');
  const after = await api(base, admin, 'GET', `/templates/${vegetables.id}/cheques`);
  const states = new Map(after.rows.flatMap((r) => r.cheques.map((c) => [c.id, c.state])));
  const lostCheques = [...received].filter((id) => states.get(id) !== 'received');
  const counterOk = holding.counterUsed === holding.units;

  printTable(
    `Crashes, ${label}: ${MEMBERS} members signing up (stock ${STOCK}) and ${promised.length} cheques received, ${kills} SIGKILLs in ${seconds.toFixed(1)} s`,
    ['write', 'acknowledged', 'found', 'lost', 'check'],
    [
      ['sign-ups (200)', signedUp.size, [...signedUp].filter((id) => found.has(id)).length, lost.length,
        `${soldOut.size} told sold out; ${unacknowledged.length} unacknowledged yet stored (the answer died with the server)`],
      ['stock counter', holding.units, holding.counterUsed, counterOk ? 0 : 'MISMATCH', `counter = Σ contracts: ${counterOk ? 'yes' : 'NO'}; oversold: ${Math.max(0, holding.units - STOCK)}`],
      ['cheque plans', rush.rows.length, rush.rows.length - unbalanced.length, unbalanced.length, 'each contract\'s cheques add up to its total'],
      ['cheques received', received.size, received.size - lostCheques.length, lostCheques.length, ''],
    ],
  );
  if (lost.length || lostCheques.length || !counterOk || unbalanced.length || holding.units > STOCK || kills < KILLS) {
    throw new Error('a write was lost or left half done');
  }
}).catch(reportFailure);
