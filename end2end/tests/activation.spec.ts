// Creating an account: NIR, birth date and e-mail → a letter with an activation code (read in
// the demo outbox, with its PDF) → the code and a new password → a code e-mailed to confirm the
// address → signed in. On the desktop in French with the keyboard only; on a phone in English.
import { test, expect, appReady, expectAccessible, mailedCode, tabTo } from './support';
import type { Page } from '@playwright/test';
import * as fs from 'fs';
import { dataDir } from '../playwright.config';

type Persona = { display_name: string; login: string; email: string; second_factor: string };

function persona(name: string): Persona {
  const all: Persona[] = JSON.parse(fs.readFileSync(`${dataDir}/demo-personas.json`, 'utf8')).personas;
  const found = all.find((p) => p.display_name === name)!;
  expect(found.second_factor, `${name} has no account yet`).toBe('none');
  return found;
}

/** Reads, in the demo outbox, the newest letter for `name`: its activation code and PDF. */
async function letterCode(page: Page, name: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await appReady(outbox);
  const letter = outbox.locator('article.outbox__mail--letter', { hasText: name }).first();
  await expect(letter).toBeVisible();
  await expect(letter).toContainText('ne vous demandera jamais');
  await expectAccessible(outbox);
  // The printable letter is a real PDF.
  const href = await letter.getByRole('link', { name: /PDF/ }).getAttribute('href');
  const pdf = await outbox.request.get(href!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const code = (await letter.innerText()).match(/\b[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}\b/)?.[0];
  await outbox.close();
  expect(code, 'an activation code in the letter').toBeTruthy();
  return code!;
}

test('a member creates an account from the posted code, keyboard only, in French', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  // A long journey (three pages of forms, the outbox twice, axe on each step).
  test.setTimeout(90_000);
  const alix = persona('Alix Leroy');
  await page.goto('/connexion');
  await appReady(page);
  await tabTo(page, 'a[href="/creer-mon-compte"]');
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Créer mon compte');
  await expectAccessible(page);

  // Sending the empty form lists every missing answer, focused, and each field says its own.
  await tabTo(page, '#nir');
  await page.keyboard.press('Enter');
  const summary = page.locator('#resume-erreurs');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(3);
  await expectAccessible(page);

  // A birth date that does not match the number: the server says so next to the date.
  await tabTo(page, '#nir');
  await page.keyboard.type(alix.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('18');
  await page.keyboard.press('Tab');
  await page.keyboard.type('04');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1999');
  await tabTo(page, '#adresse-email');
  await page.keyboard.type(alix.email);
  await page.keyboard.press('Enter');
  await expect(summary).toBeFocused();
  await expect(page.locator('#date-naissance-message')).toContainText('ne correspond pas');

  // The right date: the letter is on its way to the address on file.
  await tabTo(page, '#date-naissance-jour');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('17');
  await tabTo(page, '#adresse-email');
  await page.keyboard.press('Enter');
  const sent = page.locator('#courrier-envoye');
  await expect(sent).toBeFocused();
  await expect(sent).toContainText('33000 Bordeaux');
  await expectAccessible(page);

  const code = await letterCode(page, 'Alix Leroy');

  await tabTo(page, 'a[href="/creer-mon-compte/code"]');
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par courrier');
  await tabTo(page, '#nir');
  await page.keyboard.type(alix.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(code.toLowerCase());
  await page.keyboard.press('Tab');
  // The meter asks the server, which knows French keyboard walks.
  await page.keyboard.type('azertyuiop1234');
  await expect(page.locator('.strength__advice')).toContainText('trop facile à deviner');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Hirondelle-Basalte-Quinze');
  await expect(page.locator('.strength__advice')).toHaveText('');
  await expectAccessible(page);
  await page.keyboard.press('Enter');

  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  await expect(page.locator('main')).toContainText('Dernière étape');
  const confirmation = await mailedCode(page, alix.email);
  await tabTo(page, '#code');
  await page.keyboard.type(confirmation);
  await page.keyboard.press('Enter');

  await expect(await appReady(page)).toHaveText(/Bonjour Alix/);
  await expect(page.getByText('Votre compte est ouvert. Bienvenue')).toBeVisible();
  await expectAccessible(page);
});

test('a member creates an account on a phone, in English', { tag: '@phone' }, async ({ page, consoleErrors }) => {
  // A long journey (three pages of forms, the outbox twice, axe on each step).
  test.setTimeout(90_000);
  const malik = persona('Malik Haddad');
  await page.goto('/connexion');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('link', { name: 'Create my account' }).click();
  await expect(await appReady(page)).toHaveText('Create my account');
  await page.getByRole('textbox', { name: 'Social security number' }).fill(malik.login);
  await page.getByLabel('Day').fill('05');
  await page.getByLabel('Month').fill('12');
  await page.getByLabel('Year').fill('1990');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill('malik.haddad@');
  await page.getByRole('button', { name: 'Get my code by post' }).click();
  await expect(page.locator('#adresse-email-message')).toContainText('Enter a full e-mail address');
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(malik.email);
  await page.getByRole('button', { name: 'Get my code by post' }).click();
  await expect(page.getByRole('heading', { name: 'Your letter is on its way' })).toBeVisible();
  await expect(page.locator('main')).toContainText('44000 Nantes');
  await expectAccessible(page);

  const code = await letterCode(page, 'Malik Haddad');
  await page.getByRole('link', { name: 'I have received my letter' }).click();
  await expect(await appReady(page)).toHaveText('Enter the code received by post');
  await page.getByRole('textbox', { name: 'Social security number' }).fill(malik.login);
  await page.getByLabel('Activation code').fill(code);
  await page.getByLabel('New password').fill('Malik-Haddad-Lanterne');
  await page.getByRole('button', { name: 'Create my account' }).click();
  // The server refuses a password made of the member's own name, next to the field.
  await expect(page.locator('#mot-de-passe-choisi-message')).toContainText('name');
  await page.getByLabel('New password').fill('Lanterne-Estuaire-Vingt');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(await appReady(page)).toHaveText('Enter the code sent by e-mail');
  await expect(page.locator('main')).toContainText('Last step');
  await page.getByLabel('Code received by e-mail').fill(await mailedCode(page, malik.email));
  await page.getByRole('button', { name: 'Confirm the code' }).click();
  await expect(page.getByText('Your account is open. Welcome!')).toBeVisible();
  await expectAccessible(page);

  // In My account: a new e-mail address (password typed again, then the code sent there),
  // then a new password.
  await page.goto('/compte');
  await expect(await appReady(page)).toHaveText('My account');
  await expect(page.locator('main')).toContainText(malik.email);
  await page.getByRole('button', { name: 'Change my e-mail address' }).click();
  await page.getByLabel('Current password').fill('Lanterne-Estuaire-Vingt');
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  await page.getByRole('textbox', { name: 'New e-mail address' }).fill('malik@exemple.fr');
  await page.getByRole('button', { name: 'Send a code to this address' }).click();
  await expect(page.locator('main')).toContainText('A confirmation code was sent to');
  await page.getByLabel('Code received at the new address').fill(await mailedCode(page, 'malik@exemple.fr'));
  await page.getByRole('button', { name: 'Confirm the new address' }).click();
  await expect(page.getByText('Your e-mail address was changed.')).toBeVisible();
  await expect(page.locator('main')).toContainText('malik@exemple.fr');
  await expectAccessible(page);

  // The password was typed again a moment ago: no second prompt.
  await page.getByRole('button', { name: 'Change my password' }).click();
  await page.getByLabel('New password').fill('Phare-Cormoran-Onze');
  await page.getByRole('button', { name: 'Save the password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  await expectAccessible(page);
});
