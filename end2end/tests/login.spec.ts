// Logging in: NIR + password, then the 6-digit code from the e-mail (read in the demo outbox),
// the member's home, and logging out. The NIR is also checked in the browser as it is typed.
import { test, expect, appReady, expectAccessible, tabTo } from './support';
import type { Page } from '@playwright/test';
import * as fs from 'fs';
import { dataDir } from '../playwright.config';

type Persona = { role: string; display_name: string; login: string; password: string; email: string };

/** A well-formed NIR that is on no roll, different for each test and viewport (failures are
 * counted per NIR, so tests must not share one). */
function unknownNir(test: number, project: string): string {
  const body = `18412764510${project === 'phone' ? 5 : 4}${test}`;
  const key = 97n - (BigInt(body) % 97n);
  return body + key.toString().padStart(2, '0');
}

function personas(): Persona[] {
  return JSON.parse(fs.readFileSync(`${dataDir}/demo-personas.json`, 'utf8')).personas;
}

/** Each viewport logs in as its own persona, so parallel runs never read each other's codes. */
function memberFor(project: string): Persona {
  const members = personas().filter((p) => p.role === 'member');
  return project === 'phone' ? members[1] : members[0];
}

/** Opens the demo outbox in the browser and reads the newest code sent to `email`. */
async function codeFromOutbox(page: Page, email: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await expect(await appReady(outbox)).toHaveText('Boîte d’envoi de démonstration');
  const mail = outbox.locator('article.outbox__mail', { hasText: email }).first();
  await expect(mail).toBeVisible();
  await expectAccessible(outbox);
  const text = await mail.innerText();
  await outbox.close();
  const code = text.match(/\b\d{6}\b/)?.[0];
  expect(code, `a 6-digit code in: ${text}`).toBeTruthy();
  return code!;
}

