// Attestations de droits: a parent downloads her own and her children's, refused for anyone
// else's; the PDF's signed code opens the verification page, which says it is genuine, and a
// changed code is shown as not genuine. On a phone, the check works offline.
import { test, expect, appReady, expectAccessible, grouped, persona, signInByEmail } from './support';
import { execFileSync } from 'child_process';
import { Page } from '@playwright/test';

type Beneficiary = { id: number; name: string; rank: number };

/** Downloads the attestation behind `link` and returns its text and its signed code. */
async function downloadAttestation(page: Page, linkName: RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^attestation-droits-[a-z]+-\d{4}-\d\d-\d\d\.pdf$/);
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', (await download.path())!, '-'])
    .toString()
    .replace(/[\u00a0\u202f]/g, ' ');
  const lines = text.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith('PA1.'));
  expect(start, 'a signed code printed under the QR code').toBeGreaterThan(-1);
  const code = lines.slice(start).filter((l, i, all) => all.slice(0, i + 1).every((x) => x && !x.includes(' '))).join('');
  const address = lines.find((l) => l.includes('/verifier'))!;
  return { text, code, address };
}

/** A changed character in the signed facts. */
function tamper(code: string) {
  const [prefix, facts, signature] = code.split('.');
  const last = facts.slice(-1) === 'A' ? 'B' : 'A';
  return `${prefix}.${facts.slice(0, -1)}${last}.${signature}`;
}

