// The agents' area: a member locked out by failed logins calls the fund; an agent finds her,
// opens her file with a reason, unlocks her account only after the identity checks, and she
// signs in and sees in her account who opened her file and why. On a phone, a supervisor
// prints the activation letters batch and reads the team's statistics.
import { test, expect, appReady, expectAccessible, persona, signInAgent, signInByEmail } from './support';
import * as fs from 'fs';

test('a locked member is unlocked by an agent after the identity checks, then signs in', { tag: '@desktop' }, async ({ browser, page, consoleErrors }) => {
  test.setTimeout(120_000);
  const rose = persona('Rose Lambert');

  // Rose is locked out: even the right password waits.
  await page.goto('/connexion');
  await appReady(page);
  await page.getByRole('textbox', { name: 'Numéro de sécurité sociale' }).fill(rose.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(rose.password);
  await page.locator('main').getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.locator('#connexion-suspendue')).toBeVisible();

  // A member's session opens nothing in the agents' area: it asks for an agent sign-in.
  const agentContext = await browser.newContext();
  const desk = await agentContext.newPage();
  await desk.goto('/agent');
  await expect(await appReady(desk)).toHaveText('Espace agents : connexion');
  await expectAccessible(desk);

  await signInAgent(desk, 'Nadia Benali');
  await expectAccessible(desk);
  await desk.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Rechercher un assuré' }).click();
  await expect(await appReady(desk)).toHaveText('Rechercher un assuré');

  // A search that is neither a NIR nor a name says so next to the field.
  await desk.getByLabel('Numéro de sécurité sociale ou nom de famille').fill('12');
  await desk.getByRole('button', { name: 'Rechercher' }).click();
  await expect(desk.locator('#agent-query-message')).toContainText('pas un numéro de sécurité sociale valide');
  await desk.getByLabel('Numéro de sécurité sociale ou nom de famille').fill('lambért');
  await desk.getByRole('button', { name: 'Rechercher' }).click();
  await expect(desk.getByRole('heading', { name: /Assurés trouvés/ })).toBeVisible();
  await expectAccessible(desk);
  await desk.getByRole('link', { name: 'Rose Lambert' }).click();
  await expect(await appReady(desk)).toHaveText('Dossier de l’assuré');

  // The file opens only with a reason; "other" needs words.
  await desk.getByRole('radio', { name: 'Autre motif' }).check();
  await desk.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect(desk.locator('#motif-precisions-message')).toContainText('Précisez le motif');
  await expectAccessible(desk);
  await desk.getByRole('radio', { name: 'Appel téléphonique de l’assuré' }).check();
  await desk.getByRole('button', { name: 'Ouvrir le dossier' }).click();
  await expect(desk.getByRole('heading', { level: 2, name: 'Rose Lambert' })).toBeVisible();
  await expect(desk.locator('#etat-compte')).toContainText('Bloqué jusqu’au');
  await expectAccessible(desk);

  // Unlocking without every identity check is refused, next to the checks.
  await desk.getByRole('radio', { name: 'Débloquer le compte' }).check();
  await desk.getByRole('checkbox', { name: /Nom, prénom et date de naissance/ }).check();
  await desk.getByRole('button', { name: 'Effectuer l’action' }).click();
  await expect(desk.locator('#verification-name_and_birth-message')).toContainText('trois vérifications');
  await desk.getByRole('checkbox', { name: /Adresse postale/ }).check();
  await desk.getByRole('checkbox', { name: /Un fait récent/ }).check();
  await desk.getByRole('button', { name: 'Effectuer l’action' }).click();
  await expect(desk.getByText('Action effectuée et enregistrée dans le journal.')).toBeVisible();
  await expect(desk.locator('#etat-compte')).toContainText('Non bloqué');
  await expectAccessible(desk);

  // Rose signs in, and her account shows who opened her file and why.
  await signInByEmail(page, rose);
  await page.getByRole('navigation', { name: /principale|main/i }).getByRole('link', { name: 'Mon compte' }).click();
  const accesses = page.locator('section', { has: page.getByRole('heading', { name: 'Consultations de votre dossier par la caisse' }) });
  await expect(accesses.getByRole('row', { name: /Consultation du dossier/ })).toContainText('Nadia Benali');
  await expect(accesses.getByRole('row', { name: /Déblocage du compte/ })).toContainText('Appel téléphonique de l’assuré');
  await expectAccessible(page);

  // The agent signs out; the area asks for a sign-in again.
  await desk.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(await appReady(desk)).toHaveText('Espace agents : connexion');
  await agentContext.close();
  expect(consoleErrors).toEqual([]);
});

test('a supervisor prints the letters batch and reads the team statistics on a phone', { tag: '@phone' }, async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signInAgent(page, 'Paul Lefèvre');
  await page.goto('/agent/courriers');
  await expect(await appReady(page)).toHaveText('Courriers d’activation');
  await expectAccessible(page);
  // Hugo Bernard's letter waits for the printer (other journeys may add theirs).
  const hugo = page.getByRole('row', { name: /Hugo Bernard/ });
  await expect(hugo).toContainText('À imprimer');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer le lot (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('courriers-activation.pdf');
  const pdf = fs.readFileSync(await file.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(hugo).toContainText('Imprimé, à poster');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Marquer les courriers imprimés comme envoyés' }).click();
  await expect(page.getByText('Les courriers imprimés sont marqués envoyés.')).toBeVisible();
  await expect(hugo).toHaveCount(0);
  await page.goto('/agent/statistiques');
  await expect(await appReady(page)).toHaveText('Statistiques de l’équipe');
  await expect(page.getByRole('columnheader', { name: 'En attente', exact: true })).toBeVisible();
  await expectAccessible(page);
  expect(consoleErrors).toEqual([]);
});
