// The whole newsroom flow in Chromium, through the real pages: a contributor
// uploads an image to the media library and writes an article with it as the
// lead image, then submits it for review (and may not publish it, not even
// with a crafted request); an editor finds it on the dashboard and publishes
// it: the public page shows the lead image as WebP variants with the library's
// alt text and credit and the writer's caption, and its narration waits in
// the queue (workers are off). A scheduled article goes live while the server
// is stopped and is public after a restart on the same data folder. axe-core
// passes on the media library with items and on the editor with a lead image.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { assertAxe, inEachColorScheme, launchBrowser } from './lib/browser.mjs';
import { makePng } from './lib/images.mjs';
import { fillArticle, formProblems, signIn, UPLOADED } from './lib/newsroom.mjs';
import { datelineBin, startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000;
const ENV = { DATELINE_WORKERS: '0' }; // narration jobs stay queued

// The contributor's article and its image.
const ALT = 'Two cranes unloading a container ship at dusk in Mombasa harbour';
const CREDIT = 'Asha Mwangi / Dateline';
const CAPTION = 'The first ship to dock after the strike ended.';
const HEADLINE = 'Cranes move again at Mombasa port as the strike ends';

let server;
let browser;
let dataDir;
// Filled in by the first test, used by the next.
const story = { slug: null, key: null };

// ---- helpers ----

/**
 * Clicks a submit button of the editor and waits for the saved editor page;
 * returns the article's slug. A refusal fails at once with the page's problems.
 */
async function press(page, name) {
  const posted = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.request().isNavigationRequest(),
    { timeout: 20_000 },
  );
  await page.getByRole('button', { name, exact: true }).click();
  const res = await posted;
  if (res.status() !== 303) {
    await page.waitForLoadState('load');
    throw new Error(`${name}: the server answered ${res.status()}: ${await formProblems(page)}`);
  }
  await page.waitForURL(/\/newsroom\/articles\/[^/?]+\?saved$/, { timeout: 10_000 });
  return new URL(page.url()).pathname.split('/').pop();
}

async function badge(page) {
  return (await page.locator('h1 .status-badge').textContent()).trim();
}

/** The status cell of the dashboard row whose headline link is `headline`. */
async function dashboardStatus(page, headline) {
  await page.goto(new URL('/newsroom/', server.base).href);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: headline, exact: true }) });
  assert.equal(await row.count(), 1, `one dashboard row for “${headline}”`);
  return (await row.getByRole('cell').nth(1).textContent()).trim();
}

