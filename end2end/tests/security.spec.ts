// The second factor by authenticator app: turning it on (password typed again, QR code and key,
// a first code, ten recovery codes shown once), signing in with the app's code and with a
// recovery code, and the list of signed-in devices. Keyboard only on the desktop.
import { test, expect, appReady, expectAccessible, demoNow, mailedCode, persona, signInByEmail, tabTo, totp } from './support';
import type { Persona } from './support';
import type { Page } from '@playwright/test';

/** NIR and password with the keyboard; leaves the member on the code page. */
async function firstStep(page: Page, who: Persona) {
  await page.goto('/connexion');
  await appReady(page);
  await tabTo(page, '#nir');
  await page.keyboard.type(who.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
}

async function signOut(page: Page) {
  await tabTo(page, 'button.site-header__sign-out', true);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
}

test('a member turns on an authenticator app and signs in with it, keyboard only', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  // A long journey (three pages of forms, the outbox twice, axe on each step).
  test.setTimeout(90_000);
  const nora = persona('Nora Garcia');
  await firstStep(page, nora);
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  await tabTo(page, '#code');
  await page.keyboard.type(await mailedCode(page, nora.email));
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Bonjour Nora');

  await tabTo(page, 'a[href="/compte"]', true);
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Mon compte');
  await expect(page.locator('main')).toContainText('un code à 6 chiffres vous est envoyé par e-mail');
  await expect(page.locator('.devices__item')).toContainText('Cet appareil');
  await expectAccessible(page);

  // The password is asked again first; a wrong one is said next to the field.
  await tabTo(page, 'text=Utiliser une application d’authentification');
  await page.keyboard.press('Enter');
  await expect(page.locator('#confirmer-mot-de-passe')).toBeFocused();
  await tabTo(page, '#mot-de-passe-actuel');
  await page.keyboard.type('pas le bon mot de passe');
  await page.keyboard.press('Enter');
  await expect(page.locator('#mot-de-passe-actuel-message')).toContainText('pas le bon');
  await tabTo(page, '#mot-de-passe-actuel');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(nora.password);
  await page.keyboard.press('Enter');

  const scan = page.locator('#installer-application');
  await expect(scan).toBeFocused();
  await expect(scan.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectAccessible(page);
  const secret = (await page.locator('.totp-secret').innerText()).replace(/\s/g, '');
  await tabTo(page, '#code-application');
  await page.keyboard.type(totp(secret, await demoNow()));
  await page.keyboard.press('Enter');

  const recovery = page.locator('#codes-de-secours');
  await expect(recovery).toBeFocused();
  const codes = await recovery.locator('li').allInnerTexts();
  expect(codes).toHaveLength(10);
  await expectAccessible(page);
  await tabTo(page, 'text=J’ai noté mes codes');
  await page.keyboard.press('Enter');
  await expect(page.getByText('L’application d’authentification est activée.')).toBeVisible();
  await expect(page.locator('main')).toContainText('Codes de secours restants : 10');

  // Next sign-in: no e-mail, the app's code (the next 30-second step: each step works once).
  await signOut(page);
  await firstStep(page, nora);
  await expect(await appReady(page)).toHaveText('Saisir le code de votre application');
  await expectAccessible(page);
  await tabTo(page, '#code');
  await page.keyboard.type(totp(secret, (await demoNow()) + 30_000));
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Bonjour Nora');

  // Phone lost: a recovery code instead, once.
  await signOut(page);
  await firstStep(page, nora);
  await expect(await appReady(page)).toHaveText('Saisir le code de votre application');
  await tabTo(page, '#code');
  await page.keyboard.type(codes[0]);
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Bonjour Nora');
});

test('a member already on an app signs in with it, sees the devices signed in and adds a mobile', { tag: '@phone' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  const thomas = persona('Thomas Roux');
  expect(thomas.totp_secret, 'the demo gives Thomas’s secret').toBeTruthy();
  await page.goto('/connexion');
  await appReady(page);
  await page.getByRole('textbox', { name: 'Numéro de sécurité sociale' }).fill(thomas.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(thomas.password);
  await page.locator('main').getByRole('button', { name: 'Se connecter' }).click();
  await expect(await appReady(page)).toHaveText('Saisir le code de votre application');
  await page.getByLabel('Code de l’application').fill('12345');
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await expect(page.locator('#code-message')).toContainText('6 chiffres');
  await page.getByLabel('Code de l’application').fill(totp(thomas.totp_secret!, await demoNow()));
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await expect(await appReady(page)).toHaveText('Bonjour Thomas');
  await page.goto('/compte');
  await expect(await appReady(page)).toHaveText('Mon compte');
  await expect(page.locator('main')).toContainText('application d’authentification');
  await expect(page.locator('.devices__item').first()).toContainText('Cet appareil');
  await expectAccessible(page);

  // A mobile number for security alerts: password again, the number, the code sent by SMS.
  await page.getByRole('button', { name: 'Ajouter mon numéro de mobile' }).click();
  await page.getByLabel('Mot de passe actuel').fill(thomas.password);
  await page.getByRole('button', { name: 'Confirmer', exact: true }).click();
  await page.getByRole('textbox', { name: 'Numéro de mobile' }).fill('01 23 45 67 89');
  await page.getByRole('button', { name: 'Recevoir un code par SMS' }).click();
  await expect(page.locator('#numero-mobile-message')).toContainText('06 ou 07');
  await page.getByRole('textbox', { name: 'Numéro de mobile' }).fill('07 98 76 54 32');
  await page.getByRole('button', { name: 'Recevoir un code par SMS' }).click();
  await expect(page.locator('main')).toContainText('Un code a été envoyé par SMS au 07 98 76 54 32');
  const code = await mailedCode(page, '+33798765432');
  await page.getByLabel('Code reçu par SMS').fill(code);
  await page.getByRole('button', { name: 'Confirmer le numéro' }).click();
  await expect(page.getByText('Votre numéro de mobile est enregistré.')).toBeVisible();
  await expect(page.locator('main')).toContainText('par SMS au 07 98 76 54 32');
  await expectAccessible(page);
});

test('a login from another browser is reported, and "this was not me" signs out everywhere', { tag: '@desktop' }, async ({ browser, page, consoleErrors }) => {
  test.setTimeout(90_000);
  const chloe = persona('Chloé Lambert');
  await signInByEmail(page, chloe);

  // Someone else signs in from another browser.
  const elsewhere = await browser.newContext();
  const intruder = await elsewhere.newPage();
  await signInByEmail(intruder, chloe);

  // Chloé reads the notice: when, which device, and the link.
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await appReady(outbox);
  const notice = outbox.locator('article.outbox__mail', { hasText: 'Nouvelle connexion à votre compte' }).filter({ hasText: chloe.email }).first();
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('heure de Paris');
  const link = (await notice.innerText()).match(/https?:\/\/\S+\/securite\/pas-moi#\S+/)?.[0];
  expect(link, 'a "this was not me" link').toBeTruthy();
  await outbox.close();

  const url = new URL(link!);
  await page.goto(url.pathname + url.hash);
  await expect(await appReady(page)).toHaveText('Sécuriser mon compte');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Déconnecter tout et changer de mot de passe' }).click();
  await expect(page.getByRole('heading', { name: 'Votre compte est protégé' })).toBeVisible();
  await expectAccessible(page);

  // The other browser is signed out.
  await intruder.goto('/compte');
  await expect(await appReady(intruder)).toHaveText('Mon compte');
  await expect(intruder.locator('main')).toContainText('Connectez-vous');
  await elsewhere.close();
});
