import { expect, fitsPhone, logIn, ready, SLUG, test } from './fixtures';

// The demo: Marie Dubois welcomes at the season's first distribution; most members collect
// vegetables and other products that day.
const SEASON = 'Permanences de la saison';

test('the person on duty opens the sign-in sheet and prints it', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'marie.dubois@example.org');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  await page.getByTestId('my-duty').first().getByRole('link', { name: "Feuille d'émargement" }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toContainText("Feuille d'émargement");
  await expect(page.getByTestId('on-duty')).toContainText('Marie Dubois (Accueil)');
  const collectors = page.getByTestId('collector');
  expect(await collectors.count()).toBeGreaterThan(10);
  // Each row: a name, what to hand over, a box to tick.
  await expect(collectors.first().locator('.tick-box')).toHaveCount(1);
  await fitsPhone(page);

  // The list layout: each member's products on one line.
  await page.getByRole('link', { name: 'Les produits de chacun sur une ligne' }).click();
  await ready(page, hydrated);
  await expect(page.getByTestId('sign-in-sheet').locator('thead th')).toHaveCount(4);
  await expect(collectors.first().locator('td').nth(1)).toContainText('×');
  await fitsPhone(page);

  // On paper: the table without the links and buttons, on A4.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('sign-in-sheet')).toBeVisible();
  await expect(page.locator('.downloads')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Une colonne par produit' })).toBeHidden();
  if (hydrated) {
    // Chromium renders the printed sheet; a long list takes more than one page.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }
});

test('a coordinator reads the distributions, a planning to print and mails it', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'admin@example.org');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Distributions', exact: true }).first().click();
  await ready(page, hydrated);
  const first = page.getByTestId('distribution').filter({ hasText: 'Marie Dubois' }).first();
  await expect(first).toContainText('De permanence');
  await first.getByRole('link').click();
  await ready(page, hydrated);
  await expect(page.getByTestId('on-duty')).toContainText('Marie Dubois');
  // The files of the sheet.
  const csv = await page.request.get(
    (await page.getByRole('link', { name: 'CSV' }).getAttribute('href'))!,
  );
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Émargement');

  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: SEASON }).first().click();
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Planning à imprimer' }).click();
  await ready(page, hydrated);
  await expect(page.getByTestId('planning-row')).toHaveCount(16);
  await expect(page.getByTestId('planning')).toContainText('Marie Dubois');
  await page.getByTestId('mail-planning').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText('Planning envoyé par mail à');

  // The period's history lists the moves, the demo's offer among them.
  await page.getByRole('link', { name: '← Retour au planning' }).click();
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Historique' }).click();
  await ready(page, hydrated);
  await expect(page.locator('[data-testid="move"][data-kind="offer"]').filter({ hasText: 'Jean Bonnet' })).toContainText('Jean Bonnet cherche un·e remplaçant·e');
  await fitsPhone(page);
});

test('a member subscribes to their calendar and can change its address', async ({ page, hydrated }) => {
  const email = hydrated ? 'louis.michel@example.org' : 'ines.richard@example.org';
  await logIn(page, hydrated, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/compte`);
  await ready(page, hydrated);
  const feed = page.getByTestId('calendar-member');
  const url = await feed.inputValue();
  expect(url).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\/member\.ics$/);
  const calendar = await page.request.get(url);
  expect(calendar.status()).toBe(200);
  expect(calendar.headers()['content-type']).toContain('text/calendar');
  const text = await calendar.text();
  expect(text).toContain('BEGIN:VCALENDAR');
  expect(text).toContain('BEGIN:VEVENT');

  await page.getByTestId('calendar-reset').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText("Nouvelles adresses d'agenda");
  expect(await page.getByTestId('calendar-member').inputValue()).not.toBe(url);
  expect((await page.request.get(url)).status()).toBe(404);
  await fitsPhone(page);
});
