import { expect, logIn, ready, SLUG, test } from './fixtures';

// The treasurer opens a membership period, a member adheres online (at least the minimum),
// the treasurer cashes it, and the member can no longer change it — with and without
// JavaScript. Each project has its own period and member.

test('a member adheres online and the treasurer cashes it', async ({ page, hydrated }) => {
  const tag = hydrated ? 'js' : 'html';
  const name = `Adhésion test ${tag}`;
  const [email, member] = hydrated ? ['pierre.robert@example.org', 'Pierre Robert'] : ['sophie.lefevre@example.org', 'Sophie Lefèvre'];
  const year = new Date().getFullYear();
  // One browser, the two people in turn.
  const as = async (who: string) => {
    await page.context().clearCookies();
    await logIn(page, hydrated, who);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  };
  const treasurer = page;

  await as('tresorier@example.org');
  await expect(page.getByRole('link', { name: 'Adhésions', exact: true })).toHaveAttribute('href', `/a/${SLUG}/tresorerie/adhesions`);
  await page.goto(`/a/${SLUG}/tresorerie/adhesions`);
  await ready(treasurer, hydrated);
  await treasurer.getByLabel('Nom de la période').fill(name);
  await treasurer.getByLabel('Début', { exact: true }).fill(`${year}-01-01`);
  await treasurer.getByLabel('Fin', { exact: true }).fill(`${year + 1}-12-31`);
  await treasurer.getByLabel('Montant minimum').fill('12');
  await treasurer.getByLabel('Montant conseillé').fill('20');
  await treasurer.getByRole('button', { name: 'Créer la période' }).click();
  await expect(treasurer.getByRole('status').filter({ hasText: `Période « ${name} » enregistrée` })).toBeVisible();

  await as(email);
  await expect(page.getByRole('link', { name: 'Mes adhésions' })).toHaveAttribute('href', `/a/${SLUG}/adhesions`);
  await page.goto(`/a/${SLUG}/adhesions`);
  await ready(page, hydrated);
  const card = () => page.locator('[data-testid="period"]').filter({ hasText: name });
  await expect(card().getByTestId('my-adhesion')).toHaveText("Vous n'avez pas encore adhéré pour cette période.");
  // Below the minimum: said on the field, nothing recorded.
  await card().getByLabel('Montant').fill('5');
  await card().getByRole('button', { name: 'Adhérer' }).click();
  await expect(card().getByText(/Le montant minimum est de 12,00/)).toBeVisible();
  await card().getByLabel('Montant').fill('15');
  await card().getByRole('button', { name: 'Adhérer' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Adhésion enregistrée : 15,00/ })).toBeVisible();
  await expect(card().getByTestId('my-adhesion')).toContainText('À régler');
  await card().getByRole('link', { name: "Imprimer le bulletin d'adhésion" }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bulletin d'adhésion — ${name}`);
  await expect(page.locator('main')).toContainText(email);

  // The treasurer finds it in the period's list and cashes it.
  await as('tresorier@example.org');
  await page.goto(`/a/${SLUG}/tresorerie/adhesions`);
  await treasurer.getByRole('link', { name }).click();
  await ready(treasurer, hydrated);
  await expect(treasurer.getByTestId('totals')).toContainText('1 adhésion(s)');
  const [first, ...rest] = member.split(' ');
  const row = treasurer.locator('tr[data-testid="adhesion"]').filter({ hasText: `${rest.join(' ')} ${first}` });
  await row.getByText('Corriger').click();
  await row.getByLabel('État').selectOption('cashed');
  await row.getByLabel('Règlement').selectOption('cheque');
  await row.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(treasurer.getByRole('status').filter({ hasText: `Adhésion de ${member} enregistrée` })).toBeVisible();
  await expect(row).toContainText('Encaissée');
  await expect(row).toContainText('Chèque');
  await expect(treasurer.getByTestId('totals')).toContainText('encaissées : 1');

  // Cashed: the member reads it, and can no longer change it.
  await as(email);
  await page.goto(`/a/${SLUG}/adhesions`);
  await ready(page, hydrated);
  await expect(card().getByTestId('my-adhesion')).toContainText('Encaissée');
  await expect(card().getByText('Le trésorier a encaissé votre adhésion')).toBeVisible();
  await expect(card().getByRole('button', { name: 'Changer le montant' })).toHaveCount(0);
});
