import { expect, fitsPhone, logIn, ready, SLUG, test } from './fixtures';

// The demo season's monthly meat parcel: ABONNEMENT, one date a month, so one cheque a month.
const MEAT = 'Viande — colis mensuel';

/** "85,00 €" → 85. */
function euros(text: string): number {
  const match = text.replace(/\s/g, '').match(/-?[\d.]+,\d{2}/);
  if (!match) throw new Error(`no amount in ${text}`);
  return Number(match[0].replace(/\./g, '').replace(',', '.'));
}

test('a member edits a cheque, the treasurer receives and remits the month, the member sees it handed over', async ({ page, hydrated }) => {
  // Both demo members start without a meat contract; each project signs up its own.
  const email = hydrated ? 'marie.dubois@example.org' : 'admin@example.org';
  await logIn(page, hydrated, email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}/contrats`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: `S'inscrire : ${MEAT}` }).click();
  await ready(page, hydrated);
  const contractUrl = page.url();
  const templateId = contractUrl.split('/').pop();
  await page.getByRole('spinbutton', { name: /^Colis d'agneau/ }).first().fill('1');
  // Hydrated, the plan's proposal shows while the quantities are typed (the same domain code
  // the server runs when the contract is saved).
  let previewed: number[] = [];
  if (hydrated) {
    const preview = page.getByTestId('schedule-preview');
    await expect(preview).toContainText('Échéancier proposé');
    previewed = (await preview.locator('tbody td').allInnerTexts()).map(euros);
    expect(previewed.length).toBeGreaterThanOrEqual(2);
  }
  await page.getByRole('button', { name: 'Valider mon contrat' }).click();
  await expect(page).toHaveURL(new RegExp(`/a/${SLUG}/contrats$`));

  // The proposal: one cheque a month, the last one adjusting.
  await page.goto(contractUrl);
  await ready(page, hydrated);
  const schedule = page.getByTestId('schedule');
  await expect(schedule).toContainText('Ordre des chèques');
  await expect(schedule).toContainText('Le dernier mois est calculé automatiquement');
  await fitsPhone(page);
  const inputs = schedule.locator('input[name^="pay."]');
  expect(await inputs.count()).toBeGreaterThanOrEqual(2);
  const adjust = schedule.getByTestId('adjust');
  const lastBefore = euros(await adjust.innerText());
  if (hydrated) {
    // What was previewed is what was proposed: the editable lines, then the adjusting one.
    const saved = (await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .map((v) => Number(v.replace(',', '.')));
    expect([...saved, lastBefore].filter((a) => a !== 0)).toEqual(previewed);
  }
  const second = inputs.nth(1);
  const secondBefore = Number((await second.inputValue()).replace(',', '.'));

  // Too much on the second cheque: the last would go negative → "trop-payé".
  await second.fill('9999');
  if (!hydrated) await schedule.getByRole('button', { name: 'Enregistrer mon échéancier' }).click();
  await expect(schedule.getByText(/trop-payé de/)).toBeVisible();

  // 15 € more on the second cheque: the last one takes 15 € less.
  const secondAfter = secondBefore + 15;
  await page.getByTestId('schedule').locator('input[name^="pay."]').nth(1).fill(String(secondAfter));
  if (hydrated) {
    await expect(adjust).toHaveText(new RegExp(`${(lastBefore - 15).toFixed(2).replace('.', ',')}`));
    await expect(schedule.getByText(/trop-payé de/)).toHaveCount(0);
  }
  await schedule.locator('input[name^="bank."]').first().fill('Crédit Mutuel');
  await schedule.getByRole('button', { name: 'Enregistrer mon échéancier' }).click();
  await page.goto(contractUrl);
  await ready(page, hydrated);
  await expect(page.getByTestId('adjust')).toHaveText(new RegExp(`${(lastBefore - 15).toFixed(2).replace('.', ',')}`));
  await expect(page.getByTestId('schedule').locator('input[name^="pay."]').nth(1)).toHaveValue(secondAfter.toFixed(2).replace('.', ','));

  // The treasurer receives every cheque of the next month to hand over, then remits it.
  await page.context().clearCookies();
  await logIn(page, hydrated, 'tresorier@example.org');
  await expect(page).not.toHaveURL(/\/login/);
  const register = `/a/${SLUG}/gestion/contrats/${templateId}/cheques`;
  await page.goto(register);
  await ready(page, hydrated);
  // On a phone: one card per member, nothing scrolls sideways.
  await fitsPhone(page);
  await expect(page.locator('article.member-card').first()).toBeVisible();
  const next = await page.getByText(/^Prochaine date à remettre : /).innerText();
  // Dates in words where people read them: "jeudi 17 décembre 2026".
  const day = next.replace('Prochaine date à remettre : ', '').trim();
  expect(day).toMatch(/^\p{L}+ \d{1,2} \p{L}+ \d{4}$/u);
  const card = page.locator('article.date-card').filter({ has: page.getByRole('heading', { name: day, exact: true }) });
  await expect(card).toHaveCount(1);
  // The card names who has not handed that date's cheque in yet.
  const missing = card.getByTestId('missing');
  await expect(missing).not.toHaveText('');
  const boxes = page.getByRole('checkbox', { name: new RegExp(`du ${day} de`) });
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: 'Enregistrer les réceptions' }).click();
  // Back where the treasurer was, with what was done said once.
  await expect(page).toHaveURL(/#receptions$/);
  await expect(page.getByRole('status')).toContainText(/réception/i);
  // Remit once the server has the receptions (a remittance with a cheque missing is refused).
  await expect(missing).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: new RegExp(`du ${day} de`) }).first()).toBeChecked();
  await card.getByRole('button', { name: `Remettre les chèques du ${day}` }).click();
  await expect(card.getByRole('link', { name: 'Bordereau' })).toBeVisible();
  await card.getByRole('link', { name: 'Bordereau' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bordereau de remise');
  await expect(page.getByText(new RegExp(`Chèques du ${day}`))).toBeVisible();
  await fitsPhone(page);
  await expect(page.getByText(/^Total : /)).toBeVisible();

  // The member reads it as handed to the producer.
  await page.context().clearCookies();
  await logIn(page, hydrated, email);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/a/${SLUG}`);
  await ready(page, hydrated);
  await page.getByRole('link', { name: 'Mes paiements', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes paiements');
  const meat = page.locator('section.payments', { hasText: MEAT });
  await expect(meat.getByText(/Remis au producteur le/)).toBeVisible();
  await expect(meat.getByText(/\d+ chèques? de/).first()).toBeVisible();
  await expect(meat).not.toContainText('Solde');
  await fitsPhone(page);
});