async function signIn(page: Page, persona: Persona, password = persona.password) {
  await page.goto('/connexion');
  await appReady(page);
  await page.getByLabel('Numéro de sécurité sociale').fill(persona.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.locator('main').getByRole('button', { name: 'Se connecter' }).click();
}

test('a member logs in with NIR, password and the e-mailed code, then logs out', async ({ page, consoleErrors }, info) => {
  const persona = memberFor(info.project.name);
  // The page's clock is under the test's control, so the idle warning can be reached at once.
  await page.clock.install();
  await signIn(page, persona);
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  await expect(page.locator('main')).toContainText('@demo.portail.test');
  await expectAccessible(page);

  const code = await codeFromOutbox(page, persona.email);
  await page.getByLabel('Code reçu par e-mail').fill(code);
  await page.getByRole('button', { name: 'Valider le code' }).click();

  const given = persona.display_name.split(' ')[0];
  await expect(page.locator('main h1')).toHaveText(`Bonjour ${given}`);
  await expect(page.getByRole('banner')).toContainText(persona.display_name);
  await expectAccessible(page);

  // The session is server-side: a reload keeps the member signed in.
  await page.reload();
  await expect(await appReady(page)).toHaveText(`Bonjour ${given}`);

  // One minute before the 20-minute idle limit, an accessible warning offers to stay.
  await page.clock.fastForward('19:05');
  const warning = page.getByRole('alertdialog', { name: 'Votre session va bientôt se terminer' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('button', { name: 'Rester connecté' })).toBeFocused();
  await expectAccessible(page);
  await warning.getByRole('button', { name: 'Rester connecté' }).click();
  await expect(warning).toBeHidden();
  await expect(page.locator('main h1')).toHaveText(`Bonjour ${given}`);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByText('Vous êtes déconnecté.')).toBeVisible();
  await expect(page.locator('main h1')).toHaveText('Vos remboursements et vos démarches, en ligne');
  await page.reload();
  await expect(await appReady(page)).toHaveText('Vos remboursements et vos démarches, en ligne');
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a wrong NIR key is explained next to the field, and a right one is confirmed', async ({ page, consoleErrors }) => {
  await page.goto('/connexion');
  await appReady(page);
  const nir = page.getByLabel('Numéro de sécurité sociale');
  await nir.fill('2 95 10 99 126 111 99');
  await nir.blur();
  await expect(nir).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/La clé ne correspond pas/).first()).toBeVisible();
  await expectAccessible(page);

  await nir.fill(personas()[0].login);
  await nir.blur();
  await expect(nir).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('La clé correspond au numéro.')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('a wrong password gets one generic message, and the NIR is kept', async ({ page }, info) => {
  // A well-formed NIR on no roll: the answer must be the same as for a wrong password.
  const nir = unknownNir(1, info.project.name);
  await signIn(page, { role: 'member', display_name: '', login: nir, password: '', email: '' }, 'pas le bon');
  await expect(page.getByText(/Le numéro de sécurité sociale ou le mot de passe est incorrect/).first()).toBeVisible();
  await expect(page.getByLabel('Numéro de sécurité sociale')).toHaveValue(nir);
  await expectAccessible(page);
});

test('repeated failures make the member wait, and the page says until when', { tag: '@desktop' }, async ({ page }) => {
  const sophie = personas().filter((p) => p.role === 'member')[2];
  for (let i = 0; i < 3; i++) {
    await signIn(page, sophie, `mauvais mot de passe ${i}`);
    await expect(page.locator('main [role="alert"], main .error-summary, main .panel').first()).toBeVisible();
  }
  await expect(page.getByText(/Vous pourrez réessayer à \d{1,2}:\d{2}/)).toBeVisible();
  await expect(page.locator('main')).toContainText('36 46');
  await expectAccessible(page);
  // Even the right password waits.
  await signIn(page, sophie);
  await expect(page.getByText(/Vous pourrez réessayer/)).toBeVisible();
});

test('the English interface speaks English down to the server errors', async ({ page }, info) => {
  await page.goto('/connexion');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Sign in');
  await page.getByLabel('Social security number').fill(unknownNir(2, info.project.name));
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.locator('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/The social security number or the password is incorrect/).first()).toBeVisible();
  await expectAccessible(page);
});

test('a forgotten password is reset from the e-mailed link, and the code is still asked, keyboard only', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(60_000);
  const lucas = personas().find((p) => p.display_name === 'Lucas Petit')!;
  await page.goto('/connexion');
  await appReady(page);
  await tabTo(page, 'a[href="/mot-de-passe-oublie"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('main h1')).toHaveText('Mot de passe oublié');
  await tabTo(page, '#nir');
  await page.keyboard.type(lucas.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('03');
  await page.keyboard.press('Tab');
  await page.keyboard.type('07');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1988');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Consultez votre messagerie' })).toBeVisible();
  await expectAccessible(page);

  // The link, read in the demo outbox in the browser.
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await appReady(outbox);
  const mail = outbox.locator('article.outbox__mail', { hasText: lucas.email }).first();
  const link = (await mail.innerText()).match(/https?:\/\/\S+\/mot-de-passe\/nouveau#\S+/)?.[0];
  expect(link, 'a reset link in the e-mail').toBeTruthy();
  await outbox.close();

  await page.goto(new URL(link!).pathname + new URL(link!).hash);
  await expect(await appReady(page)).toHaveText('Choisir un nouveau mot de passe');
  const field = page.getByLabel('Nouveau mot de passe');
  await tabTo(page, '#nouveau-mot-de-passe');
  await page.keyboard.type('azertyuiop123');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/trop facile à deviner/).first()).toBeVisible();
  await expect(field).toHaveValue('azertyuiop123');
  await expectAccessible(page);

  await tabTo(page, '#nouveau-mot-de-passe');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Hirondelle-Basalte-Quinze');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Votre mot de passe a été changé/)).toBeVisible();
  await expect(page.locator('main h1')).toHaveText('Se connecter');

  await tabTo(page, '#nir');
  await page.keyboard.type(lucas.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hirondelle-Basalte-Quinze');
  await page.keyboard.press('Enter');
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  expect(consoleErrors).toEqual([]);
});

test('after 20 idle minutes the page ends the session and says why', { tag: '@desktop' }, async ({ page }) => {
  const ines = personas().find((p) => p.display_name === 'Inès Moreau')!;
  await page.clock.install();
  await signIn(page, ines);
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  // A reload of the code page keeps the login in progress.
  await page.reload();
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  await expect(page.locator('main')).toContainText('@demo.portail.test');
  const code = await codeFromOutbox(page, ines.email);
  await page.getByLabel('Code reçu par e-mail').fill(code);
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await expect(page.locator('main h1')).toHaveText('Bonjour Inès');

  await page.clock.fastForward('20:30');
  await expect(page.locator('main h1')).toHaveText('Se connecter');
  await expect(page.getByText(/Votre session a pris fin après 20 minutes sans activité/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toHaveCount(0);
  await expectAccessible(page);
});
