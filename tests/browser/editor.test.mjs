// The article editor with JavaScript (editor.js) in Chromium: the live
// preview is rendered and sanitised by the server as the body is typed;
// autosave reaches the server (a reload shows the text); a failed save keeps
// the text in the browser, where the editor opened again after a crash offers
// it back (Restore / Discard);
// axe-core passes with the preview, the status line and the offer showing.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAxe, inEachColorScheme, launchBrowser } from './lib/browser.mjs';
import { fillArticle, signIn } from './lib/newsroom.mjs';
import { poll } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000;
const AUTOSAVE_WAIT = 30_000; // autosave follows a change by ~15 s

let server;
let browser;

/** Saves a new draft through the form (as without JavaScript); leaves the page on its editor. */
async function newDraft(page, headline) {
  await page.goto(new URL('/newsroom/articles/new', server.base).href);
  await fillArticle(page, { headline, section: 'world', text: 'First text.' });
  await Promise.all([page.waitForURL(/\?saved$/), page.getByRole('button', { name: 'Save', exact: true }).click()]);
  return new URL(page.url()).pathname;
}

const isAutosave = (res) => res.url().endsWith('/autosave') && res.request().method() === 'POST';

/** What the tab does when it is hidden (switched away from, or closing). */
async function hideTab(page) {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** The tab crashes: no unload, no last autosave; only what was kept survives. */
async function crash(page) {
  const cdp = await page.context().newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  cdp.send('Page.crash').catch(() => {}); // never answered: the tab is gone
  await crashed;
}

describe('the editor with JavaScript', () => {
  before(async () => {
    server = await startServer({ env: { DATELINE_WORKERS: '0' } });
    browser = await launchBrowser();
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  test('the live preview follows the typing, rendered and sanitised by the server', { timeout: TEST_TIMEOUT }, async () => {
    await inEachColorScheme(browser, async (context, colorScheme) => {
      const page = await signIn(context, server.base, 'contributor');
      await page.goto(new URL('/newsroom/articles/new', server.base).href);
      const pane = page.getByRole('region', { name: 'Preview of the text' });
      await pane.waitFor({ state: 'visible' });
      await page.getByLabel('Text (Markdown)').fill(
        '# Harbour\n\nBoats *return* at dawn.\n\n<script>window.injected = 1</script><img src=x onerror="window.injected = 2">',
      );
      const heading = pane.getByRole('heading', { name: 'Harbour', level: 2 });
      await heading.waitFor({ timeout: 5_000 });
      assert.equal(await pane.locator('em').textContent(), 'return');
      assert.equal(await pane.locator('script, [onerror]').count(), 0, 'nothing unsanitised reaches the page');
      assert.equal(await page.evaluate(() => window.injected), undefined);

      await page.getByLabel('Text (Markdown)').fill('Changed to *other* words.');
      await poll(async () => (await heading.count()) === 0, { timeoutMs: 5_000 });
      assert.equal(await heading.count(), 0, 'the preview follows the new text');
      assert.equal(await pane.locator('em').textContent(), 'other');
      // A new article stays in this browser until its first Save.
      assert.match(await page.getByRole('status').filter({ hasText: 'Kept in this browser' }).textContent(), /press Save/);
      await assertAxe(page, `the new-article editor with its preview (${colorScheme})`);
    });
  });

  test('autosave reaches the server: a reload shows the text, and the browser copy is gone', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'editor');
      const path = await newDraft(page, 'Autosaved harbour story');
      const slug = path.split('/').pop();
      await page.getByLabel('Text (Markdown)').fill('Saved without pressing Save.');
      const res = await page.waitForResponse(isAutosave, { timeout: AUTOSAVE_WAIT });
      assert.equal(res.status(), 200);
      assert.deepEqual(await res.json(), { saved: 2 });
      await poll(async () => /^Saved /.test(await page.locator('#editor-status').textContent()));
      assert.match(await page.locator('#editor-status').textContent(), /^Saved /);
      assert.equal(await page.locator('input[name="revision"]').inputValue(), '2', 'the next save builds on it');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), `dateline-draft:${slug}`), null,
        'the server confirmed exactly this text: no browser copy left');

      await page.reload();
      assert.equal(await page.getByLabel('Text (Markdown)').inputValue(), 'Saved without pressing Save.');
      assert.equal(await page.locator('#editor-local').isVisible(), false, 'nothing to offer back');
      assert.match(await page.locator('.status-badge').textContent(), /Draft/, 'still a draft');
    } finally {
      await context.close();
    }
  });

  test('a failed save keeps the text in the browser; after a crash it is offered back and can be restored', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const before = await signIn(context, server.base, 'editor');
      const path = await newDraft(before, 'Unreachable harbour story');
      const typed = 'Typed while the newsroom could not be reached.';
      await before.route('**/autosave', (route) => route.abort('failed'));
      await before.getByLabel('Text (Markdown)').fill(typed);
      await hideTab(before);
      await poll(async () => /could not be reached/.test(await before.locator('#editor-status').textContent()));
      assert.match(await before.locator('#editor-status').textContent(), /Not saved: the newsroom could not be reached/);

      // The tab crashes; the editor is opened again (and the newsroom can be reached).
      await crash(before);
      const page = await context.newPage();
      await page.goto(new URL(path, server.base).href);
      const offer = page.getByRole('region', { name: 'Unsaved text in this browser' });
      await offer.waitFor({ state: 'visible' });
      assert.equal(await page.getByLabel('Text (Markdown)').inputValue(), 'First text.', 'the server has the old text');
      assert.match(await offer.textContent(), /This browser kept text from .* that differs from the saved version/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'editor-local', 'focus on the offer');
      await assertAxe(page, 'the editor offering kept text');

      await page.getByRole('button', { name: 'Restore my text' }).click();
      assert.equal(await page.getByLabel('Text (Markdown)').inputValue(), typed);
      assert.equal(await offer.isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'body', 'focus on the restored field');
      assert.match(await page.locator('#editor-status').textContent(), /back in the form\. It is not saved yet/);

      // Restored text is saved like typed text, then survives a reload from the server.
      const saved = page.waitForResponse(isAutosave, { timeout: AUTOSAVE_WAIT });
      await hideTab(page);
      assert.deepEqual(await (await saved).json(), { saved: 2 });
      await page.reload();
      assert.equal(await page.getByLabel('Text (Markdown)').inputValue(), typed);
      assert.equal(await page.locator('#editor-local').isVisible(), false);
    } finally {
      await context.close();
    }
  });

  test('kept text can be discarded, and the server copy stays as it was', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const before = await signIn(context, server.base, 'editor');
      const path = await newDraft(before, 'Discarded harbour story');
      await before.route('**/autosave', (route) => route.abort('failed'));
      await before.getByLabel('Text (Markdown)').fill('Second thoughts.');
      await hideTab(before);
      await poll(async () => /could not be reached/.test(await before.locator('#editor-status').textContent()));
      await crash(before);
      const page = await context.newPage();
      await page.goto(new URL(path, server.base).href);
      await page.getByRole('button', { name: 'Discard it' }).click();
      assert.equal(await page.getByLabel('Text (Markdown)').inputValue(), 'First text.');
      assert.match(await page.locator('#editor-status').textContent(), /discarded/);
      await page.reload();
      assert.equal(await page.locator('#editor-local').isVisible(), false, 'not offered again');
    } finally {
      await context.close();
    }
  });
});
