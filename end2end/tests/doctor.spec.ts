// Médecin traitant: a parent declares the doctor her 17-year-old chose; the page asks for his
// choice and her agreement, the declaration becomes a request, and the page then shows it
// pending. Errors are said next to their fields.
import { test, expect, appReady, expectAccessible, persona, signInByEmail } from './support';

test('a parent declares the médecin traitant her teenager chose, keyboard-free', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  const helene = persona('Hélène Dumas');
  await signInByEmail(page, helene);
  await page.getByRole('navigation', { name: /principale|main/i }).getByRole('link', { name: 'Démarches' }).click();
  await appReady(page);
  await page.getByRole('link', { name: 'Déclarer un médecin traitant' }).click();
  await expect(await appReady(page)).toHaveText('Médecin traitant');
  await expect(page.locator('main')).toContainText('remboursée à 70');
  const theo = page.locator('.attestation-card', { hasText: 'Théo Dumas' });
  await expect(theo).toContainText('16 ou 17 ans');
  await expectAccessible(page);
  await theo.getByRole('link', { name: /médecin traitant pour Théo Dumas/ }).click();
  await expect(await appReady(page)).toHaveText('Déclarer un médecin traitant');
  await expect(page.locator('main .lead')).toHaveText('Déclarer un médecin traitant pour Théo Dumas');
  await expectAccessible(page);

  // A search needs two letters.
  const name = page.getByLabel('Nom du médecin');
  await name.fill('D');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.locator('#recherche-nom-message')).toContainText('au moins 2 lettres');
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await name.fill('');
  await page.getByLabel('Ville').fill('strasbourg');
  await page.getByLabel('Spécialité').selectOption('Médecine générale');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const choices = page.getByRole('radio');
  await expect(choices.first()).toBeVisible();
  await expect(page.locator('fieldset')).toContainText('Strasbourg');
  await expectAccessible(page);
  const chosen = (await page.locator('fieldset .checkbox__label strong').nth(1).innerText()).trim();
  await choices.nth(1).check();

  // Sent without the two confirmations: both are asked for, next to their boxes.
  await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(page.locator('#choix-adolescent-message')).toContainText('l’adolescent qui choisit');
  await expect(page.locator('#accord-medecin-message')).toContainText('accepté d’être le médecin traitant');
  await expect(choices.nth(1)).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel('L’adolescent a choisi ce médecin, et je donne mon accord de parent.').check();
  await page.getByLabel('Le médecin a accepté d’être le médecin traitant.').check();
  await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
  await expect(page.getByText('Votre déclaration de médecin traitant est envoyée.')).toBeVisible();
  await expect(page.locator('main')).toContainText(`${chosen}, Médecine générale, Strasbourg pour Théo Dumas`);
  await expect(page.locator('main')).toContainText('votre médecin traitant actuel reste déclaré');
  await expectAccessible(page);

  // Back on the page, Théo's declaration is pending and cannot be sent twice.
  await page.goto('/medecin-traitant');
  await appReady(page);
  await expect(theo).toContainText('Une déclaration est en cours');
  await expect(theo.getByRole('link', { name: 'Suivre la déclaration' })).toBeVisible();
  await expect(theo.getByRole('link', { name: /médecin traitant pour Théo/ })).toHaveCount(0);
});
