// Reflow (WCAG 1.4.10): at 320 CSS pixels wide — a 1280-pixel screen zoomed to 400 %, or a
// small phone with large text — every page reads without scrolling sideways, public pages
// and a member's pages alike. Tables may scroll inside their own region, never the page.
import { test, expect, appReady, persona, signInByEmail } from './support';
import type { Page } from '@playwright/test';

/** Fails when the page itself scrolls sideways, naming the widest element. */
async function expectNoSidewaysScroll(page: Page, path: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    let widest = '';
    let max = 0;
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const inScroller = el.closest('.table-scroll');
      const right = el.getBoundingClientRect().right;
      if (!inScroller && right > max) {
        max = right;
        widest = `${el.tagName.toLowerCase()}.${(el as HTMLElement).className}`;
      }
    }
    return `${document.documentElement.scrollWidth}px > ${width}px (${widest})`;
  });
  expect(overflow, `${path} scrolls sideways`).toBeNull();
}

const PUBLIC = ['/', '/connexion', '/creer-mon-compte', '/mot-de-passe-oublie', '/aide',
  '/remboursements/simulateur', '/verifier', '/accessibilite', '/agent/connexion'];

test.describe('at 320 pixels wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('public pages reflow without sideways scrolling', { tag: '@phone' }, async ({ page, consoleErrors }) => {
    for (const path of PUBLIC) {
      await page.goto(path);
      await appReady(page);
      await expectNoSidewaysScroll(page, path);
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a member’s pages reflow without sideways scrolling', { tag: '@phone' }, async ({ page, consoleErrors }) => {
    test.setTimeout(90_000);
    await signInByEmail(page, persona('Élise Fabre'));
    for (const path of ['/', '/remboursements', '/documents', '/carte-europeenne', '/medecin-traitant',
      '/demarches', '/demarches/nouvelle/css', '/messagerie', '/messagerie/nouveau', '/prevention', '/compte']) {
      await page.goto(path);
      await appReady(page);
      // Wait for the page's data, not only its title.
      await expect(page.locator('main .loading')).toHaveCount(0);
      await expectNoSidewaysScroll(page, path);
    }
    expect(consoleErrors).toEqual([]);
  });
});