test('a parent downloads her child\'s attestation, which verifies, and cannot get another family\'s', { tag: '@desktop' }, async ({ page, consoleErrors }) => {
  test.setTimeout(90_000);
  const sarah = persona('Sarah Lemaire');
  await signInByEmail(page, sarah);
  await page.getByRole('navigation', { name: /principale|main/i }).getByRole('link', { name: 'Documents' }).click();
  await expect(await appReady(page)).toHaveText('Documents');
  const cards = page.locator('.attestation-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText('Sarah Lemaire');
  await expect(cards.nth(0)).toContainText('Assuré(e) (rang 01)');
  await expect(cards.nth(0)).toContainText('2 87 09 •• ••• ••• 27');
  await expect(cards.filter({ hasText: 'Noé Lemaire' })).toContainText('Ayant droit');
  await expectAccessible(page);

  // Noé's attestation: he is the beneficiary, his mother the insured person.
  const noe = await downloadAttestation(page, /Télécharger l’attestation \(PDF\) de Noé Lemaire/);
  expect(noe.text).toContain('Attestation de droits à l’assurance maladie');
  expect(noe.text).toContain('DOCUMENT DE DÉMONSTRATION');
  const noeNir = sarah.children!.find((c) => c.display_name === 'Noé Lemaire')!.nir;
  expect(noe.text).toContain(`Numéro de sécurité sociale : ${grouped(noeNir)}`);
  expect(noe.text).toContain('Ayant droit (rang 03)');
  expect(noe.text).toContain('Sarah Lemaire');

  // Anyone else's attestation is not found, whoever they are.
  const mine: Beneficiary[] = await (await page.request.get('/api/attestations')).json();
  const ids = new Set(mine.map((p) => p.id));
  for (let id = 1; id <= Math.max(...ids) + 3; id++) {
    if (ids.has(id)) continue;
    const answer = await page.request.get(`/api/attestations/${id}`);
    expect(answer.status(), `attestation ${id}`).toBe(404);
  }

  // The printed address opens the verification page, which checks the code in the browser.
  const link = new URL(noe.address);
  expect(link.pathname).toBe('/verifier');
  await page.goto(`/verifier#${noe.code}`);
  await expect(await appReady(page)).toHaveText('Vérifier une attestation');
  const verdict = page.locator('#resultat-verification');
  await expect(verdict).toHaveText(/Attestation authentique/);
  const panel = page.locator('.panel--success');
  await expect(panel).toContainText('Noé');
  await expect(panel).toContainText('LEMAIRE');
  await expect(panel).toContainText(grouped(noeNir));
  await expect(panel).toContainText('Ayant droit (rang 03)');
  await expect(panel).toContainText('Droits ouverts aujourd’hui selon cette attestation.');
  await expectAccessible(page);

  // A changed code is not genuine; the verdict takes the focus and is read out.
  const box = page.getByLabel('Code de l’attestation');
  await box.fill(tamper(noe.code));
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(verdict).toHaveText(/Attestation NON authentique/);
  await expect(verdict).toBeFocused();
  await expect(page.locator('.panel--error')).toContainText('modifié après sa signature');
  await expect(page.locator('main')).not.toContainText(grouped(noeNir));
  await expectAccessible(page);

  // Nothing typed: said next to the field.
  await box.fill('');
  await page.getByRole('button', { name: 'Vérifier' }).click();
  await expect(page.locator('#code-attestation-message')).toContainText('Collez ou saisissez le code de l’attestation.');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
});

test('a member checks his attestation on his phone, offline too, and declares the médecin traitant it lacks', { tag: '@phone' }, async ({ page, context, consoleErrors }) => {
  test.setTimeout(90_000);
  const leon = persona('Léon Garnier');
  await signInByEmail(page, leon);
  await page.goto('/documents');
  await expect(await appReady(page)).toHaveText('Documents');
  await expect(page.locator('.attestation-card')).toHaveCount(1);
  await expect(page.locator('.attestation-card')).toContainText('Léon Garnier');
  await expectAccessible(page);
  const mine = await downloadAttestation(page, /Télécharger l’attestation \(PDF\)/);
  expect(mine.text).toContain('Assuré(e) (rang 01)');
  expect(mine.text).toContain('Médecin traitant : non déclaré.');

  // As a phone's camera would open it; the service worker keeps the page and the fund's keys.
  await page.goto(`/verifier#${mine.code}`);
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await expect(page.locator('#resultat-verification')).toHaveText(/Attestation authentique/);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expectAccessible(page);

  // Offline, the same code still verifies, and a changed one still fails (each opened as a
  // new page, as a camera app opens a scanned address).
  await context.setOffline(true);
  await page.goto('/aide');
  await appReady(page);
  await page.goto(`/verifier#${mine.code}`);
  await expect(page.locator('#resultat-verification')).toHaveText(/Attestation authentique/);
  await expect(page.locator('.panel--success')).toContainText('GARNIER');
  await page.goto('/aide');
  await appReady(page);
  await page.goto(`/verifier#${tamper(mine.code)}`);
  await expect(page.locator('#resultat-verification')).toHaveText(/Attestation NON authentique/);
  await context.setOffline(false);
  // The browser reports the requests it could not send while offline: expected here.
  for (let i = consoleErrors.length - 1; i >= 0; i--) {
    if (/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(consoleErrors[i])) consoleErrors.splice(i, 1);
  }

  // His card says he has no médecin traitant; he declares one from there, by name.
  await page.goto('/documents');
  await appReady(page);
  await expect(page.locator('.attestation-card')).toContainText('Non déclaré');
  await page.getByRole('link', { name: 'Déclarer un médecin traitant' }).click();
  await expect(await appReady(page)).toHaveText('Médecin traitant');
  await expect(page.locator('main')).toContainText('au lieu de 70');
  await page.getByRole('link', { name: 'Déclarer un médecin traitant pour Léon Garnier' }).click();
  await appReady(page);
  await page.getByLabel('Ville').fill('Paris');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await page.getByRole('radio').first().check();
  await expect(page.getByLabel('L’adolescent a choisi ce médecin, et je donne mon accord de parent.')).toHaveCount(0);
  await page.getByLabel('Le médecin a accepté d’être le médecin traitant.').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Envoyer la déclaration' }).click();
  await expect(page.getByText('Votre déclaration de médecin traitant est envoyée.')).toBeVisible();
  await expect(page.locator('main')).toContainText('pour Léon Garnier');
});
