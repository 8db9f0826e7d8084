import { expect, Page, test as base } from '@playwright/test';

export const PASSWORD = 'amapola-demo';
export const SLUG = 'amap-des-quatre-saisons';

/**
 * In the hydrated project, waits until the page's islands run. Pages without an island are
 * plain HTML: there is nothing to wait for (and they must load no WebAssembly at all).
 */
export async function ready(page: Page, hydrated: boolean) {
  await page.waitForLoadState('load');
  if (hydrated && (await page.locator('leptos-island').count()) > 0) {
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  }
}

export const test = base.extend<{ hydrated: boolean }>({
  hydrated: async ({ javaScriptEnabled }, use) => use(javaScriptEnabled),
  // A hydration mismatch or a panic in the WASM app fails the journey, even when the
  // server-rendered page would still have let it pass.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('Failed to load resource')) errors.push(message.text());
    });
    await use(page);
    expect(errors, 'errors in the browser console').toEqual([]);
  },
});

export async function logIn(page: Page, hydrated: boolean, email: string, password = PASSWORD) {
  await page.goto('/login');
  await ready(page, hydrated);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export { expect };

/** The page fits a 360 px phone: nothing scrolls sideways. */
export async function fitsPhone(page: Page) {
  // Measured once the stylesheet is in: right after a plain link's navigation the heading can
  // be there before the CSS (CI once measured an unstyled 476 px page).
  await page.waitForLoadState('load');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'page width at 360 px').toBeLessThanOrEqual(360);
}

/** `YYYY-MM-DD` as Amapola writes it for people to read: "jeudi 17 décembre 2026", "1er". */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.toLocaleDateString('fr-FR', { weekday: 'long', timeZone: 'UTC' });
  const month = date.toLocaleDateString('fr-FR', { month: 'long', timeZone: 'UTC' });
  return `${weekday} ${d === 1 ? '1er' : d} ${month} ${y}`;
}
