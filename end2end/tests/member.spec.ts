import { expect, fitsPhone, logIn, PASSWORD, ready, SLUG, test } from './fixtures';

test('a member logs in and sees their home', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'marie.dubois@example.org');
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Marie');
  // The home page is a summary of what comes next, her first duty included (the demo has her
  // welcoming at the first distribution).
  for (const section of ['Prochaine livraison', 'Chèques à apporter', 'Contrats ouverts aux inscriptions', 'Mes permanences']) {
    await expect(page.getByRole('heading', { name: section })).toBeVisible();
  }
  await expect(page.getByTestId('my-duties').locator('li[data-day]')).toContainText('Accueil');
  await expect(page.getByRole('link', { name: 'Adhérents et rôles' })).toHaveCount(0);
  await fitsPhone(page);
});

test('a wrong password shows the error and keeps the visitor on the login page', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'jean.durand@example.org', 'pas le bon mot de passe');
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
  await expect(page).toHaveURL(/\/login/);
  // Then the right one works.
  await page.getByLabel('Adresse e-mail').fill('jean.durand@example.org');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Jean');
});

test('a malformed e-mail is flagged next to its field', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'pas-un-email', '');
  await expect(page.getByText('Adresse e-mail invalide.')).toBeVisible();
  await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
});

test('English is one click away', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'camille.garcia@example.org');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Camille');
  await page.getByRole('link', { name: 'EN', exact: true }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello Camille');
  await expect(page.getByRole('heading', { name: 'Contracts open for sign-up' })).toBeVisible();
  await page.getByRole('link', { name: 'FR', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Camille');
});

test('a member turns off the mails they do not want', async ({ page, hydrated }) => {
  const email = hydrated ? 'thomas.fournier@example.org' : 'claire.bonnet@example.org';
  await logIn(page, hydrated, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/compte`);
  await ready(page, hydrated);
  const openings = page.getByLabel("L'ouverture d'un nouveau contrat");
  await expect(openings).toBeChecked();
  // A plain member is no référent: the delivery sheets are not offered.
  await expect(page.getByLabel(/La feuille de livraison/)).toHaveCount(0);
  await openings.uncheck();
  await page.locator('section').filter({ hasText: 'Mails que je reçois' }).getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await page.goto(`/a/${SLUG}/compte`);
  await expect(page.getByLabel("L'ouverture d'un nouveau contrat")).not.toBeChecked();
  await expect(page.getByLabel(/Le récapitulatif de mon contrat/)).toBeChecked();
});
