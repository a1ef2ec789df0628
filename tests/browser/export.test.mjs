// The static export in Chromium: the sample newsroom exported by
// `dateline export`, served by a plain file server (python3 -m http.server)
// with no Dateline process. Search finds articles in the browser
// (search.js + search/index.json); the text size chosen on one page is kept
// on the next (site.js reads the cookie, as no server does); the search page
// passes axe.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertAxe, launchBrowser } from './lib/browser.mjs';
import { cookieValue, poll } from './lib/pages.mjs';
import { datelineBin, freePort, startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000;

let out;
let dataDir;
let files;
let browser;
let base;

describe('static export', () => {
  before(async () => {
    // Seed the sample newsroom, stop it, export its data folder.
    const seeded = await startServer({ keepData: true, env: { DATELINE_WORKERS: '0' } });
    dataDir = seeded.dataDir;
    await seeded.stop();
    out = await mkdtemp(path.join(os.tmpdir(), 'dateline-export-'));
    const exported = spawnSync(datelineBin(), ['export', path.join(out, 'site'), '--data', dataDir], { encoding: 'utf8' });
    assert.equal(exported.status, 0, `dateline export failed:\n${exported.stdout}${exported.stderr}`);

    const port = await freePort();
    files = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', path.join(out, 'site')], {
      stdio: 'ignore',
    });
    base = `http://127.0.0.1:${port}`;
    assert.ok(await poll(async () => (await fetch(`${base}/`).catch(() => null))?.ok, { timeoutMs: 20_000 }),
      'python3 -m http.server did not start');
    browser = await launchBrowser();
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    files?.kill();
    if (out) await rm(out, { recursive: true, force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, { timeout: 30_000 });

  test('the header search finds articles with no server', { timeout: TEST_TIMEOUT }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/`);
      await page.fill('#search', 'Nyando');
      await Promise.all([page.waitForURL(/\/search\/\?q=Nyando/), page.press('#search', 'Enter')]);
      const results = page.locator('#static-search li');
      await results.first().waitFor({ timeout: 10_000 });
      const heading = await page.locator('#results-heading').textContent();
      assert.match(heading, /Nyando/, `results heading: ${heading}`);
      const href = await results.first().locator('a').first().getAttribute('href');
      assert.match(href, /^\/articles\/[a-z0-9-]+\/$/);
      const res = await page.goto(new URL(href, base).href);
      assert.equal(res?.status(), 200, `GET ${href}`);
      assert.match(await page.locator('h1').textContent(), /Nyando/);

      await page.goto(`${base}/search/?q=zzzznothing`);
      const settled = async () => {
        const text = await page.locator('#results-heading').textContent();
        return text !== '' && !text.includes('…') && text;
      };
      assert.match(await poll(settled), /Nothing matched/);
      assert.equal(await page.locator('#static-search li').count(), 0);
      await assertAxe(page, 'the static search page with no results');
      await page.goto(`${base}/search/?q=Nyando`);
      await page.locator('#static-search li').first().waitFor({ timeout: 10_000 });
      await assertAxe(page, 'the static search page with results');
    } finally {
      await page.close();
    }
  });

  test('a chosen text size stays on the next page', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.locator('a[data-text-size="lg"]').first().click();
      assert.equal(await cookieValue(context, base, 'dateline_text_size'), 'lg');
      const section = await page.locator('#nav a').first().getAttribute('href');
      await page.goto(new URL(section, base).href);
      const cls = () => page.evaluate(() => document.documentElement.className);
      assert.ok(await poll(async () => (await cls()).includes('ts-lg')), `<html class="${await cls()}">`);
      assert.equal(await page.locator('a[data-text-size="lg"]').first().getAttribute('aria-current'), 'true');
    } finally {
      await context.close();
    }
  });
});
