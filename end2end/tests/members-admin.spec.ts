import { expect, logIn, ready, SLUG, test } from './fixtures';

// An admin imports a list (preview first, all or nothing), then corrects and deactivates one
// of the imported members — with and without JavaScript. Each project imports its own people.

test('an admin imports a member list after reading its preview', async ({ page, hydrated }) => {
  const tag = hydrated ? 'js' : 'html';
  await logIn(page, hydrated, 'tresorier@example.org');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/admin/members`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Importer une liste (CSV, XLSX, ODS)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Importer une liste d'adhérents");

  // A first file with a mistake: the preview names the line, nothing can be imported.
  const bad = `Nom;Prénom;E-mail;Téléphone 1\nRoux;Anna;anna.${tag}@example.org;0612345678\nBlanc;Hugo;pas-une-adresse\n`;
  await page.getByLabel('Fichier à importer').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await expect(page).toHaveURL(/import\?lot=/);
  const line3 = page.locator('tr[data-line="3"]');
  await expect(line3).toContainText('E-mail : ');
  await expect(page.getByRole('alert').filter({ hasText: 'rien n' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Importer les/ })).toHaveCount(0);

  // The corrected file imports whole; the people appear in the list.
  const good = `Nom;Prénom;E-mail;Téléphone 1\nRoux;Anna;anna.${tag}@example.org;0612345678\nBlanc;Hugo;hugo.${tag}@example.org;\n`;
  await page.getByLabel('Fichier à importer').setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Lire le fichier' }).click();
  await expect(page.getByText('2 lignes, 2 prêtes, 0 à corriger')).toBeVisible();
  await page.getByRole('button', { name: 'Importer les 2 adhérents' }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/admin/members$`));
  await expect(page.getByRole('status').filter({ hasText: '2 adhérent(s) importé(s), 2 invitation(s)' })).toBeVisible();

  // One of them is corrected on their page, then deactivated from the list's tick boxes.
  await page.getByLabel('Chercher (nom, prénom ou e-mail)').fill(`anna.${tag}`);
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await page.getByRole('link', { name: 'Anna Roux' }).click();
  await ready(page, hydrated);
  await page.getByLabel('Commune').fill('Villeurbanne');
  await page.getByRole('button', { name: 'Enregistrer' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Fiche de Anna Roux enregistrée' })).toBeVisible();
  await expect(page.getByLabel('Commune')).toHaveValue('Villeurbanne');
  await expect(page.getByText('Pas encore de mot de passe')).toBeVisible();

  await page.getByRole('link', { name: '← Adhérents et rôles' }).click();
  await page.getByLabel('Chercher (nom, prénom ou e-mail)').fill(`.${tag}@example.org`);
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await page.getByLabel('Choisir Anna Roux').check();
  await page.getByLabel('Choisir Hugo Blanc').check();
  await page.getByRole('button', { name: 'Désactiver les adhérents cochés' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 adhérent(s) désactivé(s)' })).toBeVisible();
  await expect(page.locator(`tr[data-member="anna.${tag}@example.org"]`)).toContainText('Inactif');
});

test('a référent writes to the members of a contract', async ({ page, hydrated }) => {
  await logIn(page, hydrated, 'referent.legumes@example.org');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/gestion/contrats`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Écrire aux adhérents' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Écrire aux adhérents');
  // A référent may not write to everyone: only their contracts are offered.
  await expect(page.getByRole('option', { name: 'Tous les adhérents actifs' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByText('Ce champ est obligatoire').first()).toBeVisible();
  await page.getByLabel('Destinataires').selectOption({ index: 1 });
  await page.getByLabel('Objet').fill(`Distribution de jeudi (${hydrated ? 'js' : 'html'})`);
  await page.getByLabel('Message').fill('Bonjour à tous,\n\nPensez à vos sacs.');
  await page.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Message envoyé à \d+ destinataire/ })).toBeVisible();
});
