// The README's screenshots, retaken by `cargo xtask screenshots` (which sets
// PORTAIL_SCREENSHOTS to the folder they go to). Skipped by the test suite: they show
// pages, they do not test them, and they sign personas in that the journeys use.
import { test, expect, appReady, persona, signInAgent, signInByEmail } from './support';
import * as path from 'path';

const folder = process.env.PORTAIL_SCREENSHOTS;

test.skip(!folder, 'only `cargo xtask screenshots` takes them');

test('desktop screenshots', { tag: '@desktop' }, async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await appReady(page);
  await page.screenshot({ path: path.join(folder!, 'accueil.png') });
  await signInByEmail(page, persona('Camille Martin'));
  await expect(page.getByRole('heading', { name: 'Vos derniers paiements' })).toBeVisible();
  await page.screenshot({ path: path.join(folder!, 'tableau-de-bord.png') });
  await page.goto('/remboursements');
  await expect(page.locator('.line-card').first()).toBeVisible();
  await page.screenshot({ path: path.join(folder!, 'paiements.png') });
  await signInAgent(page, 'Paul Lefèvre');
  await page.goto('/agent/statistiques');
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({ path: path.join(folder!, 'espace-agents.png') });
});

test('phone screenshots', { tag: '@phone' }, async ({ page }) => {
  test.setTimeout(120_000);
  await signInByEmail(page, persona('Léon Garnier'));
  await page.goto('/documents');
  await expect(page.getByRole('link', { name: /attestation/i }).first()).toBeVisible();
  await page.screenshot({ path: path.join(folder!, 'documents-telephone.png') });
});
