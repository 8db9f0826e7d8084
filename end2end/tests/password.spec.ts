import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, ready, test } from './fixtures';

// A member who forgot their password asks for a link, follows it from the mail the real SMTP
// sink received, chooses a new password and logs in with it — with and without JavaScript.

const MEMBER = 'julien.morel@example.org';
const MAILDIR = process.env.AMAPOLA_TEST_MAILDIR ?? '';

/** Quoted-printable soft line breaks and escapes, as lettre writes a text part. */
function unquote(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** The password link of the newest mail to `to` that arrived after `since`. */
async function linkMailedTo(to: string, since: number): Promise<string> {
  expect(MAILDIR, 'AMAPOLA_TEST_MAILDIR (the test command starts the SMTP sink)').not.toBe('');
  for (let i = 0; i < 100; i++) {
    const fresh = readdirSync(MAILDIR)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => join(MAILDIR, f))
      .filter((f) => statSync(f).mtimeMs >= since)
      .map((f) => unquote(readFileSync(f, 'utf8')))
      .filter((mail) => new RegExp(`^To: .*${to.replace(/\./g, '\\.')}`, 'mi').test(mail));
    const link = fresh.at(-1)?.match(/https?:\/\/[^\s"<>]+\/mot-de-passe\?jeton=[\w-]+/)?.[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no password mail to ${to}`);
}

test('a forgotten password is reset from the link in the mail', async ({ page, hydrated }) => {
  const since = Date.now() - 1000;
  await page.goto('/login');
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await page.getByLabel('Adresse e-mail').fill(MEMBER);
  await page.getByRole('button', { name: 'Recevoir le lien' }).click();
  await expect(page.getByRole('status')).toContainText('Si cette adresse a un compte');

  const link = new URL(await linkMailedTo(MEMBER, since));
  await page.goto(link.pathname + link.search);
  const password = `une nouvelle phrase ${hydrated ? 'avec' : 'sans'} script`;
  await page.getByLabel('Nouveau mot de passe').fill('court');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByText('8 caractères au minimum')).toBeVisible();
  await page.getByLabel('Nouveau mot de passe').fill(password);
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('status')).toContainText('Votre mot de passe est enregistré');
  await page.getByLabel('Adresse e-mail').fill(MEMBER);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/a\//);

  // The link served once; following it again says so and offers a new one.
  await page.goto(link.pathname + link.search);
  await page.getByLabel('Nouveau mot de passe').fill('encore une autre phrase');
  await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
  await expect(page.getByTestId('link-problem')).toContainText('déjà servi');
});
