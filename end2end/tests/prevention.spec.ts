// Prevention: a woman of 58 sees her programmes — breast screening up to date (read from a
// reimbursed mammography), colorectal screening to do, cervical screening overdue (an HPV test
// declared long ago) — then says she did the colorectal test elsewhere: after a mistake shown
// next to the date, the card turns "À jour", and stays so after a reload.
import { test, expect, appReady, expectAccessible, inDays, persona, signInByEmail } from './support';

test('a member sees her screenings and declares one done elsewhere', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  const francoise = persona('Françoise Lefort');
  await signInByEmail(page, francoise);

  // The home's "À faire" counts what is to do, and links to the programmes.
  const toDo = page.getByRole('region', { name: 'À faire' });
  const screenings = toDo.getByRole('listitem').filter({ hasText: 'actions de prévention à faire pour Françoise Lefort' });
  await expect(screenings).toHaveText(/^2\u00a0actions de prévention à faire pour Françoise Lefort, dont 1\u00a0en retard\./);
  await expectAccessible(page);
  await screenings.getByRole('link', { name: 'Voir les recommandations de prévention' }).click();
  await expect(await appReady(page)).toHaveText('Prévention');
  const cards = page.locator('.prevention-card');
  await expect(cards).toHaveCount(3);
  const breast = cards.filter({ hasText: 'Dépistage du cancer du sein' });
  const colorectal = cards.filter({ hasText: 'Dépistage du cancer colorectal' });
  const cervical = cards.filter({ hasText: 'Dépistage du cancer du col de l’utérus' });
  await expect(breast.locator('.badge')).toContainText('À jour jusqu’au');
  await expect(breast).toContainText('Mammographie de dépistage, d’après vos remboursements');
  await expect(breast).toContainText('Institut national du cancer');
  await expect(colorectal.locator('.badge')).toHaveText('À faire');
  await expect(colorectal).toContainText('test immunologique');
  await expect(colorectal).toContainText('100\u00a0%');
  await expect(cervical.locator('.badge')).toHaveText('En retard');
  await expect(cervical).toContainText('déclaré fait ailleurs');
  await expectAccessible(page);

  // "Fait ailleurs" for the colorectal screening: sent empty, then a day in the future.
  await colorectal.getByRole('button', { name: /fait ailleurs.*colorectal/ }).click();
  const day = page.locator('#prevention-fait-le-jour');
  await expect(day).toBeFocused();
  const submit = page.getByRole('button', { name: 'Enregistrer la date pour Françoise Lefort' });
  await submit.click();
  const summary = page.locator('#resume-erreurs');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Saisissez la date à laquelle vous l’avez fait.');
  await expect(day).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const tomorrow = await inDays(1);
  await day.fill(tomorrow.day);
  await page.locator('#prevention-fait-le-mois').fill(tomorrow.month);
  await page.locator('#prevention-fait-le-annee').fill(tomorrow.year);
  await submit.click();
  await expect(colorectal).toContainText('La date ne peut pas être dans le futur');

  // A real day: the card is up to date, and says the date was declared.
  const past = await inDays(-10);
  await day.fill(past.day);
  await page.locator('#prevention-fait-le-mois').fill(past.month);
  await page.locator('#prevention-fait-le-annee').fill(past.year);
  await submit.click();
  await expect(colorectal).toContainText('Date enregistrée');
  await expect(colorectal.locator('.badge')).toContainText('À jour jusqu’au');
  await expect(colorectal).toContainText('déclaré fait ailleurs');
  await expect(page.locator('#prevention-fait-le-jour')).toHaveCount(0);
  await expectAccessible(page);

  await page.reload();
  await expect(await appReady(page)).toHaveText('Prévention');
  await expect(page.locator('.prevention-card').filter({ hasText: 'Dépistage du cancer colorectal' }).locator('.badge'))
    .toContainText('À jour jusqu’au');

  // Back home, only the overdue cervical screening is left.
  await page.getByRole('navigation', { name: /principale|main/i }).getByRole('link', { name: 'Accueil' }).click();
  await expect(await appReady(page)).toHaveText('Bonjour Françoise');
  await expect(toDo.getByRole('listitem').filter({ hasText: 'Françoise Lefort' }))
    .toContainText('1\u00a0action de prévention en retard pour Françoise Lefort.');
  expect(consoleErrors).toEqual([]);
});
