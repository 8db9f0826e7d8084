// Slow-phone benchmark: a member's first visit (empty cache) on a rural connection and an old
// phone — Chromium with CDP throttling: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip,
// CPU 4× slower. Prints, for the home page and the sign-up page, when content is first
// painted and, on the sign-up page, when typing a quantity shows its feedback (the island
// has loaded, hydrated and checked the rule). Median of a few runs; never fails on a target.
//
//   node throttle.mjs <label> <DATABASE_URL>

import { chromium } from 'playwright-core';
import { SLUG } from './lib/client.mjs';
import { reportFailure, withServer } from './lib/server.mjs';
import { printTable } from './lib/table.mjs';

const [label, databaseUrl] = process.argv.slice(2);
if (!label || !databaseUrl) {
  console.error('usage: node throttle.mjs <label> <DATABASE_URL>');
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_THROTTLE_RUNS ?? 5);
const MEMBER = 'marie.dubois@example.org';
const WINE = 'Vins — cartons de 6';
const TARGETS = { paint: 1500, feedback: 3000 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function slowPage(browser, cookies) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
  await context.addCookies(cookies);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8),
    uploadThroughput: (750e3 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

const firstPaint = (page) =>
  page.evaluate(() => new Promise((done) => {
    const seen = performance.getEntriesByName('first-contentful-paint')[0];
    if (seen) return done(seen.startTime);
    new PerformanceObserver((list) => done(list.getEntries()[0].startTime)).observe({ type: 'paint', buffered: true });
  }));

await withServer(`throttle-${label}`, databaseUrl, async ({ base }) => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // One unthrottled login for the session cookie; every measured visit starts cold.
    const login = await browser.newContext({ locale: 'fr-FR' });
    const loginPage = await login.newPage();
    await loginPage.goto(`${base}/login`);
    await loginPage.getByLabel('Adresse e-mail').fill(MEMBER);
    await loginPage.getByLabel('Mot de passe').fill('amapola-demo');
    await loginPage.getByRole('button', { name: 'Se connecter' }).click();
    await loginPage.waitForURL(new RegExp(`/a/${SLUG}$`));
    await loginPage.goto(`${base}/a/${SLUG}/contrats`);
    const signUp = await loginPage.getByRole('link', { name: `S'inscrire : ${WINE}` }).getAttribute('href');
    const cookies = await login.cookies();
    await login.close();

    const home = [];
    const signUpPaint = [];
    const feedback = [];
    for (let run = 0; run < RUNS; run++) {
      let { context, page } = await slowPage(browser, cookies);
      await page.goto(`${base}/a/${SLUG}`);
      home.push(await firstPaint(page));
      await context.close();

      ({ context, page } = await slowPage(browser, cookies));
      await page.goto(`${base}${signUp}`, { waitUntil: 'commit' });
      const start = await page.evaluate(() => performance.timeOrigin);
      await page.locator('body[data-hydrated="true"]').waitFor({ timeout: 60_000 });
      await page.getByRole('spinbutton').first().fill('5');
      await page.getByText('Quantité à commander par multiple de 6.').first().waitFor({ timeout: 60_000 });
      feedback.push((await page.evaluate(() => performance.timeOrigin + performance.now())) - start);
      signUpPaint.push(await firstPaint(page));
      await context.close();
    }
    const ms = (x) => `${Math.round(x)} ms`;
    const verdict = (x, target) => `${x <= target ? 'met' : 'MISSED'} (< ${target} ms)`;
    printTable(
      `Slow phone, ${label}: 1.6 Mbit/s, 150 ms RTT, CPU ×4, empty cache — median of ${RUNS}`,
      ['page', 'content painted', 'target', 'feedback on a typed quantity', 'target'],
      [
        ['member home', ms(median(home)), verdict(median(home), TARGETS.paint), '—', ''],
        [`sign-up (${WINE})`, ms(median(signUpPaint)), verdict(median(signUpPaint), TARGETS.paint), ms(median(feedback)), verdict(median(feedback), TARGETS.feedback)],
      ],
    );
  } finally {
    await browser.close();
  }
}).catch(reportFailure);
