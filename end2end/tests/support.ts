// What every journey checks on every page: no console error, and axe finds nothing.
import { createHmac } from 'crypto';
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import { dataDir, baseURL } from '../playwright.config';

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      // The browser logs every 4xx answer as a failed resource; the API's expected answers
      // (not signed in, not found, a field error, throttled) are part of the journeys, not faults.
      const expected = /Failed to load resource: the server responded with a status of (401|404|422|429)/;
      if (msg.type() === 'error' && !expected.test(msg.text())) errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** Waits until the app has rendered a page (the wasm is running) and returns its h1. */
export async function appReady(page: Page) {
  const h1 = page.locator('main h1');
  await expect(h1).toBeVisible();
  return h1;
}

/** Runs axe (WCAG 2.1 A/AA) on the current page and fails on any violation. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** Presses Tab (Shift+Tab when `backwards`) until the element matching `selector` has focus:
 * the keyboard's only way around. `text=…` matches a button or link by its words. */
export async function tabTo(page: Page, selector: string, backwards = false, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const there = await page.evaluate((s) => {
      const active = document.activeElement;
      if (!active) return false;
      if (s.startsWith('text=')) return (active.textContent ?? '').trim() === s.slice(5);
      return active.matches(s);
    }, selector);
    if (there) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Reads, in the demo outbox in the browser, the newest 6-digit code sent to `recipient`
 * (an e-mail address, or a phone number for text messages). */
export async function mailedCode(page: Page, recipient: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto('/demo/boite-envoi');
  await appReady(outbox);
  const mail = outbox.locator('article.outbox__mail', { hasText: recipient }).first();
  await expect(mail).toBeVisible();
  const code = (await mail.innerText()).match(/\b\d{6}\b/)?.[0];
  await outbox.close();
  expect(code, `a 6-digit code for ${recipient}`).toBeTruthy();
  return code!;
}

let skewMs: number | undefined;

/** Now on the demo's clock, in milliseconds: the demo may run on another day (`--today`), and
 * codes and dates are the server's, never this machine's. */
export async function demoNow(): Promise<number> {
  if (skewMs === undefined) {
    const config = await (await fetch(`${baseURL}/api/config`)).json();
    skewMs = Date.parse(config.now) - Date.now();
  }
  return Date.now() + skewMs;
}

/** The day `days` after today in Paris on the demo's clock (today in Paris is the day the
 * server judges dates by), as the three date boxes want it. */
export async function inDays(days: number) {
  const paris = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(await demoNow());
  const [y, m, d] = paris.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d + days));
  return { day: String(day.getUTCDate()), month: String(day.getUTCMonth() + 1), year: String(day.getUTCFullYear()) };
}

/** A demo persona as `demo-personas.json` describes it. */
export type Persona = {
  role: string;
  display_name: string;
  login: string;
  password: string;
  email: string;
  second_factor: string;
  totp_secret?: string;
  /** The children on the account; their NIRs follow the day the demo was seeded. */
  children?: { display_name: string; nir: string; birth_date: string }[];
};

/** A NIR as documents print it: `1 19 04 44 109 201 50`. */
export function grouped(nir: string): string {
  return [nir.slice(0, 1), nir.slice(1, 3), nir.slice(3, 5), nir.slice(5, 7), nir.slice(7, 10), nir.slice(10, 13), nir.slice(13)].join(' ');
}

/** The demo persona called `name` (display name), from the running demo's file. */
export function persona(name: string): Persona {
  const all: Persona[] = JSON.parse(fs.readFileSync(`${dataDir}/demo-personas.json`, 'utf8')).personas;
  const found = all.find((p) => p.display_name === name);
  expect(found, `a demo persona called ${name}`).toBeTruthy();
  return found!;
}

/** NIR, password and the e-mailed code, with the mouse; ends on the member's home. */
export async function signInByEmail(page: Page, who: Persona) {
  await page.goto('/connexion');
  await appReady(page);
  await page.getByRole('textbox', { name: 'Numéro de sécurité sociale' }).fill(who.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
  await page.locator('main').getByRole('button', { name: 'Se connecter' }).click();
  await expect(await appReady(page)).toHaveText('Saisir le code reçu par e-mail');
  await page.getByLabel('Code reçu par e-mail').fill(await mailedCode(page, who.email));
  await page.getByRole('button', { name: 'Valider le code' }).click();
  await expect(await appReady(page)).toHaveText(`Bonjour ${who.display_name.split(' ')[0]}`);
}

function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => parseInt(b, 2)));
}

/** What an authenticator app shows (RFC 6238: SHA-1, 6 digits, 30 s) at `at` milliseconds. */
export function totp(secret: string, at: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 0xf;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return (n % 1_000_000).toString().padStart(6, '0');
}

/** Signs a demo agent in at /agent/connexion (e-mail, password, then the authenticator code);
 * ends on the agents' area home. A code works once: when another journey just used this
 * agent's code, it waits for the app's next code. */
export async function signInAgent(page: Page, name: string) {
  const who = persona(name);
  await page.goto('/agent/connexion');
  await appReady(page);
  await page.getByLabel('Adresse e-mail professionnelle').fill(who.login);
  await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  const code = page.getByLabel('Code de l’application d’authentification');
  await expect(code).toBeVisible();
  // The demo shows the code the agent's app would show (a visitor has no such app).
  await expect(page.locator('.demo-code')).toContainText(/\d{6}/);
  for (let attempt = 0; attempt < 3; attempt++) {
    await code.fill(totp(who.totp_secret!, await demoNow()));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const home = page.getByRole('heading', { level: 1, name: 'Espace agents', exact: true });
    const refused = page.locator('.field__error');
    await expect(home.or(refused)).toBeVisible();
    if (await home.isVisible()) return;
    // Used by another journey in this 30-second step: wait for the next one.
    await page.waitForTimeout(30_000 - ((await demoNow()) % 30_000) + 500);
  }
  throw new Error(`${name} could not sign in`);
}
