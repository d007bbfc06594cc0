// Secure messaging: a member writes to the fund (a topic, a subject, a draft kept across a visit
// elsewhere, a file), an agent finds the message in the queue, takes it, adds an internal note
// and answers; the member is told by an e-mail that says nothing of the answer, sees the unread
// count in the navigation and on the home page, reads the answer (never the note), then closes
// and reopens the conversation. On the desktop and on a phone, each with a persona of its own.
import { test, expect, appReady, expectAccessible, persona, signInAgent, signInByEmail } from './support';
import type { Persona } from './support';
import type { Browser, Page } from '@playwright/test';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The main navigation, opened first on a phone (it folds behind the menu button). */
async function nav(page: Page, isMobile: boolean) {
  const menu = page.getByRole('navigation', { name: /principale|main/i });
  if (isMobile) {
    const button = page.getByRole('button', { name: 'Menu' });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  return menu;
}

async function journey(page: Page, browser: Browser, who: Persona, isMobile: boolean, topic: string, subject: string) {
  const body = `Bonjour, ${subject.toLowerCase()} : pouvez-vous vérifier mon dossier ?`;
  const answer = 'Bonjour, votre dossier est à jour : le paiement part cette semaine.';
  const note = 'Vérifié dans l’outil de liquidation, rien à reprendre.';
  await signInByEmail(page, who);

  // An empty messaging, then a form sent empty: every mistake next to its field.
  await (await nav(page, isMobile)).getByRole('link', { name: 'Messagerie' }).click();
  await expect(await appReady(page)).toHaveText('Messagerie');
  await expect(page.getByText('Vous n’avez pas encore écrit à votre caisse.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Écrire un nouveau message' }).click();
  await expect(await appReady(page)).toHaveText('Nouveau message');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Envoyer le message' }).click();
  const summary = page.locator('#resume-erreurs');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Choisissez le thème de votre message.');
  await expect(summary).toContainText('Donnez un objet à votre message');
  await expect(summary).toContainText('Écrivez votre message.');
  await expect(page.locator('#message')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // A draft, kept while the member goes elsewhere.
  await page.getByRole('radio', { name: topic }).check();
  await page.getByLabel('Objet').fill(subject);
  await page.getByLabel('Votre message', { exact: true }).fill('Bonjour,');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.locator('#brouillon-etat')).toContainText('Brouillon enregistré le');
  await expectAccessible(page);
  await (await nav(page, isMobile)).getByRole('link', { name: 'Accueil' }).click();
  await appReady(page);
  await (await nav(page, isMobile)).getByRole('link', { name: 'Messagerie' }).click();
  await expect(page.getByText('Un brouillon de message vous attend.')).toBeVisible();
  await page.getByRole('link', { name: 'Écrire un nouveau message' }).click();
  await expect(page.getByLabel('Objet')).toHaveValue(subject);
  await expect(page.getByRole('radio', { name: topic })).toBeChecked();
  await page.getByLabel('Votre message', { exact: true }).fill(body);
  await page.locator('#pieces').setInputFiles({ name: 'justificatif.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.locator('.file-list')).toContainText('justificatif.pdf');
  await page.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(await appReady(page)).toHaveText(subject);
  await expect(page.locator('.flash-region')).toContainText('Votre message est envoyé.');
  await expect(page.locator('.message')).toHaveCount(1);
  await expect(page.locator('.message')).toContainText('justificatif.pdf');
  await expect(page.locator('.message__receipt')).toHaveText('Pas encore lu par votre caisse');
  await expectAccessible(page);

  // The agent: the queue, the conversation, a note, an answer.
  const agentContext = await browser.newContext(isMobile ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : {});
  const desk = await agentContext.newPage();
  await signInAgent(desk, 'Nadia Benali');
  await desk.getByRole('navigation', { name: 'Navigation de l’espace agents' }).getByRole('link', { name: 'Messages des assurés' }).click();
  await expect(await appReady(desk)).toHaveText('Messages des assurés');
  await desk.getByLabel('File', { exact: true }).selectOption({ label: topic });
  await desk.getByRole('checkbox', { name: 'Seulement celles qui attendent une réponse' }).check();
  const row = desk.getByRole('row', { name: new RegExp(subject) });
  await expect(row).toContainText(who.display_name);
  await expect(row).toContainText('Attend depuis le');
  await expectAccessible(desk);
  await row.getByRole('link', { name: subject }).click();
  await expect(await appReady(desk)).toHaveText('Conversation avec un assuré');
  await expect(desk.getByRole('heading', { level: 2, name: subject })).toBeVisible();
  await expect(desk.locator('.message').first()).toContainText(body);
  await expect(desk.getByRole('link', { name: 'justificatif.pdf' })).toBeVisible();
  await expectAccessible(desk);
  await desk.getByRole('button', { name: 'M’attribuer cette conversation' }).click();
  await expect(desk.getByText('La conversation vous est attribuée.')).toBeVisible();
  await desk.getByRole('textbox', { name: 'Note interne' }).fill(note);
  await desk.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(desk.getByText('La note interne est ajoutée.')).toBeVisible();
  await expect(desk.locator('.message--note')).toContainText(note);
  await desk.getByLabel('Votre réponse').fill(answer);
  await desk.getByRole('button', { name: 'Envoyer la réponse' }).click();
  await expect(desk.getByText('Votre réponse est envoyée à l’assuré.')).toBeVisible();
  await expect(desk.locator('.message--mine .message__receipt')).toHaveText('Pas encore lu par l’assuré');
  await expectAccessible(desk);

  // The e-mail says a message waits, and nothing of it.
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await appReady(outbox);
  const mail = outbox.locator('article.outbox__mail', { hasText: who.email }).filter({ hasText: 'Vous avez un nouveau message' }).first();
  await expect(mail).toBeVisible();
  await expect(mail).not.toContainText('paiement');
  await expect(mail).not.toContainText(subject);
  await expect(mail).not.toContainText('liquidation');
  await outbox.close();

  // The member: the count in the navigation and on the home page, then the answer.
  await (await nav(page, isMobile)).getByRole('link', { name: 'Accueil' }).click();
  await expect(await appReady(page)).toHaveText(`Bonjour ${who.display_name.split(' ')[0]}`);
  const menu = await nav(page, isMobile);
  await expect(menu.getByRole('link', { name: 'Messagerie 1 message non lu' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Vous avez un message non lu de votre caisse dans votre messagerie.');
  await expectAccessible(page);
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('link', { name: 'Lire vos messages' }).click();
  await expect(await appReady(page)).toHaveText('Messagerie');
  const card = page.locator('.request-card', { hasText: subject });
  await expect(card).toContainText('1\u00a0nouveau message');
  await expect(card).toContainText('Réponse de votre caisse le');
  await expectAccessible(page);
  await card.getByRole('link', { name: /Lire la conversation/ }).click();
  await expect(await appReady(page)).toHaveText(subject);
  await expect(page.locator('.message--theirs')).toContainText(answer);
  await expect(page.locator('.message--mine .message__receipt')).toContainText('Lu par votre caisse le');
  await expect(page.locator('main')).not.toContainText(note);
  await expect((await nav(page, isMobile)).getByRole('link', { name: 'Messagerie', exact: true })).toBeVisible();
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
  await expectAccessible(page);

  // The agent sees the answer was read.
  await desk.reload();
  await expect(desk.locator('.message--mine .message__receipt')).toContainText('Lu par l’assuré le');
  await agentContext.close();

  // Closed, then reopened by the member.
  await page.getByRole('button', { name: 'Fermer la conversation' }).click();
  await expect(page.getByRole('heading', { name: /Conversation fermée le/ })).toBeVisible();
  await expect(page.getByLabel('Votre réponse')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Rouvrir la conversation' }).click();
  await expect(page.getByText('La conversation est rouverte')).toBeVisible();
  await expect(page.getByLabel('Votre réponse')).toBeVisible();
  await expectAccessible(page);
}

test('a member writes to the fund, an agent answers, the member reads the answer', { tag: '@desktop' }, async ({ page, browser, consoleErrors }) => {
  test.setTimeout(120_000);
  await journey(page, browser, persona('Inès Robin'), false, 'Remboursements', 'Séance de kinésithérapie non remboursée');
  expect(consoleErrors).toEqual([]);
});

test('on a phone, a member writes about the Vitale card and reads the answer', { tag: '@phone' }, async ({ page, browser, consoleErrors }) => {
  test.setTimeout(120_000);
  await journey(page, browser, persona('Samir Ferrand'), true, 'Carte Vitale', 'Carte Vitale abîmée');
  expect(consoleErrors).toEqual([]);
});
