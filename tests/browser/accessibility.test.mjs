// axe-core (WCAG 2.0/2.1/2.2, A and AA) on every kind of public page, in light
// and dark colour schemes, at the smallest and largest text sizes.
//
// One server and one browser for the whole file; every page × scheme × size
// combination is its own test, so a failure names the page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeCheck, launchBrowser } from './lib/browser.mjs';
import { discoverPages, need } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000; // seeding the demo (120 s at most) + Chromium start

let server;
let browser;
let found = {};

// name → () => [path, expected HTTP status]
const PAGES = {
  home: () => ['/', 200],
  article: () => [need(found.article), 200],
  'article with a correction': () => ['/articles/kampala-mobile-money-outage', 200],
  section: () => [need(found.section), 200],
  contributor: () => [need(found.contributor), 200],
  search: () => ['/search?q=water', 200],
  'not-found': () => ['/no-such-page', 404],
  'newsroom sign-in': () => ['/newsroom/sign-in', 200],
  'newsroom one-time link': () => ['/newsroom/link/0000', 200],
  // The lite edition: text only, its inline style allowed by its hash.
  'lite home': () => ['/lite/', 200],
  'lite article': () => [`/lite${need(found.article)}`, 200],
  'lite article with a correction': () => ['/lite/articles/kampala-mobile-money-outage', 200],
  'lite section': () => [`/lite${need(found.section)}`, 200],
  'lite not-found': () => ['/lite/no-such-page', 404],
};
const SCHEMES = ['light', 'dark'];
const SIZES = ['xs', 'lg'];

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    found = await discoverPages(browser, server.base);
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  for (const [name, where] of Object.entries(PAGES)) {
    for (const colorScheme of SCHEMES) {
      for (const size of SIZES) {
        test(`${name} page, ${colorScheme} scheme, text size ${size}`, { timeout: TEST_TIMEOUT }, async (t) => {
          const [path, status] = where();
          t.diagnostic(`GET ${path}`);
          const url = new URL(path, server.base).href;
          const context = await browser.newContext({ colorScheme });
          try {
            await context.addCookies([
              { name: 'dateline_text_size', value: size, url: server.base },
            ]);
            const page = await context.newPage();
            const res = await page.goto(url, { waitUntil: 'load' });
            assert.ok(res, `no response for ${path}`);
            assert.equal(res.status(), status, `GET ${path} status`);
            const htmlClass = await page.evaluate(() => document.documentElement.className);
            assert.match(
              htmlClass,
              new RegExp(`(^|\\s)ts-${size}(\\s|$)`),
              `<html class="${htmlClass}"> on ${path} should carry ts-${size} from the cookie`,
            );
            if (path.startsWith('/lite/')) {
              // Chromium applied the inline style: its hash matches the page's policy.
              const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
              assert.notEqual(maxWidth, 'none', `the inline style of ${path} was refused`);
            }
            const { violations, report } = await axeCheck(page);
            if (violations.length > 0) {
              throw new Error(
                `${violations.length} axe violation(s) on ${path} ` +
                  `(${colorScheme} scheme, text size ${size}):\n${report}`,
              );
            }
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});