/** GET as a reader (no session): the status. */
async function publicStatus(path) {
  const res = await fetch(new URL(path, server.base), { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  await res.arrayBuffer();
  return res.status;
}

/** `2026-11-24T19:40:05Z`, `ms` from now, rounded up to a whole second. */
function isoIn(ms) {
  const at = new Date(Math.ceil((Date.now() + ms) / 1000) * 1000);
  return { at, text: at.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

describe('the newsroom workflow', () => {
  before(async () => {
    // keepData: the scheduling test restarts the binary on the same folder.
    server = await startServer({ env: ENV, keepData: true });
    dataDir = server.dataDir;
    browser = await launchBrowser();
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, { timeout: 30_000 });

  test('a contributor uploads an image, writes an article with it and submits it; publishing is refused', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'contributor');
      await Promise.all([page.waitForURL(/\/newsroom\/media$/), page.getByRole('link', { name: 'Media library' }).click()]);

      // Upload, with the progress bar shown while the request is under way.
      await page.getByLabel('Image file').setInputFiles({ name: 'mombasa-cranes.png', mimeType: 'image/png', buffer: makePng(1200, 675, { cell: 32 }) });
      await page.getByLabel('Alt text').fill(ALT);
      await page.getByLabel('Credit').fill(CREDIT);
      const shown = [];
      await page.exposeFunction('progressShown', (value) => shown.push(value));
      await page.evaluate(() => {
        const box = document.querySelector('.upload__progress');
        new MutationObserver(() => {
          if (!box.hidden) window.progressShown(box.querySelector('progress').value);
        }).observe(box, { attributes: true, attributeFilter: ['hidden'] });
      });
      await Promise.all([
        page.waitForURL(UPLOADED, { timeout: 30_000 }),
        page.getByRole('button', { name: 'Upload' }).click(),
      ]);
      assert.ok(shown.length > 0, 'the progress bar was shown during the upload');
      story.key = new URL(page.url()).searchParams.get('uploaded');
      const notice = await page.getByRole('status').filter({ hasText: 'Uploaded:' }).textContent();
      assert.match(notice, new RegExp(`^Uploaded: ${ALT}\\.`));
      const item = page.locator('.library__item').first();
      assert.equal(await item.locator('.library__alt').textContent(), ALT, 'newest first');
      assert.equal(await item.locator('.library__credit').textContent(), `Image: ${CREDIT}`);
      assert.match(await item.locator('.library__meta').textContent(), /^1200×675 · mombasa-cranes\.png · /);

      // The article, with the image as its lead.
      await Promise.all([page.waitForURL(/\/newsroom\/$/), page.getByRole('link', { name: 'Articles' }).click()]);
      await Promise.all([page.waitForURL(/\/newsroom\/articles\/new$/), page.getByRole('link', { name: 'New article' }).click()]);
      await fillArticle(page, {
        headline: HEADLINE,
        section: { label: 'World' },
        text: 'Dockworkers returned to Mombasa on Tuesday.\n\nThe port authority said *all berths* would be working by the weekend.',
      });
      await page.getByLabel('Summary').fill('Container traffic resumed on Tuesday after a nine-day strike.');
      await page.getByLabel('Lead image', { exact: true }).selectOption({ label: `${ALT} (${CREDIT})` });
      await page.getByLabel('Lead image caption').fill(CAPTION);
      story.slug = await press(page, 'Save');
      assert.equal(await badge(page), 'Draft');
      assert.equal(await page.getByLabel('Lead image', { exact: true }).inputValue(), story.key, 'the lead image is kept');
      assert.equal(await page.getByLabel('Lead image caption').inputValue(), CAPTION);

      assert.equal(await press(page, 'Submit for review'), story.slug);
      assert.equal(await badge(page), 'In review');
      assert.equal(await page.getByRole('button', { name: 'Publish', exact: true }).count(), 0, 'a contributor has no Publish button');

      // A crafted request with a valid token and every field is refused.
      const form = page.locator('form.editor');
      const fields = await form.evaluate((f) => Object.fromEntries(new FormData(f)));
      const action = new URL(await form.getAttribute('action'), server.base).href;
      assert.ok(fields.csrf, 'the form carries its token');
      const refused = await page.request.post(action, { form: { ...fields, action: 'publish' }, maxRedirects: 0 });
      assert.equal(refused.status(), 403, 'publish by a contributor');
      assert.equal(await publicStatus(`/articles/${story.slug}`), 404, 'not public');
      // The same request saving instead is accepted: the 403 was the role, not the token.
      const control = await page.request.post(action, { form: { ...fields, action: 'save' }, maxRedirects: 0 });
      assert.equal(control.status(), 303);
      assert.equal(await dashboardStatus(page, HEADLINE), 'In review');
      assert.equal(await publicStatus(`/articles/${story.slug}`), 404, 'still not public');
    } finally {
      await context.close();
    }
  });

  test('an editor finds it on the dashboard and publishes it: lead image, WebP variants, credit, caption; narration queued', { timeout: TEST_TIMEOUT }, async (t) => {
    assert.ok(story.slug && story.key, 'needs the article of the previous test');
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'editor');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: HEADLINE, exact: true }) });
      assert.equal((await row.getByRole('cell').nth(1).textContent()).trim(), 'In review');
      assert.match(await row.getByRole('cell').nth(2).textContent(), /\S/, 'the owner is shown');
      await Promise.all([
        page.waitForURL(new RegExp(`/newsroom/articles/${story.slug}$`)),
        row.getByRole('link', { name: HEADLINE, exact: true }).click(),
      ]);
      assert.equal(await badge(page), 'In review');
      assert.equal(await page.getByLabel('Lead image', { exact: true }).inputValue(), story.key);
      await press(page, 'Publish');
      assert.equal(await badge(page), 'Published');

      // Narration: the editor says it is queued (workers are off).
      const line = page.locator('.narration-state');
      if (await line.count()) {
        assert.match(await line.textContent(), /Narration: queued/);
        t.diagnostic('narration checked on the editor page');
      } else {
        const { stdout } = await promisify(execFile)(datelineBin(), ['jobs', '--data', dataDir], { timeout: 20_000 });
        const mine = stdout.split('\n').filter((l) => l.includes(story.slug));
        assert.ok(mine.some((l) => /queued/.test(l)), `dateline jobs lists ${story.slug} as queued:\n${stdout}`);
        t.diagnostic('no narration line on the editor page: checked with `dateline jobs`');
      }

      // The public page, as a reader sees it.
      const reader = await browser.newContext();
      try {
        const pub = await reader.newPage();
        const res = await pub.goto(new URL(`/articles/${story.slug}`, server.base).href);
        assert.equal(res.status(), 200);
        assert.equal((await pub.getByRole('heading', { level: 1 }).textContent()).trim(), HEADLINE);
        const figure = pub.locator('figure.lead-image');
        const img = figure.locator('picture > img');
        assert.equal(await img.getAttribute('alt'), ALT, 'the alt text from the library');
        const srcset = await figure.locator('picture > source[type="image/webp"]').getAttribute('srcset');
        const entries = srcset.split(',').map((s) => s.trim().split(/\s+/));
        assert.deepEqual(entries.map(([, w]) => w), ['480w', '800w', '1200w'], `variants: ${srcset}`);
        for (const [url] of entries) {
          assert.match(url, /^\/media\/[0-9a-f]{16,}\.webp$/);
          const r = await reader.request.get(new URL(url, server.base).href);
          assert.equal(r.status(), 200, url);
          assert.equal(r.headers()['content-type'], 'image/webp', url);
          assert.equal((await r.body()).subarray(8, 12).toString('latin1'), 'WEBP', url);
        }
        await pub.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 10_000 });
        assert.match(await img.evaluate((el) => el.currentSrc), /\.webp$/, 'the browser chose a WebP variant');
        assert.equal(await figure.locator('figcaption .caption').textContent(), CAPTION);
        assert.equal(await figure.locator('figcaption .credit').textContent(), `Image: ${CREDIT}`);
      } finally {
        await reader.close();
      }
    } finally {
      await context.close();
    }
  });

  test('axe passes on the media library with items and on the editor with a lead image chosen (light, dark)', { timeout: TEST_TIMEOUT }, async () => {
    await inEachColorScheme(browser, async (context, colorScheme) => {
      const page = await signIn(context, server.base, 'editor');
      await page.goto(new URL('/newsroom/media', server.base).href);
      assert.ok((await page.locator('.library__item').count()) > 0, 'the library has items');
      await assertAxe(page, `the media library (${colorScheme})`);

      await page.goto(new URL('/newsroom/articles/new', server.base).href);
      await fillArticle(page, { headline: `Lead image check (${colorScheme})`, section: 'world', text: 'Text.' });
      const choice = page.getByLabel('Lead image', { exact: true });
      const first = await choice.locator('option:not([value=""])').first().getAttribute('value');
      await choice.selectOption(story.key ?? first);
      await page.getByLabel('Lead image caption').fill('A caption.');
      await press(page, 'Save');
      assert.equal(await page.locator('.lead-choice__preview').count(), 1, 'the chosen image is shown');
      await assertAxe(page, `the editor with a lead image (${colorScheme})`);
    });
  });

  test('a scheduled article is not public until its time, and is live after a restart on the same data', { timeout: TEST_TIMEOUT }, async () => {
    const headline = 'Ferry timetable changes from next month';
    const context = await browser.newContext();
    let slug;
    let at;
    try {
      const page = await signIn(context, server.base, 'author');
      await page.goto(new URL('/newsroom/articles/new', server.base).href);
      await fillArticle(page, { headline, section: { label: 'World' }, text: 'The Likoni ferry will run every twenty minutes.' });
      const when = isoIn(12_000);
      at = when.at;
      await page.getByLabel('Publication time').fill(when.text);
      slug = await press(page, 'Publish');
      assert.ok(Date.now() < at.getTime() - 2_000, 'the checks below run before the publication time');
      assert.equal(await badge(page), 'Scheduled');
      assert.equal(await publicStatus(`/articles/${slug}`), 404, 'not public before its time');
      assert.equal(await dashboardStatus(page, headline), 'Scheduled');
      const home = await (await fetch(new URL('/', server.base))).text();
      assert.ok(!home.includes(`/articles/${slug}"`), 'not on the home page yet');
    } finally {
      await context.close();
    }

    const exit = await server.stop();
    assert.deepEqual({ code: exit?.code, signal: exit?.signal }, { code: 0, signal: null }, 'SIGTERM stops it cleanly');
    const wait = at.getTime() + 1_000 - Date.now();
    if (wait > 0) await sleep(wait);
    server = await startServer({ command: 'serve', dataDir, env: ENV });

    const reader = await browser.newContext();
    try {
      const page = await reader.newPage();
      const res = await page.goto(new URL(`/articles/${slug}`, server.base).href);
      assert.equal(res.status(), 200, 'public after its time, on the restarted server');
      assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), headline);
      await page.goto(new URL('/', server.base).href);
      assert.ok((await page.locator(`a[href="/articles/${slug}"]`).count()) > 0, 'on the home page');
      // The rest of the newsroom survived too.
      assert.equal(await publicStatus(`/articles/${story.slug ?? 'kampala-mobile-money-outage'}`), 200);
    } finally {
      await reader.close();
    }
  });
});
