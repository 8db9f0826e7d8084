import { readFileSync } from 'node:fs';
import { expect, fitsPhone, logIn, ready, SLUG, test } from './fixtures';

// Each project promotes a different member, so the two runs never see each other's work.
const target = {
  hydrated: { email: 'nicolas.girard@example.org', label: 'Girard Nicolas (nicolas.girard@example.org)' },
  nojs: { email: 'julie.martinez@example.org', label: 'Martinez Julie (julie.martinez@example.org)' },
};

test('an admin grants a role', async ({ page, hydrated }) => {
  const { email, label } = hydrated ? target.hydrated : target.nojs;
  await logIn(page, hydrated, 'admin@example.org');
  // The admin belongs to two AMAPs: the root page asks which one.
  await page.getByRole('link', { name: /AMAP des Quatre Saisons/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Claire');
  await page.getByRole('link', { name: 'Adhérents et rôles' }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { name: 'Adhérents et rôles' })).toBeVisible();
  await fitsPhone(page);

  // The list comes a page at a time; the search finds the member (accents and case aside).
  await page.getByLabel('Chercher (nom, prénom ou e-mail)').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await expect(page.getByText(/^1 adhérent trouvé/)).toBeVisible();
  const row = page.locator(`tr[data-member="${email}"]`);
  await expect(row).not.toContainText('Trésorier');
  // Nothing is chosen in advance.
  await expect(page.getByLabel('Rôle', { exact: true })).toHaveValue('');
  await page.getByLabel('Adhérent', { exact: true }).selectOption({ label });
  await page.getByLabel('Rôle', { exact: true }).selectOption('treasurer');
  await page.getByRole('button', { name: 'Donner le rôle' }).click();
  // Back on the same search, with what was done said once.
  await expect(page).toHaveURL(/\?q=/);
  await expect(page.getByRole('status').filter({ hasText: 'Rôle « Trésorier » donné' })).toBeVisible();
  await expect(row).toContainText('Trésorier');

  // And takes it back.
  await row.getByRole('button', { name: /Retirer le rôle Trésorier/ }).click();
  await expect(row).not.toContainText('Trésorier');
});

test('the AMAP switcher leads to the other AMAP', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'admin@example.org');
  await expect(page.getByRole('heading', { name: 'Mes AMAP' })).toBeVisible();
  await page.getByRole('link', { name: /AMAP des Quatre Saisons/ }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}$`));
  await page.getByText('Mes AMAP').click();
  await page.getByRole('link', { name: 'AMAP du Canal' }).click();
  await expect(page).toHaveURL(/\/a\/amap-du-canal$/);
  await expect(page.getByRole('link', { name: 'AMAP du Canal' }).first()).toBeVisible();
});

test('an admin downloads the AMAP archive from the settings', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'admin@example.org');
  await page.goto(`/a/${SLUG}/admin/reglages`);
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { name: "Archive de l'AMAP" })).toBeVisible();
  await fitsPhone(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: "Télécharger l'archive" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SLUG}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const zip = readFileSync((await download.path()) as string);
  // A zip (its signature), holding the whole AMAP as JSON and a CSV per table.
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  const names = zip.toString('latin1');
  expect(names).toContain('amapola.json');
  expect(names).toContain('csv/subscription.csv');
});
