// "Mes paiements": a parent narrows the list to a child, reads how a line was computed, comes
// back to the same list, downloads it as a spreadsheet, a statement and a summary, reads the
// chart as a table and turns the payment e-mails off; a retiree in ALD sees his medicines covered
// at 100 % on a phone; anyone estimates a visit (also by keyboard only); a parent
// contests a line with a document and follows the request from "Mes démarches" and her home.
import { test, expect, appReady, expectAccessible, persona, signInByEmail as signIn, tabTo } from './support';
import * as fs from 'fs';

// Camille's two journeys run one after the other (one persona, one sign-in at a time). Sophie is
// left to the login journey that counts her failed attempts.
test.describe.serial('Camille', () => {
test('a parent follows a child\'s reimbursements, reads one, exports them', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, persona('Camille Martin'));
  await page.getByRole('navigation').getByRole('link', { name: 'Paiements' }).click();
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  const status = page.locator('.payments__status');
  await expect(status).toContainText(/\d+ remboursements du .* au /);
  await expect(page.getByRole('heading', { name: /^Paiement du / }).first()).toBeVisible();
  await expectAccessible(page);

  // Léa's GP visits only.
  await page.getByLabel('Pour qui').selectOption({ label: 'Léa' });
  await page.getByLabel('Type de soins').selectOption({ label: 'Médecin généraliste' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/beneficiary=2/);
  await expect(page).toHaveURL(/kind=consultation/);
  const cards = page.locator('.line-card');
  await expect(cards.first()).toBeVisible();
  for (const who of await page.locator('.line-card__who').allInnerTexts()) expect(who).toContain('Léa');

  // One line: every field and the computation; Léa is under 18, so nothing is deducted.
  await cards.first().getByRole('link', { name: /Voir le détail/ }).click();
  await expect(await appReady(page)).toHaveText('Détail d’un remboursement');
  const explanation = page.locator('.explanation');
  await expect(explanation).toContainText(/× 70\s%\s=\s\d+,\d\d\s€/);
  await expect(explanation).toContainText('Ni participation forfaitaire ni franchise : moins de 18 ans');
  await expect(page.locator('.details')).toContainText('Léa');
  await expectAccessible(page);

  // Back to the same list.
  await page.goBack();
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  await expect(page.getByLabel('Pour qui')).toHaveValue('2');
  await expect(page.locator('.line-card').first()).toBeVisible();

  // The spreadsheet holds the same lines.
  const shown = await page.locator('.line-card').count();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Télécharger ces lignes (tableur CSV)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^remboursements-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFDate des soins;Bénéficiaire;Acte;')).toBe(true);
  const rows = csv.trimEnd().split('\r\n').slice(1);
  expect(rows.length).toBe(shown);
  for (const row of rows) expect(row.split(';')[1]).toBe('Léa');

  // The chart's figures as a table.
  await page.getByText('Voir ces montants dans un tableau').click();
  await expect(page.locator('.chart__table tbody tr').first()).toBeVisible();
  expect(await page.locator('.chart__table tbody tr').count()).toBeGreaterThanOrEqual(24);
  await expectAccessible(page);

  // A monthly statement and a yearly summary, as PDF files.
  const statements = page.getByRole('region', { name: 'Relevés et récapitulatifs' });
  const [statement] = await Promise.all([
    page.waitForEvent('download'),
    statements.getByRole('link', { name: /^\S+ \d{4} \(PDF\)$/ }).first().click(),
  ]);
  expect(statement.suggestedFilename()).toMatch(/^releve-\d{4}-\d\d\.pdf$/);
  expect(fs.readFileSync((await statement.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  const [summary] = await Promise.all([
    page.waitForEvent('download'),
    statements.getByRole('link', { name: /^Récapitulatif \d{4} \(PDF\)$/ }).first().click(),
  ]);
  expect(summary.suggestedFilename()).toMatch(/^recapitulatif-\d{4}\.pdf$/);

  // A line that is not hers is simply not found.
  await page.goto('/remboursements/99999999');
  await expect(page.getByRole('alert')).toHaveText('Ce remboursement n’existe pas ou ne vous concerne pas.');

  // She no longer wants an e-mail for each payment; the choice stays.
  await page.goto('/compte');
  const paymentEmails = page.getByLabel('Recevoir un e-mail à chaque paiement (sans montant ni détail de vos soins)');
  await expect(paymentEmails).toBeChecked();
  await paymentEmails.uncheck();
  await expect(page.getByText('Votre choix est enregistré.')).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByLabel('Recevoir un e-mail à chaque paiement (sans montant ni détail de vos soins)')).not.toBeChecked();
});

test('a member contests a reimbursement with a document and follows the request', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, persona('Camille Martin'));
  await page.goto('/remboursements?status=paid');
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  await page.locator('.line-card').first().getByRole('link', { name: /Voir le détail/ }).click();
  await expect(await appReady(page)).toHaveText('Détail d’un remboursement');
  await page.getByRole('link', { name: 'Contester ce remboursement' }).click();
  await expect(await appReady(page)).toHaveText('Contester un remboursement');
  await expect(page.getByRole('heading', { name: /Vous pouvez contester ce remboursement jusqu’au/ })).toBeVisible();
  await expectAccessible(page);

  // Too short an explanation and a file that is not a document are each named.
  await page.getByLabel('Expliquez ce qui ne va pas').fill('Faux');
  await page.getByLabel('Pièces justificatives (facultatif)').setInputFiles({
    name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('pas un document'),
  });
  await expect(page.locator('#pieces-message')).toContainText('Joignez un PDF, une photo JPEG ou une image PNG');
  await page.getByRole('button', { name: 'Déposer ma contestation' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('#explication-message')).toContainText('10 caractères au moins');
  await expectAccessible(page);

  // The reason, a real explanation and the bill as a PDF.
  await page.getByRole('radio', { name: /Le taux ne tient pas compte de ma situation/ }).check();
  await page.getByLabel('Expliquez ce qui ne va pas').fill('Mon médecin traitant est déclaré depuis 2019 : le taux devrait être de 70 %.');
  await page.getByLabel('Pièces justificatives (facultatif)').setInputFiles({
    name: 'declaration-medecin-traitant.pdf', mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await expect(page.locator('.file-list')).toContainText('declaration-medecin-traitant.pdf');
  await page.getByRole('button', { name: 'Déposer ma contestation' }).click();

  // The request's page: the step, what was sent, the file.
  await expect(await appReady(page)).toHaveText('Suivi d’une démarche');
  await expect(page.getByText('Votre contestation est déposée. La réponse de votre caisse s’affichera ici.')).toBeVisible();
  await expect(page.locator('.timeline')).toContainText('commission de recours amiable');
  await expect(page.locator('.details')).toContainText('médecin traitant est déclaré depuis 2019');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'declaration-medecin-traitant.pdf' }).click(),
  ]);
  expect(fs.readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
  await expectAccessible(page);

  // "Mes démarches" lists it.
  await page.getByRole('navigation').getByRole('link', { name: 'Démarches' }).click();
  await expect(await appReady(page)).toHaveText('Démarches');
  await expect(page.locator('.request-card')).toHaveCount(1);
  await expect(page.locator('.request-card')).toContainText('Déposée');
  await expectAccessible(page);

  // So does her home, next to her latest payments.
  await page.getByRole('navigation').getByRole('link', { name: 'Accueil' }).click();
  const open = page.getByRole('region', { name: 'Vos démarches en cours' });
  await expect(open.getByRole('listitem')).toHaveCount(1);
  await expect(open).toContainText('Déposée');
  const latest = page.getByRole('region', { name: 'Vos derniers paiements' });
  await expect(latest.getByRole('listitem').first()).toContainText(/\d{4} · \d+,\d\d\s€ · \d+ soins?/);
  await expectAccessible(page);
});

test('a parent switches the home to one child: her payments and shortcuts', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, persona('Camille Martin'));
  const switcher = page.getByRole('group', { name: 'Afficher pour' });
  await expect(switcher.getByRole('radio', { name: 'Toute la famille' })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Vos derniers paiements' })).toBeVisible();
  await switcher.getByRole('radio', { name: 'Léa' }).check();
  await expect(page).toHaveURL(/pour=2/);
  await expect(page.getByRole('heading', { name: 'Derniers paiements de Léa' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Raccourcis pour Léa' })).toBeVisible();
  await expectAccessible(page);
  // The choice is in the address: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Derniers paiements de Léa' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Léa' })).toBeChecked();
  // Her payments: the list filtered to her.
  await page.getByRole('link', { name: 'Tous les paiements de Léa' }).click();
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  await expect(page).toHaveURL(/beneficiary=2/);
  await expect(page.locator('.line-card').first()).toBeVisible();
  for (const who of await page.locator('.line-card__who').allInnerTexts()) expect(who).toContain('Léa');
  await page.goBack();
  await page.getByRole('radio', { name: 'Toute la famille' }).check();
  await expect(page.getByRole('heading', { name: 'Vos derniers paiements' })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
});

test('a retiree in ALD sees his medicines covered at 100 % on his phone', { tag: '@phone' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  await signIn(page, persona('Jean Dupont'));
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Paiements' }).click();
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  await expect(page.getByRole('heading', { name: /Participations et franchises de l’année/ })).toBeVisible();
  await page.getByLabel('Type de soins').selectOption({ label: 'Pharmacie' });
  await page.getByLabel('État').selectOption({ label: 'Payé' });
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page).toHaveURL(/kind=medicine/);
  await expectAccessible(page);
  await page.locator('.line-card').first().getByRole('link', { name: /Voir le détail/ }).click();
  await expect(await appReady(page)).toHaveText('Détail d’un remboursement');
  await expect(page.locator('.explanation')).toContainText('× 100 %');
  await expect(page.locator('.details')).toContainText('Oui : votre caisse a payé le professionnel directement');
  await expectAccessible(page);
});

test('anyone estimates a visit before going, and a mistake is pointed at its field', async ({ page, consoleErrors }) => {
  await page.goto('/remboursements/simulateur');
  await expect(await appReady(page)).toHaveText('Estimer un remboursement');
  await expectAccessible(page);
  await page.getByLabel('Âge du patient, en années').fill('quarante');
  await page.getByRole('button', { name: 'Calculer' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Indiquez l’âge en années');
  await expect(page.locator('#age-message')).toContainText('Indiquez l’âge en années');
  await expectAccessible(page);

  // No médecin traitant: 30 € × 30 % − 2 € = 7 €; the rest is left to pay.
  await page.getByLabel('Âge du patient, en années').fill('40');
  await page.getByRole('radio', { name: 'Non' }).check();
  await page.getByRole('button', { name: 'Calculer' }).click();
  const estimate = page.locator('#estimation');
  await expect(estimate).toBeFocused();
  await expect(estimate).toContainText(/Votre caisse vous rembourse\s*7,00\s€/);
  await expect(estimate).toContainText('Hors parcours de soins, le taux passe de 70');
  await expectAccessible(page);

  // A gynaecologist is reached directly: 70 % even outside the parcours.
  await page.getByRole('radio', { name: 'Un gynécologue' }).check();
  await expect(estimate).toHaveCount(0);
  await page.getByRole('button', { name: 'Calculer' }).click();
  await expect(page.locator('#estimation')).toContainText(/Votre caisse vous rembourse\s*19,00\s€/);
});

test('a keyboard user estimates a visit: radio buttons, fields, the answer focused', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  await page.goto('/remboursements/simulateur');
  await appReady(page);
  // Into the doctor group; the arrow keys move between its choices.
  await tabTo(page, '#medecin-generaliste');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#medecin-gynecologue')).toBeFocused();
  await expect(page.locator('#medecin-gynecologue')).toBeChecked();
  // The parcours: "Non".
  await tabTo(page, '#parcours-oui');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#parcours-non')).toBeChecked();
  await tabTo(page, '#age');
  await page.keyboard.type('30');
  await tabTo(page, '#prix');
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  // Direct access: 70 % even outside the parcours; the fee above the base is never reimbursed.
  const estimate = page.locator('#estimation');
  await expect(estimate).toBeFocused();
  await expect(estimate).toContainText(/Votre caisse vous rembourse\s*19,00\s€/);
  await expect(estimate).toContainText(/Reste à votre charge[^0-9]*31,00\s€/);
  await expect(estimate).toContainText('dépassement d’honoraires (20,00');
  await expectAccessible(page);
});
