// The portal's shell, served by the one executable: pages, deep links, language, headers, assets.
import { test, expect, appReady, expectAccessible } from './support';

const DEMO = /Démo — ceci est une démonstration/;

test('home page renders with the demo banner, no console error, and passes axe', async ({ page, consoleErrors }) => {
  await page.goto('/');
  const h1 = await appReady(page);
  await expect(h1).toHaveText('Vos remboursements et vos démarches, en ligne');
  await expect(page.getByText(DEMO)).toBeVisible();
  await expect(page).toHaveTitle(/Portail/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('contentinfo')).toContainText('36 46');
  await expectAccessible(page);
  expect(consoleErrors).toEqual([]);
});

test('a deep link works, also after a reload', async ({ page, consoleErrors }) => {
  await page.goto('/remboursements');
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  await page.reload();
  await expect(await appReady(page)).toHaveText('Paiements et remboursements');
  await expect(page.getByText(DEMO)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
  await expectAccessible(page);
  expect(consoleErrors).toEqual([]);
});

test('an unknown address shows the 404 page with a way home', async ({ page, consoleErrors }) => {
  await page.goto('/nulle-part');
  await expect(await appReady(page)).toHaveText('Page introuvable');
  await expectAccessible(page);
  await page.locator('main').getByRole('link').first().click();
  await expect(await appReady(page)).toHaveText('Vos remboursements et vos démarches, en ligne');
  expect(consoleErrors).toEqual([]);
});

// One test per page: each page's axe run stands alone (and they run in parallel).
for (const [path, title] of [
  ['/aide', 'Aide'],
  ['/accessibilite', 'Déclaration d’accessibilité'],
  ['/documents', 'Documents'],
  ['/demarches', 'Démarches'],
  ['/messagerie', 'Messagerie'],
  ['/prevention', 'Prévention'],
  ['/compte', 'Mon compte'],
  ['/connexion', 'Se connecter'],
  ['/verifier', 'Vérifier une attestation'],
  ['/medecin-traitant', 'Médecin traitant'],
]) {
  test(`the public page ${path} passes axe`, async ({ page }) => {
    await page.goto(path);
    await expect(await appReady(page)).toHaveText(title);
    await expectAccessible(page);
  });
}

test('English is a full switch that survives a reload', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('main h1')).toHaveText('Your reimbursements and requests, online');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(await appReady(page)).toHaveText('Your reimbursements and requests, online');
  await expect(page.getByText(/Demo — this is a demonstration/)).toBeVisible();
  await expectAccessible(page);
});

test('navigating moves focus to the new page heading', async ({ page, isMobile }) => {
  await page.goto('/');
  await appReady(page);
  if (isMobile) await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Documents' }).click();
  await expect(page.locator('main h1')).toHaveText('Documents');
  await expect(page.locator('main h1')).toBeFocused();
  await expect(page).toHaveTitle(/Documents/);
});

test('the skip link is the first stop of the keyboard and leads to the content', { tag: '@desktop' }, async ({ page }) => {
  await page.goto('/aide');
  await appReady(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#contenu')).toBeFocused();
});

test('security headers are on the page and the API', async ({ request }) => {
  for (const path of ['/', '/remboursements', '/api/health']) {
    const res = await request.get(path);
    const h = res.headers();
    expect(h['content-security-policy'], path).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(h['content-security-policy'], path).not.toContain('unsafe-inline');
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('same-origin');
  }
  expect((await request.get('/api/health')).headers()['cache-control']).toBe('no-store');
  expect((await request.get('/')).headers()['cache-control']).toBe('no-cache');
});

test('hashed assets are immutable and served precompressed', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const wasm = html.match(/href="(\/[^"]+_bg\.wasm)"/)?.[1];
  const js = html.match(/href="(\/[^"]+\.js)"/)?.[1];
  expect(wasm, 'wasm link in index.html').toBeTruthy();
  expect(js, 'js link in index.html').toBeTruthy();
  for (const asset of [wasm!, js!]) {
    const res = await request.get(asset, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status(), asset).toBe(200);
    expect(res.headers()['cache-control'], asset).toContain('immutable');
    expect(res.headers()['content-encoding'], asset).toBe('br');
  }
  const gz = await request.get(js!, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
});

test('unknown API paths answer a JSON 404', async ({ request }) => {
  const res = await request.get('/api/does-not-exist');
  expect(res.status()).toBe(404);
  expect(await res.json()).toMatchObject({ code: 'not_found' });
  const health = await request.get('/api/health');
  expect(await health.json()).toMatchObject({ status: 'ok' });
});

test('the portal installs as an app and reopens offline to its shell', { tag: '@desktop' }, async ({ page, context }) => {
  await page.goto('/');
  await appReady(page);
  // Installable: a manifest with a name, a start page and icons that exist.
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest.short_name).toBe('Portail');
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) expect((await page.request.get(icon.src)).ok(), icon.src).toBe(true);

  // The service worker takes over the next load.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await appReady(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // It keeps the shell, never an API answer (personal data).
  const kept: string[] = await page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
  expect(kept).toContain('/');
  expect(kept.some((p) => p.endsWith('.wasm'))).toBe(true);
  // The fund's public keys are the one API answer kept: they are the same for everyone.
  expect(kept.filter((p) => p.startsWith('/api/') && p !== '/api/attestations/keys')).toEqual([]);

  // Offline: the shell opens and says why nothing personal shows.
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('Vous êtes hors ligne');
  await expectAccessible(page);
  await context.setOffline(false);
});

test('the help centre answers as one types, without signing in', async ({ page, consoleErrors }) => {
  await page.goto('/aide');
  await expect(await appReady(page)).toHaveText('Aide');
  const search = page.getByRole('searchbox', { name: 'Rechercher dans l’aide' });
  await search.fill('mot de passe oublié');
  await expect(page.getByRole('status').filter({ hasText: 'réponse' })).toHaveText('1 réponse(s) à votre recherche');
  await expect(page.getByRole('heading', { name: 'Je n’arrive pas à me connecter' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Méfiez-vous des messages frauduleux' })).toHaveCount(0);
  await expectAccessible(page);
  await search.fill('sms frauduleux');
  await expect(page.getByRole('heading', { name: 'Méfiez-vous des messages frauduleux' })).toBeVisible();
  await expect(page.locator('main')).toContainText('33700');
  await search.fill('xylophone');
  await expect(page.locator('main')).toContainText('Aucune réponse ne correspond');
  await search.fill('');
  await expect(page.getByRole('navigation', { name: 'Les sujets' })).toBeVisible();
});
