// European health insurance card: a parent orders his child's card for a trip in two months
// (a request in "Mes démarches"), then his own, expired, five days before leaving: the card
// cannot arrive in time, so he downloads the provisional replacement certificate at once. A
// second order for the child, from a page opened earlier, is refused with the reason shown.
import { test, expect, appReady, expectAccessible, inDays, persona, signInByEmail } from './support';
import { execFileSync } from 'child_process';
import { Page } from '@playwright/test';

/** Opens the order form of `name`, fills it and, unless `submit` is false, sends it. */
async function fillOrder(page: Page, name: string, reason: string, days: number, submit = true) {
  await page.getByRole('button', { name: `Commander une carte pour ${name}` }).click();
  await page.getByRole('radio', { name: reason }).check();
  const date = await inDays(days);
  await page.locator('#ceam-depart-jour').fill(date.day);
  await page.locator('#ceam-depart-mois').fill(date.month);
  await page.locator('#ceam-depart-annee').fill(date.year);
  await page.getByRole('checkbox', { name: 'Je confirme que la carte peut être envoyée à cette adresse' }).check();
  if (submit) await page.getByRole('button', { name: `Commander la carte pour ${name}` }).click();
}

test('a parent orders his child\'s card, then gets a provisional certificate for a trip in 5 days', { tag: '@desktop' }, async ({ page, context, consoleErrors }) => {
  test.setTimeout(90_000);
  const yanis = persona('Yanis Mercier');
  await signInByEmail(page, yanis);

  // The home's "À faire" says his card has expired, and links to the cards.
  const toDo = page.getByRole('region', { name: 'À faire' });
  const renew = toDo.getByRole('listitem').filter({ hasText: 'La carte européenne d’assurance maladie de Yanis Mercier a expiré le' });
  await expect(renew).toBeVisible();
  await expectAccessible(page);
  await renew.getByRole('link', { name: 'Commander une carte' }).click();
  await expect(await appReady(page)).toHaveText('Carte européenne d’assurance maladie');

  // From Documents to the cards: his has expired, Lina has none.
  await page.getByRole('navigation', { name: /principale|main/i }).getByRole('link', { name: 'Documents' }).click();
  await expect(await appReady(page)).toHaveText('Documents');
  await page.getByRole('link', { name: 'Voir et commander les cartes européennes' }).click();
  await expect(await appReady(page)).toHaveText('Carte européenne d’assurance maladie');
  const cards = page.locator('.ceam-card');
  await expect(cards).toHaveCount(2);
  const mine = cards.filter({ hasText: 'Yanis Mercier' });
  const lina = cards.filter({ hasText: 'Lina Mercier' });
  await expect(mine).toContainText('Expirée');
  await expect(mine).toContainText('Cette carte a expiré');
  await expect(mine).toContainText(/•••• •••• •••• •••• \d{4}/);
  await expect(lina).toContainText('Pas de carte européenne pour le moment.');
  await expectAccessible(page);

  // A page opened now, before the first order (a second tab left open).
  const stale = await context.newPage();
  await stale.goto('/carte-europeenne');
  await expect(await appReady(stale)).toHaveText('Carte européenne d’assurance maladie');

  // Sent empty: every mistake next to its field, in a summary that takes the focus.
  await page.getByRole('button', { name: 'Commander une carte pour Lina Mercier' }).click();
  await page.getByRole('button', { name: 'Commander la carte pour Lina Mercier' }).click();
  const summary = page.locator('#resume-erreurs');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choisissez la raison de votre séjour.');
  await expect(summary).toContainText('Saisissez la date de départ');
  await expect(summary).toContainText('Confirmez l’adresse de livraison');
  await expect(page.locator('#ceam-adresse')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // Lina leaves in two months: the card arrives in time.
  await page.getByRole('radio', { name: 'Vacances' }).check();
  const far = await inDays(60);
  await page.locator('#ceam-depart-jour').fill(far.day);
  await page.locator('#ceam-depart-mois').fill(far.month);
  await page.locator('#ceam-depart-annee').fill(far.year);
  await expect(page.locator('#ceam-trop-tard')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Je confirme que la carte peut être envoyée à cette adresse' }).check();
  await page.getByRole('button', { name: 'Commander la carte pour Lina Mercier' }).click();
  const status = page.locator('#ceam-etat');
  await expect(status).toContainText('Votre commande est enregistrée. La carte devrait arriver vers le');
  await expect(status).toContainText('Lina Mercier');
  await expect(status).not.toContainText('certificat provisoire');
  await expect(lina).toContainText('Commande en cours');
  await expectAccessible(page);

  // The order is a request in "Mes démarches", with what was asked.
  await status.getByRole('link', { name: 'Suivre la demande dans Mes démarches' }).click();
  await expect(await appReady(page)).toHaveText('Suivi d’une démarche');
  const main = page.locator('main');
  await expect(main).toContainText('Commande de carte européenne d’assurance maladie');
  await expect(main).toContainText('Carte européenne pour Lina Mercier, départ le');
  await expect(main).toContainText('Vacances');
  await expect(main).toContainText('7 rue de Siam, 29200 Brest');
  await expect(main).toContainText('Avant le départ');
  await expectAccessible(page);
  await page.goto('/demarches');
  await expect(await appReady(page)).toHaveText('Démarches');
  await expect(page.locator('main')).toContainText('Carte européenne pour Lina Mercier');

  // His own card, five days before leaving: too late for the card, the certificate at once.
  await page.goto('/carte-europeenne');
  await appReady(page);
  await fillOrder(page, 'Yanis Mercier', 'Déplacement professionnel', 5, false);
  const late = page.locator('#ceam-trop-tard');
  await expect(late).toContainText('Votre départ est dans moins de 15 jours');
  await expect(late.getByRole('link', { name: /Télécharger le certificat provisoire \(PDF\)/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Commander la carte pour Yanis Mercier' }).click();
  await expect(status).toContainText('Elle n’arrivera pas avant votre départ');
  await expect(mine).toContainText('Commande en cours');
  await expectAccessible(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    status.getByRole('link', { name: /Télécharger le certificat provisoire \(PDF\)/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^certificat-provisoire-ceam-yanis-\d{4}-\d\d-\d\d\.pdf$/);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', (await download.path())!, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
  expect(text).toContain('Certificat provisoire de remplacement de la carte européenne d’assurance maladie');
  expect(text).toContain('DOCUMENT DE DÉMONSTRATION — sans valeur');
  expect(text).toContain('3. Nom : MERCIER');
  expect(text).toContain('4. Prénoms : Yanis');
  expect(text).toContain('5. Date de naissance : 19/08/1984');
  expect(text).toContain('6. Numéro d’identification personnel : 1 84 08 29 019 123 15');
  expect(text).toContain('999 - Caisse de démonstration Portail');
  expect(text).toMatch(/a\) Du : \d\d\/\d\d\/\d{4} b\) Au : \d\d\/\d\d\/\d{4}/);

  // The page left open still offers Lina's order: sending it is refused, naming the request,
  // and what was typed stays.
  await fillOrder(stale, 'Lina Mercier', 'Vacances', 30);
  const refused = stale.locator('#resume-erreurs');
  await expect(refused).toBeFocused();
  await expect(refused).toContainText(/Une commande de carte européenne pour Lina Mercier est déjà en cours \(demande n°\s?\d+\)/);
  await expect(stale.locator('#ceam-depart-annee')).toHaveValue((await inDays(30)).year);
  await expect(stale.getByRole('radio', { name: 'Vacances' })).toBeChecked();
  await expectAccessible(stale);
  await stale.close();

  // His order is pending: the home no longer asks him to renew his card.
  await page.getByRole('navigation', { name: /principale|main/i }).getByRole('link', { name: 'Accueil' }).click();
  await expect(await appReady(page)).toHaveText('Bonjour Yanis');
  await expect(toDo.locator('.loading')).toHaveCount(0);
  await expect(toDo).not.toContainText('carte européenne');
});
