// My account's bank details and postal address: the password typed again, a wrong IBAN said
// next to its field, then the right one with the RIB as a PDF; the request in "Mes démarches";
// the confirmation e-mail without the account number; a move declared with a wrong postcode
// first. Gabriel runs it on the desktop, Manon on the phone: no other journey signs them in.
import { test, expect, appReady, expectAccessible, inDays, persona, signInByEmail, Persona } from './support';
import { Page } from '@playwright/test';

const NEW_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const NEW_IBAN_MASKED = 'FR76 •••• •••• •••• •••• ••90 189';
const RIB_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

async function changeBankDetails(page: Page, who: Persona) {
  await page.goto('/compte');
  await expect(await appReady(page)).toHaveText('Mon compte');
  const bank = page.getByRole('region', { name: 'Coordonnées bancaires' });
  await expect(bank.locator('dd.identifier').first()).toHaveText(/^FR\d\d( ••••){4} ••\w\w \w{3}$/);
  await expect(bank).toContainText(who.display_name.split(' ')[0]);
  await expectAccessible(page);

  // The password again first.
  await bank.getByRole('button', { name: 'Changer de coordonnées bancaires' }).click();
  await expect(page.locator('#confirmer-mot-de-passe')).toBeFocused();
  await bank.getByLabel('Mot de passe actuel').fill(who.password);
  await bank.getByRole('button', { name: 'Confirmer' }).click();

  // A mistyped IBAN is said next to its field as soon as the member leaves it.
  const iban = bank.getByLabel('IBAN du nouveau compte');
  await expect(iban).toBeFocused();
  await iban.fill('FR76 3000 6000 0112 3456 7890 188');
  await iban.press('Tab');
  await expect(iban).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#nouvel-iban-message')).toContainText('n\'est pas valide');
  await expectAccessible(page);

  // Sent like this: the summary lists the IBAN and the missing RIB; nothing typed is lost.
  await bank.getByLabel('Titulaire du compte').fill(who.display_name);
  await bank.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#rib-message')).toContainText('Joignez votre RIB');
  await expect(bank.getByLabel('Titulaire du compte')).toHaveValue(who.display_name);
  await expectAccessible(page);

  // The right IBAN, the RIB as a PDF.
  await iban.fill(NEW_IBAN);
  await iban.press('Tab');
  await expect(page.locator('#nouvel-iban-message')).toContainText('L’IBAN est valide.');
  await bank.getByLabel('Votre RIB').setInputFiles({ name: 'rib.pdf', mimeType: 'application/pdf', buffer: RIB_PDF });
  await expect(bank.locator('.file-list')).toContainText('rib.pdf');
  await bank.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(bank.getByText('Votre demande est envoyée')).toBeVisible();
  const pending = bank.locator('.panel--info');
  await expect(pending).toContainText('en cours de traitement');
  await expect(pending).toContainText(NEW_IBAN_MASKED);
  await expect(bank.getByRole('button', { name: 'Changer de coordonnées bancaires' })).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(NEW_IBAN);
  await expectAccessible(page);

  // The request's page shows the masked IBAN and the RIB.
  await pending.getByRole('link', { name: 'Suivre la demande' }).click();
  await expect(await appReady(page)).toHaveText('Suivi d’une démarche');
  await expect(page.locator('main')).toContainText('Changement de coordonnées bancaires');
  await expect(page.locator('.details')).toContainText(NEW_IBAN_MASKED);
  await expect(page.getByRole('link', { name: 'rib.pdf' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(NEW_IBAN);
  await expectAccessible(page);

  // "Mes démarches" lists it.
  await page.goto('/demarches');
  await expect(await appReady(page)).toHaveText('Démarches');
  await expect(page.locator('.request-card')).toHaveCount(1);
  await expect(page.locator('.request-card')).toContainText('Changement de coordonnées bancaires');
  await expectAccessible(page);

  // The e-mail confirms it, without the account number.
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await appReady(outbox);
  const mail = outbox.locator('article.outbox__mail', { hasText: who.email })
    .filter({ hasText: 'coordonnées bancaires' }).first();
  await expect(mail).toBeVisible();
  const text = (await mail.innerText()).replace(/\s/g, '');
  expect(text).not.toContain(NEW_IBAN.replace(/\s/g, ''));
  expect(text).not.toContain('90189');
  expect(text).not.toContain('•');
  await expectAccessible(outbox);
  await outbox.close();
}

async function declareMove(page: Page) {
  await page.goto('/compte');
  await expect(await appReady(page)).toHaveText('Mon compte');
  const address = page.getByRole('region', { name: 'Adresse postale' });
  await expect(address.locator('address')).toBeVisible();
  await address.getByRole('button', { name: 'Déclarer un déménagement' }).click();
  await expect(address.getByLabel('Numéro et rue')).toBeFocused();

  const postcode = address.getByLabel('Code postal');
  await address.getByLabel('Numéro et rue').fill('40 rue Paul Bert');
  await postcode.fill('6900');
  await postcode.press('Tab');
  await expect(page.locator('#code-postal-message')).toContainText('5 chiffres');
  await expectAccessible(page);

  await postcode.fill('69003');
  await address.getByLabel('Commune').fill('Lyon');
  const moved = await inDays(-10);
  await address.getByLabel('Jour').fill(moved.day);
  await address.getByLabel('Mois').fill(moved.month);
  await address.getByLabel('Année').fill(moved.year);
  await address.getByRole('button', { name: 'Déclarer mon déménagement' }).click();
  await expect(address.getByText('Votre déménagement est déclaré.')).toBeVisible();
  const pending = address.locator('.panel--info');
  await expect(pending).toContainText('40 rue Paul Bert');
  await expect(pending).toContainText('69003 Lyon');
  await expect(pending.getByRole('link', { name: 'Suivre la demande' })).toBeVisible();
  await expectAccessible(page);
}

test('a member changes bank details and declares a move, on the desktop', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  const gabriel = persona('Gabriel Fontaine');
  await signInByEmail(page, gabriel);
  await changeBankDetails(page, gabriel);
  await declareMove(page);
});

test('a member changes bank details and declares a move, on a phone', { tag: '@phone' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  const manon = persona('Manon Girard');
  await signInByEmail(page, manon);
  await changeBankDetails(page, manon);
  await declareMove(page);
});
