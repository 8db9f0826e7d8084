// Members at scale: a 1,000-line list imported (the preview, then the import itself, with
// invitations), then the member list read by 16 members at once with those 1,000 more
// members in it, then the member list page as browsers fetch it (compressed), with the
// server's memory after each. Prints the times and latencies next to the targets; never
// fails on a miss.
//
//   node members.mjs <label> <DATABASE_URL>

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { login, request, SESSION_COOKIE, SLUG, ADMIN } from './lib/client.mjs';
import { memoryOf, reportFailure, withServer } from './lib/server.mjs';
import { mb, ms, printTable } from './lib/table.mjs';

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1000);
const IMPORT_TARGET_MS = 2000;
const READERS = 16;
const READ_SECONDS = Number(process.env.BENCH_READ_SECONDS ?? 10);
const P99_TARGET_MS = 50;
const RSS_TARGET_BYTES = 40e6;
const PAGE_READERS = 4;
const PAGE_SECONDS = Number(process.env.BENCH_PAGE_SECONDS ?? 5);

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node members.mjs <label> <DATABASE_URL>');
  process.exit(2);
}

const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** A French spreadsheet's CSV: `;`, a phone per line, every tenth line with a second one. */
function list(lines) {
  const rows = ['Nom;Prénom;E-mail;Téléphone 1;Téléphone 2;Adresse;Code postal;Ville'];
  for (let i = 0; i < lines; i++) {
    const phone = `06${String(10000000 + i).padStart(8, '0')}`;
    const second = i % 10 === 0 ? `04${String(78000000 + i).padStart(8, '0')}` : '';
    rows.push(`Importé ${i};Émilie;importe${i}@example.org;${phone};${second};${i} rue des Lilas;69007;Lyon`);
  }
  return rows.join('\r\n') + '\r\n';
}

await withServer(`members-${label}`, databaseUrl, async ({ base, pid }) => {
  const admin = await login(base, ADMIN);
  const auth = { authorization: `Bearer ${admin}`, accept: 'application/json' };
  const form = new FormData();
  form.append('file', new Blob([list(LINES)], { type: 'text/csv' }), 'adherents.csv');
  let started = performance.now();
  const upload = await fetch(`${base}/api/v1/amaps/${SLUG}/members/imports`, { method: 'POST', headers: auth, body: form });
  const preview = await upload.json();
  const previewMs = performance.now() - started;
  if (upload.status !== 201 || !preview.importable) throw new Error(`preview: HTTP ${upload.status} ${JSON.stringify(preview).slice(0, 400)}`);
  started = performance.now();
  const done = await fetch(`${base}/api/v1/amaps/${SLUG}/members/imports/${preview.id}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ invite: true }),
  });
  const imported = await done.json();
  const importMs = performance.now() - started;
  if (done.status !== 200) throw new Error(`import: HTTP ${done.status} ${JSON.stringify(imported)}`);

  // The member list, read as a member sees it, by READERS clients at once.
  const reader = await login(base, 'marie.dubois@example.org');
  const url = `${base}/api/v1/amaps/${SLUG}/directory`;
  const latencies = [];
  let entries = 0;
  const until = performance.now() + READ_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (performance.now() < until) {
        const at = performance.now();
        const res = await request(url, { headers: { authorization: `Bearer ${reader}` } });
        if (res.status !== 200) throw new Error(`directory: HTTP ${res.status}`);
        latencies.push(performance.now() - at);
        entries = JSON.parse(res.body).entries.length;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const afterApi = memoryOf(pid).current;

  // The member list page as browsers ask for it (compressed), by PAGE_READERS at once.
  const pageUrl = `${base}/a/${SLUG}/adherents`;
  const pageHeaders = { cookie: `${SESSION_COOKIE}=${reader}`, 'accept-encoding': 'br, gzip' };
  const pageLatencies = [];
  let pageBytes = 0;
  let wireBytes = 0;
  const pageUntil = performance.now() + PAGE_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: PAGE_READERS }, async () => {
      while (performance.now() < pageUntil) {
        const at = performance.now();
        const res = await request(pageUrl, { headers: pageHeaders });
        if (res.status !== 200) throw new Error(`member page: HTTP ${res.status}`);
        pageLatencies.push(performance.now() - at);
        wireBytes = res.body.length;
        const encoding = res.headers['content-encoding'];
        pageBytes = (encoding === 'br' ? brotliDecompressSync(res.body) : encoding === 'gzip' ? gunzipSync(res.body) : res.body).length;
      }
    }),
  );
  pageLatencies.sort((a, b) => a - b);
  const afterPage = memoryOf(pid);

  printTable(
    `Members, ${label}: a ${LINES}-line list imported, then the member list read by ${READERS} members at once`,
    ['step', 'figure', 'target'],
    [
      ['preview (read and check every line)', ms(previewMs), ''],
      [`import (${imported.added} added, ${imported.invited} invitations queued)`, ms(importMs), `< ${IMPORT_TARGET_MS} ms`],
      ['preview + import', ms(previewMs + importMs), `< ${IMPORT_TARGET_MS} ms`],
      [`member list (${entries} entries): requests`, `${latencies.length} in ${READ_SECONDS} s`, ''],
      ['member list p50', ms(percentile(latencies, 50)), ''],
      ['member list p99', ms(percentile(latencies, 99)), `< ${P99_TARGET_MS} ms`],
      ['server memory after the list (RSS)', mb(afterApi), `<= ${mb(RSS_TARGET_BYTES)}`],
      [`member page (${Math.round(pageBytes / 1024)} KiB, ${Math.round(wireBytes / 1024)} KiB sent), ${PAGE_READERS} at once: requests`, `${pageLatencies.length} in ${PAGE_SECONDS} s`, ''],
      ['member page p50', ms(percentile(pageLatencies, 50)), ''],
      ['member page p99', ms(percentile(pageLatencies, 99)), ''],
      ['server memory after the page (RSS)', mb(afterPage.current), `<= ${mb(RSS_TARGET_BYTES)}`],
      ['server memory, peak (VmHWM)', mb(afterPage.peak), ''],
    ],
  );
}).catch(reportFailure);
