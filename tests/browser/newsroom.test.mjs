// The newsroom in Chromium: each demo person signs in through the real form
// (no JavaScript needed) and opens every newsroom page their role may; the
// others answer 403 with the error page. The form-error states pass axe-core
// (WCAG 2.2 A/AA) in light and dark; axe on every newsroom page is in
// accessibility.test.mjs.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAxe, inEachColorScheme, launchBrowser } from './lib/browser.mjs';
import { signIn } from './lib/newsroom.mjs';
import { startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000;

// Who, and which pages they may open (others must be refused).
const EDIT = '/newsroom/articles/kampala-mobile-money-outage';
const HISTORY = `${EDIT}/history`;
const PEOPLE = {
  admin: ['/newsroom/', '/newsroom/articles/new', '/newsroom/media', '/newsroom/password', '/newsroom/users', '/newsroom/api-keys', '/newsroom/audit', '/newsroom/breaking', EDIT, HISTORY, '/newsroom/lexicon', '/newsroom/contributors', '/newsroom/sections'],
  editor: ['/newsroom/', '/newsroom/articles/new', '/newsroom/media', '/newsroom/password', '/newsroom/audit', '/newsroom/breaking', EDIT, HISTORY, '/newsroom/lexicon', '/newsroom/contributors', '/newsroom/sections'],
  contributor: ['/newsroom/', '/newsroom/articles/new', '/newsroom/media', '/newsroom/password'],
};
const ALL_PAGES = ['/newsroom/', '/newsroom/articles/new', '/newsroom/media', '/newsroom/password', '/newsroom/users', '/newsroom/api-keys', '/newsroom/audit', '/newsroom/breaking', EDIT, HISTORY, '/newsroom/lexicon', '/newsroom/contributors', '/newsroom/sections'];

let server;
let browser;

describe('newsroom pages', () => {
  before(async () => {
    server = await startServer({ env: { DATELINE_WORKERS: '0' } });
    browser = await launchBrowser();
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  // axe on each of these pages (signed in, light/dark, XS/LG) is in the
  // accessibility gate (accessibility.test.mjs); this is who may open what.
  for (const [role, allowed] of Object.entries(PEOPLE)) {
    test(`${role}: opens every page it may and is refused the others (403)`, { timeout: TEST_TIMEOUT }, async () => {
      const context = await browser.newContext();
      try {
        const page = await signIn(context, server.base, role);
        for (const path of ALL_PAGES) {
          const res = await page.goto(new URL(path, server.base).href);
          const expected = allowed.includes(path) ? 200 : 403;
          assert.equal(res.status(), expected, `${role} GET ${path}`);
        }
      } finally {
        await context.close();
      }
    });
  }

  test('the editor with every problem marked next to its field passes axe', { timeout: TEST_TIMEOUT }, async () => {
    await inEachColorScheme(browser, async (context, colorScheme) => {
      const page = await signIn(context, server.base, 'author');
      await page.goto(new URL('/newsroom/articles/new', server.base).href);
      await page.getByLabel('Web address (slug)').fill('Not A Slug');
      await page.getByLabel('Publication time').fill('next tuesday');
      await page.getByLabel('Headline').fill('x');
      await page.getByLabel('Headline').fill('');
      await page.locator('#headline').evaluate((el) => el.removeAttribute('required'));
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save', exact: true }).click()]);
      assert.match(await page.getByRole('alert').first().textContent(), /need fixing/);
      for (const id of ['headline', 'slug', 'publish_at']) {
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
      }
      await assertAxe(page, `the editor with every problem marked (${colorScheme})`);
    });
  });

  test('a wrong password shows one generic message next to the form, and signs nobody in', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(new URL('/newsroom/sign-in', server.base).href);
      await page.getByLabel('Email address').fill('editor@newsroom.test');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState('load');
      assert.equal(await page.getByRole('alert').textContent(), 'The email address or password is not right.');
      const res = await page.goto(new URL('/newsroom/', server.base).href);
      assert.match(page.url(), /\/newsroom\/sign-in\?next=/, 'still signed out');
      assert.ok(res);
      await assertAxe(page, 'the sign-in page after a wrong password');
    } finally {
      await context.close();
    }
  });
});
