// The text-size control works with and without JavaScript and is remembered
// in the dateline_text_size cookie; the skip links come first in tab order and
// show when focused.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { cookieValue, discoverPages, need, poll } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000;
const COOKIE = 'dateline_text_size';

let server;
let browser;
let found = {};

const htmlClass = (page) => page.evaluate(() => document.documentElement.className);
const hasClass = (cls, name) => cls.split(/\s+/).includes(name);

describe('text size and skip links', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    found = await discoverPages(browser, server.base);
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  test('without JavaScript: the size=lg link round-trips to the same article', { timeout: TEST_TIMEOUT }, async () => {
    const article = need(found.article);
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const res = await page.goto(new URL(article, server.base).href);
      assert.equal(res?.status(), 200, `GET ${article}`);

      const link = page.locator('a[href*="size=lg"]').first();
      assert.equal(await link.count(), 1, `no text-size link with size=lg on ${article}`);
      const href = await link.getAttribute('href');

      const navigated = page.waitForEvent('framenavigated', {
        predicate: (frame) => frame === page.mainFrame(),
        timeout: 15_000,
      });
      await link.click();
      await navigated;
      await page.waitForLoadState('load');

      const landed = new URL(page.url());
      assert.equal(landed.pathname, article.split('?')[0],
        `after following ${href} the browser should be back on ${article}, is on ${page.url()}`);
      assert.ok(hasClass(await htmlClass(page), 'ts-lg'),
        `<html class="${await htmlClass(page)}"> should have ts-lg after choosing LG`);
      assert.equal(await cookieValue(context, server.base, COOKIE), 'lg', `${COOKIE} cookie`);

      await page.reload();
      assert.ok(hasClass(await htmlClass(page), 'ts-lg'),
        `after reload <html class="${await htmlClass(page)}"> should still have ts-lg`);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript: the size=xs link applies in place, without a navigation', { timeout: TEST_TIMEOUT }, async () => {
    const article = need(found.article);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const res = await page.goto(new URL(article, server.base).href);
      assert.equal(res?.status(), 200, `GET ${article}`);
      const before = page.url();

      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      await page.evaluate(() => {
        window.__marker = 1;
      });

      const link = page.locator('a[href*="size=xs"]').first();
      assert.equal(await link.count(), 1, `no text-size link with size=xs on ${article}`);
      await link.click();

      const applied = await poll(async () => hasClass(await htmlClass(page), 'ts-xs'));
      assert.ok(applied, `<html class="${await htmlClass(page)}"> should become ts-xs after clicking XS`);
      // Give a stray navigation (a link that was not intercepted) time to show.
      await page.waitForTimeout(500);

      assert.equal(navigations, 0, 'clicking XS must not navigate when JavaScript runs');
      assert.equal(page.url(), before, 'URL unchanged');
      assert.equal(await page.evaluate(() => window.__marker), 1,
        'the page was not reloaded (window.__marker survives)');
      const cookie = await poll(() => cookieValue(context, server.base, COOKIE));
      assert.equal(cookie, 'xs', `${COOKIE} cookie`);
      assert.equal(await link.getAttribute('aria-current'), 'true',
        'the chosen size link has aria-current="true"');

      await page.reload();
      assert.ok(hasClass(await htmlClass(page), 'ts-xs'),
        `after reload <html class="${await htmlClass(page)}"> should still have ts-xs`);
    } finally {
      await context.close();
    }
  });

  for (const which of ['home', 'article']) {
    test(`skip links are the first three tab stops and show on focus (${which} page)`, { timeout: TEST_TIMEOUT }, async () => {
      const path = which === 'home' ? '/' : need(found.article);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const res = await page.goto(new URL(path, server.base).href);
        assert.equal(res?.status(), 200, `GET ${path}`);

        for (const target of ['#main', '#nav', '#search']) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const el = document.activeElement;
            return el ? { tag: el.tagName, href: el.getAttribute('href'), html: el.outerHTML.slice(0, 200) } : null;
          });
          assert.equal(focused?.href, target,
            `tab stop for ${target} on ${path}: focused ${focused ? focused.html : 'nothing'}`);

          // Visible: a non-empty box inside the viewport (polled: a reveal may animate).
          let box;
          const visible = await poll(async () => {
            box = await page.evaluate(() => {
              const el = document.activeElement;
              const r = el.getBoundingClientRect();
              const cs = getComputedStyle(el);
              return { top: r.top, left: r.left, bottom: r.bottom, right: r.right,
                width: r.width, height: r.height, vw: window.innerWidth, vh: window.innerHeight,
                visibility: cs.visibility, opacity: cs.opacity, clip: cs.clip, clipPath: cs.clipPath };
            });
            // Not the 1×1 clipped "visually hidden" box, not transparent, not off screen.
            return box.width >= 10 && box.height >= 10 && box.top >= 0 && box.left >= 0 &&
              box.bottom <= box.vh && box.right <= box.vw &&
              box.visibility === 'visible' && Number(box.opacity) > 0 &&
              box.clip === 'auto' && box.clipPath === 'none';
          }, { timeoutMs: 2_000 });
          assert.ok(visible, `focused skip link ${target} on ${path} must be visible in the viewport: ${JSON.stringify(box)}`);

          const exists = await page.evaluate((id) => document.getElementById(id) !== null, target.slice(1));
          assert.ok(exists, `skip link ${target} on ${path} points at an element that does not exist`);
        }
      } finally {
        await context.close();
      }
    });
  }
});
