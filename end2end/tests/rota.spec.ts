import { expect, fitsPhone, frenchDate, logIn, ready, SLUG, test } from './fixtures';

// The demo season's rota: 16 weekly dates, 3 places each, the first 8 dates filled, quota 1.
const SEASON = 'Permanences de la saison';

/** `YYYY-MM-DD`, `days` from today (the browser's clock, as the demo's). */
function isoIn(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test('a member takes a free duty, finds it on the home page, and gives it back', async ({ page, hydrated }) => {
  // Two members who hold no duty in the demo, one per project.
  const [email, name] = hydrated ? ['antoine.thomas@example.org', 'Antoine Thomas'] : ['elodie.simon@example.org', 'Élodie Simon'];
  await logIn(page, hydrated, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  const home = page.getByTestId('my-duties');
  await expect(home).toContainText('Il vous reste 1 permanence à prendre');
  await home.getByRole('link', { name: SEASON }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEASON);
  await expect(page.getByTestId('my-share')).toContainText('Vous avez pris 0 permanence sur 1');

  // The first date with a free place; its first free place.
  const date = page.getByTestId('duty-date').filter({ has: page.getByTestId('take') }).first();
  const day = (await date.getAttribute('data-day'))!;
  const place = date.locator('[data-testid="place"]:not([data-holder])').first();
  const role = (await place.getAttribute('data-role'))!;
  await place.getByTestId('take').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText(`Vous êtes de permanence le ${frenchDate(day)} (${role})`);
  const mine = page.locator(`[data-testid="duty-date"][data-day="${day}"] [data-testid="place"][data-holder="${name}"]`);
  await expect(mine).toHaveCount(1);
  await expect(page.getByTestId('my-share')).toContainText('Vous avez pris toutes vos permanences.');
  // One duty per date: nothing more to take here, and the quota is reached elsewhere.
  await expect(page.locator(`[data-testid="duty-date"][data-day="${day}"] [data-testid="take"]`)).toHaveCount(0);
  await expect(page.getByTestId('take')).toHaveCount(0);
  await fitsPhone(page);

  // The home page lists it.
  await page.goto(`/a/${SLUG}`);
  await ready(page, hydrated);
  await expect(page.getByTestId('my-duties').locator(`li[data-day="${day}"]`)).toContainText(role);

  // The rota list shows it with who else is on duty, and gives it back.
  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  const duty = page.locator(`[data-testid="my-duty"][data-day="${day}"]`);
  await expect(duty).toContainText(role);
  await duty.getByTestId('leave').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText(`Vous n'êtes plus de permanence le ${frenchDate(day)}`);
  await expect(page.locator(`[data-testid="my-duty"][data-day="${day}"]`)).toHaveCount(0);
});

test('a member says which dates they cannot do', async ({ page, hydrated }) => {
  const email = hydrated ? 'mathieu.roux@example.org' : 'lea.leroy@example.org';
  await logIn(page, hydrated, email);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: SEASON }).first().click();
  await ready(page, hydrated);
  const absences = page.getByTestId('absences');
  const boxes = absences.getByRole('checkbox');
  await boxes.nth(9).check();
  await boxes.nth(10).check();
  await absences.getByRole('button', { name: 'Enregistrer mes indisponibilités' }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText('Indisponibilités enregistrées : 2 dates.');
  await expect(page.locator('[data-testid="duty-date"].unavailable')).toHaveCount(2);
  await expect(page.getByTestId('absences').getByRole('checkbox').nth(9)).toBeChecked();
});

test('a coordinator creates an imposed rota, has it filled fairly and publishes it', async ({ page, hydrated }) => {
  const name = hydrated ? 'Permanences de Noël (JS)' : 'Permanences de Noël (sans JS)';
  await logIn(page, hydrated, 'admin@example.org');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  const form = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Nouveau planning' }) });
  await form.getByLabel('Nom du planning').fill(name);
  await form.getByLabel('Les adhérents s\'inscrivent').selectOption('imposed');
  await form.getByLabel('Première date').fill(isoIn(40));
  await form.getByLabel('Dernière date').fill(isoIn(54));
  await form.getByLabel('Places par date').fill('2');
  await form.getByLabel('Permanences par personne').fill('1');
  await form.getByRole('button', { name: 'Créer le planning' }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText(`Planning « ${name} » enregistré.`);

  await page.getByTestId('rota').filter({ hasText: name }).getByRole('link', { name }).click();
  await ready(page, hydrated);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  // Three weekly dates of two places, nobody on duty yet, and no button for members.
  await expect(page.getByTestId('duty-date')).toHaveCount(3);
  await expect(page.getByTestId('coverage')).toContainText('0 place sur 6 pourvue');
  await expect(page.getByTestId('take')).toHaveCount(0);

  await page.getByTestId('propose').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText('Répartition proposée : 6 permanences attribuées');
  await expect(page.getByTestId('proposed-count')).toHaveText('6 places proposées, pas encore publiées.');
  await expect(page.getByTestId('proposed')).toHaveCount(6);

  await page.getByTestId('publish').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText('Répartition publiée : 6 permanences');
  await expect(page.getByTestId('proposed-count')).toHaveCount(0);
  await expect(page.getByTestId('coverage')).toContainText('6 places sur 6 pourvues');
  // Six different people, none twice (one duty each).
  const holders = await page.locator('[data-testid="place"][data-holder]').evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-holder')),
  );
  expect(holders).toHaveLength(6);
  expect(new Set(holders).size).toBe(6);
});

test('a member who cannot come offers the duty and another takes it over', async ({ page, hydrated }) => {
  const [holder, holderName] = hydrated ? ['hugo.legrand@example.org', 'Hugo Legrand'] : ['francois.david@example.org', 'François David'];
  const [standIn, standInName] = hydrated ? ['manon.andre@example.org', 'Manon André'] : ['julien.martin@example.org', 'Julien Martin'];
  await logIn(page, hydrated, holder);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  // The demo's open offer is there for anyone to take over.
  await expect(page.getByTestId('offers')).toContainText('à la place de Jean Bonnet');
  await page.getByRole('link', { name: SEASON }).first().click();
  await ready(page, hydrated);
  const date = page.getByTestId('duty-date').filter({ has: page.getByTestId('take') }).first();
  const day = (await date.getAttribute('data-day'))!;
  await date.locator('[data-testid="place"]:not([data-holder])').first().getByTestId('take').click();
  await ready(page, hydrated);
  const mine = page.locator(`[data-testid="duty-date"][data-day="${day}"] [data-testid="place"][data-holder="${holderName}"]`);
  await mine.getByTestId('offer').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText(`Votre permanence du ${frenchDate(day)} est proposée`);
  await expect(mine.getByTestId('offered')).toHaveText('Proposée à un remplaçant');

  // The stand-in finds it among the duties to take over and accepts it.
  await page.context().clearCookies();
  await logIn(page, hydrated, standIn);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await expect(page.getByTestId('home-offers')).toBeVisible();
  await page.goto(`/a/${SLUG}/permanences`);
  await ready(page, hydrated);
  const offer = page.locator(`[data-testid="offer-open"][data-day="${day}"]`).filter({ hasText: holderName });
  await offer.getByTestId('accept').click();
  await ready(page, hydrated);
  await expect(page.getByRole('status')).toContainText(`Vous reprenez la permanence du ${frenchDate(day)}`);
  await expect(page.locator(`[data-testid="my-duty"][data-day="${day}"]`)).toHaveCount(1);
  await expect(page.locator(`[data-testid="offer-open"][data-day="${day}"]`).filter({ hasText: holderName })).toHaveCount(0);
  await page.getByRole('link', { name: SEASON }).first().click();
  await ready(page, hydrated);
  await expect(
    page.locator(`[data-testid="duty-date"][data-day="${day}"] [data-testid="place"][data-holder="${standInName}"]`),
  ).toHaveCount(1);
  await fitsPhone(page);
});
