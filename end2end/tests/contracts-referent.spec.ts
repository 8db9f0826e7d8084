import { readFileSync } from 'node:fs';
import { Page } from '@playwright/test';
import { expect, fitsPhone, frenchDate, logIn, ready, SLUG, test } from './fixtures';

// The acceptance journey: a référent builds and publishes a contract, a member signs up
// (5 is refused, 6 by date is accepted), the producer downloads the synthesis.
// Each project works on its own product and template, so the two runs never meet.

const REFERENT = 'referent.legumes@example.org';
const FARM = 'Ferme du Petit Pré';
// The demo creates the farm first: its producer account is producteur1@example.org.
const FARMER = 'producteur1@example.org';
const MULTIPLE = 'Quantité à commander par multiple de 6.';

/** `YYYY-MM-DD`, `days` from today. */
function isoIn(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function section(page: Page, heading: string) {
  return page.locator('section', { has: page.getByRole('heading', { name: heading, exact: true }) });
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login/);
}

test('a référent publishes a contract, a member signs up, the producer downloads the synthesis', async ({ page, hydrated }, testInfo) => {
  test.setTimeout(120_000);
  const suffix = testInfo.project.name;
  const product = `Courges ${suffix}`;
  const template = `Courges d'automne ${suffix}`;
  // Three weekly dates, all after the deadline.
  const deadline = isoIn(10);
  const dates = [isoIn(14), isoIn(21), isoIn(28)];

  // The référent adds a product to the farm's catalogue.
  await logIn(page, hydrated, REFERENT);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}/gestion/contrats`);
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gestion des contrats');
  await fitsPhone(page);
  await section(page, 'Producteurs').getByRole('link', { name: FARM }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FARM);
  await ready(page, hydrated);
  await page.getByLabel('Nom du produit', { exact: true }).fill(product);
  await page.getByLabel('Conditionnement', { exact: true }).last().fill('pièce');
  await page.getByRole('button', { name: 'Ajouter le produit' }).click();
  await expect(page.getByText(`${product} (pièce)`)).toBeVisible();

  // … and creates a weekly draft for the farm.
  await page.goto(`/a/${SLUG}/gestion/contrats`);
  await ready(page, hydrated);
  const create = section(page, 'Nouveau contrat');
  await create.getByLabel('Producteur', { exact: true }).selectOption({ label: FARM });
  await create.getByLabel('Nom', { exact: true }).fill(template);
  await create.getByLabel('Nature', { exact: true }).selectOption('free');
  await create.getByLabel("Date limite d'inscription", { exact: true }).fill(deadline);
  await create.getByLabel('Fréquence', { exact: true }).selectOption('weekly');
  await create.getByLabel('Première livraison', { exact: true }).fill(dates[0]);
  await create.getByLabel('Dernière livraison', { exact: true }).fill(dates[2]);
  await create.getByRole('button', { name: 'Créer le contrat' }).click();
  const row = page.locator(`tr[data-template="${template}"]`);
  await expect(row).toContainText('Brouillon');
  await expect(row).toContainText('3 dates');
  await row.getByRole('link', { name: template }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(template);
  await ready(page, hydrated);
  const id = page.url().match(/contrats\/(\d+)/)?.[1];
  expect(id).toBeTruthy();
  await fitsPhone(page);

  // Only the new product stays (the catalogue's others are removed), at 2,50 €.
  const products = section(page, 'Produits et prix');
  const others = products.locator(`tbody tr:not([data-product="${product}"])`);
  while ((await others.count()) > 0) {
    const name = await others.first().getAttribute('data-product');
    await others.first().getByRole('button', { name: `Retirer ${name} du contrat` }).click();
    await expect(products.locator(`tr[data-product="${name}"]`)).toHaveCount(0);
  }
  const line = products.locator(`tr[data-product="${product}"]`);
  const productId = await line.locator('input[name="product_id"]').first().getAttribute('value');
  await line.getByLabel(`Prix de ${product}`, { exact: true }).fill('2,50');
  await line.getByRole('button', { name: 'Enregistrer le prix' }).click();
  await expect(products.locator(`tr[data-product="${product}"]`).getByLabel(`Prix de ${product}`, { exact: true })).toHaveValue('2,50');

  // A packaging rule: by multiples of 6, on each date.
  const rules = section(page, 'Règles de saisie');
  await rules.getByLabel("S'applique à", { exact: true }).selectOption('one');
  await rules.getByLabel('Produit', { exact: true }).selectOption({ label: product });
  await rules.getByLabel('Condition', { exact: true }).selectOption('multiple_of');
  await rules.getByLabel('Valeur', { exact: true }).fill('6');
  await rules.getByLabel('Quand', { exact: true }).selectOption('each_date');
  await rules.getByRole('button', { name: 'Ajouter la règle' }).click();
  await expect(section(page, 'Règles de saisie').getByText(`${product} : par multiple de 6, à chaque date`)).toBeVisible();

  // 60 pieces a week at most.
  const stock = section(page, 'Stock');
  await stock.getByLabel('Produit', { exact: true }).first().selectOption({ label: product });
  await stock.getByLabel('Date', { exact: true }).selectOption('');
  await stock.getByLabel('Quantité disponible', { exact: true }).fill('60');
  await stock.getByRole('button', { name: 'Limiter le stock' }).click();
  await expect(section(page, 'Stock').locator('table.limits')).toContainText('Toutes les dates');
  await expect(section(page, 'Stock').locator('table.grid')).toContainText('0 / 60');

  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Actif');
  await logOut(page);

  // A member signs up: 5 breaks the rule, 6 on each date is accepted.
  await logIn(page, hydrated, 'marie.dubois@example.org');
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}/contrats/${id}`);
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(template);
  const cell = (date: string) => page.locator(`input[name="q.${date}.${productId}"]`);
  const submit = page.getByRole('button', { name: 'Valider mon contrat' });
  await cell(dates[0]).fill('5');
  if (!hydrated) {
    await submit.click();
    await expect(cell(dates[0])).toHaveValue('5');
  }
  await expect(page.getByText(MULTIPLE).first()).toBeVisible();
  for (const date of dates) {
    await cell(date).fill('6');
  }
  if (hydrated) {
    await expect(page.getByText(MULTIPLE)).toHaveCount(0);
  }
  await submit.click();
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/contrats$`));
  await logOut(page);

  // The farm's own account reads the synthesis and downloads it.
  await logIn(page, hydrated, FARMER);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}/gestion/producteurs/1`);
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FARM);
  await page.getByRole('listitem').filter({ hasText: template }).getByRole('link', { name: 'Synthèse' }).click();
  await expect(page).toHaveURL(new RegExp(`/gestion/contrats/${id}/synthese$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(template);
  await ready(page, hydrated);
  await expect(page.locator('tfoot')).toContainText('18');
  await fitsPhone(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path()) as string, 'utf8');
  expect(csv).toContain(product);
  const total = csv.split(/\r?\n/).find((l) => l.startsWith('Total'));
  expect(total, csv).toBeTruthy();
  expect(total!.split(';')).toContain('18');

  // The day's sheet lists the member.
  await page.getByRole('link', { name: frenchDate(dates[0]), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Livraison du');
  await expect(page.getByRole('row').filter({ hasText: 'Marie Dubois' })).toContainText('6');

  // The demo farm handles its own cheques: its account opens the register, to receive and
  // remit, but credits and recomputation are not offered to it.
  await page.goto(`/a/${SLUG}/gestion/producteurs/1`);
  await ready(page, hydrated);
  await page.getByRole('listitem').filter({ hasText: template }).getByRole('link', { name: 'Chèques' }).click();
  await expect(page).toHaveURL(new RegExp(`/gestion/contrats/${id}/cheques$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Chèques — ${template}`);
  await ready(page, hydrated);
  await expect(page.getByRole('button', { name: 'Enregistrer les réceptions' })).toBeVisible();
  await expect(page.getByRole('button', { name: "Enregistrer l'avoir" })).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('link', { name: FARM })).toBeVisible();
  // The producer's own way in: the farm's page is in its menu, member screens stay.
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu.getByRole('link', { name: FARM })).toHaveAttribute('href', `/a/${SLUG}/gestion/producteurs/1`);
  await expect(menu.getByRole('link', { name: 'Adhérents et rôles' })).toHaveCount(0);
  await fitsPhone(page);
  await logOut(page);

  // Back to the référent: the contract is listed, and cancelling a date first shows whom it touches.
  await logIn(page, hydrated, REFERENT);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}/gestion/contrats/${id}/inscrits`);
  await ready(page, hydrated);
  const subscription = page.getByRole('row').filter({ hasText: 'Marie Dubois' });
  await expect(subscription).toContainText('18');
  await expect(subscription).toContainText('45,00 €');
  await fitsPhone(page);
  // Her contract opens in référent mode.
  await subscription.getByRole('link', { name: 'Modifier le contrat de Marie Dubois' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${template} : contrat de Marie Dubois`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Inscrits', exact: true }).click();
  await ready(page, hydrated);
  await page.getByRole('link', { name: '← Retour au contrat' }).click();
  await ready(page, hydrated);
  const last = frenchDate(dates[2]);
  await page.getByRole('button', { name: `Annuler le ${last}` }).click();
  const preview = section(page, 'Confirmer la modification');
  await expect(preview).toContainText(`Annuler la livraison du ${last}`);
  await expect(preview.getByRole('row').filter({ hasText: 'Marie Dubois' })).toContainText('30,00 €');
  await ready(page, hydrated);
  await preview.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.locator(`tr[data-date="${dates[2]}"]`)).toContainText('Annulée');
  await expect(section(page, 'Confirmer la modification')).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Rétablir le ${last}` })).toBeVisible();
});
