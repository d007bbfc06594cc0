// The login page today: the NIR is checked in the browser as it is typed, with the same rules as
// the server (shared crate); online login opens with the identity work.
import { test, expect, appReady, expectAccessible } from './support';
import * as fs from 'fs';
import { dataDir } from '../playwright.config';

function personas() {
  return JSON.parse(fs.readFileSync(`${dataDir}/demo-personas.json`, 'utf8')).personas as Array<{
    role: string;
    login: string;
  }>;
}

test('a wrong NIR key is explained next to the field, and a right one is confirmed', async ({ page, consoleErrors }) => {
  await page.goto('/connexion');
  await appReady(page);
  const nir = page.getByLabel('Numéro de sécurité sociale');
  await nir.fill('2 95 10 99 126 111 99');
  await nir.blur();
  await expect(nir).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/La clé ne correspond pas/).first()).toBeVisible();
  await expectAccessible(page);

  const camille = personas().find((p) => p.role === 'member')!;
  await nir.fill(camille.login);
  await nir.blur();
  await expect(nir).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('La clé correspond au numéro.')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('submitting says plainly that online login is not open yet, keeping what was typed', async ({ page }) => {
  await page.goto('/connexion');
  await appReady(page);
  const camille = personas().find((p) => p.role === 'member')!;
  await page.getByLabel('Numéro de sécurité sociale').fill(camille.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('La connexion en ligne n’est pas encore ouverte')).toBeVisible();
  await expect(page.getByLabel('Numéro de sécurité sociale')).toHaveValue(camille.login);
  await expectAccessible(page);
});
