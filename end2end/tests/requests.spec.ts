// Complémentaire santé solidaire: a member applies from "Mes démarches", sees the estimate change
// as they type their resources (a monthly contribution by age), files the application; an agent
// finds it in the queue, takes it on, refuses to decide without a message, then approves it with
// one; the member reads the decision in the request's timeline and the CSS on their attestation
// facts. Once on a desktop with a parent and her son, once on a phone with a man living alone.
import { test, expect, appReady, expectAccessible, persona, signInAgent, signInByEmail, Persona } from './support';
import { Browser, Page } from '@playwright/test';

type Case = {
  who: Persona;
  kind: string;
  amount: string;
  monthly: string;
  lines: string[];
};

async function journey(page: Page, browser: Browser, isMobile: boolean, c: Case) {
  await signInByEmail(page, c.who);

  // From "Mes démarches" to the application.
  await page.goto('/demarches');
  await expect(await appReady(page)).toHaveText('Démarches');
  await page.getByRole('link', { name: 'Demander la Complémentaire santé solidaire' }).click();
  await expect(await appReady(page)).toHaveText('Demander la Complémentaire santé solidaire');
  const estimate = page.locator('#css-estimation');
  await expect(estimate).toContainText('serait gratuite');
  await expectAccessible(page);

  // Sent without certifying: the mistake is named, next to its box, in a focused summary.
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  const summary = page.locator('#resume-erreurs');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Cochez la case pour certifier');
  await expect(page.locator('#css-certifie')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // The resources: the estimate says what it would cost, person by person.
  await page.getByLabel(c.kind).fill(c.amount);
  await expect(estimate).toContainText(`coûterait à votre foyer, par mois, ${c.monthly}`);
  for (const line of c.lines) await expect(estimate).toContainText(line);
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Je certifie sur l’honneur l’exactitude des informations déclarées' }).check();
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(await appReady(page)).toHaveText('Suivi d’une démarche');
  await expect(page.getByText('Votre demande de Complémentaire santé solidaire est déposée.').first()).toBeVisible();
  await expect(page.locator('main')).toContainText('Avec une participation financière');
  const url = page.url();
  const id = url.split('/').pop()!;
  await expectAccessible(page);

  // The agent: the queue of CSS applications, the request, taken on.
  const agentContext = await browser.newContext(isMobile ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {});
  const desk = await agentContext.newPage();
  await signInAgent(desk, 'Nadia Benali');
  await desk.goto('/agent/demarches');
  await expect(await appReady(desk)).toHaveText('Démarches à traiter');
  await desk.getByLabel('Type', { exact: true }).selectOption({ label: 'Demande de Complémentaire santé solidaire' });
  const row = desk.getByRole('row', { name: new RegExp(c.who.display_name) });
  await expect(row).toContainText('Demande de Complémentaire santé solidaire');
  await expectAccessible(desk);
  await row.getByRole('link').click();
  await expect(await appReady(desk)).toHaveText('Démarche d’un assuré');
  await expect(desk.locator('main')).toContainText(c.who.display_name);
  await expect(desk.locator('main')).toContainText(c.monthly);
  await expectAccessible(desk);
  await desk.getByRole('button', { name: 'M’attribuer la démarche' }).click();
  await expect(desk.getByText('Cette démarche vous est attribuée.').first()).toBeVisible();

  // No decision without a message to the member.
  await desk.getByLabel('Nouvel état').selectOption({ label: 'Terminée' });
  await expect(desk.locator('#demarche-effet')).toContainText('Complémentaire santé solidaire du foyer pour un an');
  await desk.getByRole('button', { name: 'Enregistrer et prévenir l’assuré' }).click();
  await expect(desk.locator('#resume-erreurs')).toBeFocused();
  await expect(desk.locator('#resume-erreurs')).toContainText('Écrivez à l’assuré ce qui change');
  await expectAccessible(desk);
  const decision = `Votre droit à la Complémentaire santé solidaire est ouvert pour un an, avec une participation de ${c.monthly} par mois.`;
  await desk.getByLabel('Message à l’assuré').fill(decision);
  await desk.getByRole('button', { name: 'Enregistrer et prévenir l’assuré' }).click();
  await expect(desk.locator('#demarche-enregistree')).toContainText('État enregistré');
  await expect(desk.getByText('Cette démarche est close.')).toBeVisible();
  await expectAccessible(desk);
  await agentContext.close();

  // The member reads the decision, and the CSS is on their attestation facts.
  await page.goto(`/demarches/${id}`);
  await expect(await appReady(page)).toHaveText('Suivi d’une démarche');
  await expect(page.locator('main .badge').first()).toHaveText('Terminée');
  await expect(page.locator('.timeline')).toContainText(decision);
  await expectAccessible(page);
  await page.goto('/documents');
  await expect(await appReady(page)).toHaveText('Documents');
  await expect(page.locator('main').getByText(/Oui, jusqu’au/).first()).toBeVisible();
  await expectAccessible(page);
}

test('a parent applies for the CSS with her son, an agent approves it, she reads the decision', { tag: '@desktop' }, async ({ page, browser, consoleErrors }) => {
  test.setTimeout(120_000);
  await journey(page, browser, false, {
    who: persona('Aurélie Caron'),
    kind: 'Salaires et revenus d’activité',
    amount: '18 000',
    monthly: '22,00\u00a0€',
    lines: ['Aurélie Caron\u00a0: 14,00\u00a0€ par mois', 'Maël Caron\u00a0: 8,00\u00a0€ par mois'],
  });
  expect(consoleErrors).toEqual([]);
});

test('on a phone, a retiree living alone applies for the CSS and reads the decision', { tag: '@phone' }, async ({ page, browser, consoleErrors }) => {
  test.setTimeout(120_000);
  await journey(page, browser, true, {
    who: persona('Julien Masson'),
    kind: 'Retraites, pensions et rentes',
    amount: '12 000',
    monthly: '25,00\u00a0€',
    lines: ['Julien Masson\u00a0: 25,00\u00a0€ par mois'],
  });
  expect(consoleErrors).toEqual([]);
});
