import { expect, fitsPhone, logIn, ready, SLUG, test } from './fixtures';

// The demo season's wine template: LIBRE, three dates, every product by multiples of 6.
const WINE = 'Vins — cartons de 6';
const RED = /^Rouge des Coteaux/; // 9,50 € a bottle

test('a member signs up for wine by the carton and finds it in their contracts and deliveries', async ({ page, hydrated }) => {
  // Both demo members start without any contract; each project signs up its own.
  const email = hydrated ? 'marie.dubois@example.org' : 'admin@example.org';
  await logIn(page, hydrated, email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Mes contrats', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/contrats$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes contrats');
  // Marie is a plain member; the admin (the other project) manages contracts too.
  await expect(page.getByRole('link', { name: 'Gestion des contrats' })).toHaveCount(hydrated ? 0 : 1);
  await fitsPhone(page);

  await page.getByRole('link', { name: `S'inscrire : ${WINE}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WINE);
  await ready(page, hydrated);
  const red = page.getByRole('spinbutton', { name: RED }).first();
  const submit = page.getByRole('button', { name: 'Valider mon contrat' });
  await fitsPhone(page);
  // At 360 px each box still says what it is, its pack size and its price.
  await expect(page.locator('label.cell-label', { hasText: 'Rouge des Coteaux' }).first().locator('.unit')).toBeVisible();
  await expect(page.locator('label.cell-label .unit').first()).toContainText(/\s·\s\d+,\d{2}\s€$/);

  await red.fill('5');
  if (!hydrated) {
    // Without JavaScript the server's answer brings the problem back, with what was typed.
    await submit.click();
    await expect(red).toHaveValue('5');
  }
  await expect(page.getByText('Quantité à commander par multiple de 6.')).toBeVisible();
  await expect(red).toHaveAttribute('aria-invalid', 'true');

  await red.fill('6');
  if (hydrated) {
    await expect(page.getByText('Quantité à commander par multiple de 6.')).toHaveCount(0);
    await expect(page.getByText('Total du contrat : 57,00 €')).toBeVisible();
  }
  await submit.click();

  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/contrats$`));
  const current = page.locator('section', { has: page.getByRole('heading', { name: 'Mes contrats en cours' }) });
  const contract = current.getByRole('listitem').filter({ hasText: WINE });
  await expect(contract).toContainText('Montant : 57,00 €');
  await expect(contract).toContainText('6 unités');
  await expect(page.getByRole('link', { name: `S'inscrire : ${WINE}` })).toHaveCount(0);

  await page.getByRole('link', { name: 'Mes livraisons', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes livraisons');
  // Grouped by date: one card per delivery day, one line per product collected that day.
  const line = page.locator('article.day li[data-product^="Rouge des Coteaux"]');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('6 × Rouge des Coteaux');
  await expect(line).toContainText('Domaine des Coteaux');
  await expect(line).toContainText('57,00 €');
  await fitsPhone(page);
  await page.getByRole('link', { name: 'Par mois' }).click();
  await expect(page).toHaveURL(/vue=mois/);
  await expect(page.locator('article.day li[data-product^="Rouge des Coteaux"]')).toHaveCount(1);
});

test('the sign-up form changes an existing contract and withdraws it', async ({ page, hydrated }) => {
  // A member of the demo season already signed up for the wine: i % 5 == 1 in the seed.
  const email = hydrated ? 'jean.durand@example.org' : 'camille.garcia@example.org';
  await logIn(page, hydrated, email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}/contrats`);
  await ready(page, hydrated);
  const offered = page.getByRole('link', { name: `S'inscrire : ${WINE}` });
  const change = page.getByRole('link', { name: `Modifier : ${WINE}` });
  await expect(offered.or(change)).toHaveCount(1);
  if (await change.count()) {
    await change.click();
  } else {
    // Not in the seeded wine orders: sign up first.
    await offered.click();
    await ready(page, hydrated);
    await page.getByRole('spinbutton', { name: RED }).first().fill('12');
    await page.getByRole('button', { name: 'Valider mon contrat' }).click();
    await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/contrats$`));
    await page.getByRole('link', { name: `Modifier : ${WINE}` }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WINE);
  await ready(page, hydrated);
  await page.getByText('Annuler mon contrat').click();
  await page.getByRole('button', { name: "Confirmer l'annulation" }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/contrats$`));
  await expect(page.getByRole('link', { name: `S'inscrire : ${WINE}` })).toBeVisible();
});

test('référents reach contract management from the navigation', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'referent.legumes@example.org');
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}$`));
  await expect(page.getByRole('link', { name: 'Gestion des contrats' })).toHaveAttribute('href', `/a/${SLUG}/gestion/contrats`);
  await page.getByRole('link', { name: 'Toutes mes livraisons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes livraisons');
  await fitsPhone(page);
});
