import { Request } from '@playwright/test';
import { expect, logIn, ready, SLUG, test } from './fixtures';

// HTML first: pages are complete without scripts; only pages holding an island load the
// islands' bundle, and a repeat visit downloads nothing but the page itself.

/** Every /pkg file the page requested while `visit` ran. */
async function assetsOf(page: import('@playwright/test').Page, visit: () => Promise<void>) {
  const seen: string[] = [];
  const listener = (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pkg/')) seen.push(url.pathname);
  };
  page.on('request', listener);
  await visit();
  await page.waitForLoadState('load');
  page.off('request', listener);
  return seen;
}

test('pages without an island load no WebAssembly, the sign-up page loads its island', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'marie.dubois@example.org');
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}$`));
  for (const path of [`/a/${SLUG}`, `/a/${SLUG}/contrats`, `/a/${SLUG}/livraisons`, `/a/${SLUG}/paiements`, '/login']) {
    const assets = await assetsOf(page, async () => { await page.goto(path); });
    expect(assets.filter((a) => a.endsWith('.wasm') || a.endsWith('.js')), path).toEqual([]);
    await expect(page.locator('leptos-island')).toHaveCount(0);
  }
  await page.goto(`/a/${SLUG}/contrats`);
  // Any contract's page holds the contract island (signed up or not).
  const link = page.locator(`main a[href^="/a/${SLUG}/contrats/"]`).first();
  const assets = await assetsOf(page, async () => { await link.click(); });
  await ready(page, hydrated);
  await expect(page.locator('leptos-island')).toHaveCount(1);
  expect(assets.some((a) => a.endsWith('.wasm')), 'the island bundle').toBe(hydrated);
});

test('a repeat visit downloads only the page: every asset is cached for a year', async ({ page }) => {
  await logIn(page, false, 'marie.dubois@example.org');
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}$`));
  const css = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  expect(css).toMatch(/^\/pkg\/amapola\.[0-9a-f]{12}\.css$/);
  const asset = await page.request.get(css!);
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const html = await page.request.get(`/a/${SLUG}`);
  expect(html.headers()['cache-control']).toContain('no-cache');
});
