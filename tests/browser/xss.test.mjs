// Cross-site scripting in Chromium: OWASP filter-evasion payloads typed into
// every text field a newsroom person can fill, then every page that shows
// those fields is opened, and no payload may run.
//
// Two detectors, so a pass cannot be vacuous (a self-test proves both fire):
// - execution: payloads call `__xss(n)`, a binding exposed to every page, and
//   any dialog (alert/confirm/prompt) counts too;
// - injection: after each page loads, the DOM is searched for markup a
//   payload could only have put there (event-handler attributes, javascript:
//   URLs, foreign scripts, frames, objects, <base>, meta refresh…), which
//   catches payloads that would need a click or a focus to run.
// The context bypasses any Content-Security-Policy, so what is tested is the
// escaping and sanitising itself, not a second line of defence.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { DEMO_PASSWORD, formProblems } from './lib/newsroom.mjs';
import { datelineBin, startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 90_000;
const SETUP_TIMEOUT = 240_000;
const run = promisify(execFile);

// `c` is the call that reports execution (`__xss(n)`). Every payload fits the
// shortest field it goes into (80 characters: dateline, section name).
const TEMPLATES = [
  (c) => `<script>${c}</script>`,
  (c) => `<img src=x onerror=${c}>`,
  (c) => `<svg/onload=${c}>`,
  (c) => `<svg><script>${c}</script></svg>`,
  (c) => `"><script>${c}</script>`,
  (c) => `'><img src=x onerror=${c}>`,
  (c) => `'-${c}-'`,
  (c) => `";${c};//`,
  (c) => `[x](javascript:${c})`,
  (c) => `![x](javascript:${c})`,
  (c) => `[x](jav&#x09;ascript:${c})`,
  (c) => `<javascript:${c}>`,
  (c) => `<a href="jav&#x09;ascript:${c}">x</a>`,
  (c) => `<a href="&#106;avascript:${c}">x</a>`,
  (c) => `<iframe src=javascript:${c}></iframe>`,
  (c) => `<iframe srcdoc="<script>parent.${c}</script>">`,
  (c) => `<body onload=${c}>`,
  (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`,
  (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`,
  (c) => `<details open ontoggle=${c}>`,
  (c) => `<input autofocus onfocus=${c}>`,
  (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`,
  (c) => `</textarea><script>${c}</script>`,
  (c) => `</title><script>${c}</script>`,
  (c) => `<scr<script>ipt>${c}</scr</script>ipt>`,
  (c) => `<IMG """><SCRIPT>${c}</SCRIPT>">`,
  (c) => `<form><button formaction=javascript:${c}>x</button></form>`,
  (c) => `<meta http-equiv=refresh content="0;url=javascript:${c}">`,
  () => '{{7*7}} {% if 1 %}49{% endif %} ${7*7} #{7*7}',
  () => '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  () => '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  () => '<img src=x onerror=alert(1)>',
];
const PAYLOADS = TEMPLATES.map((make, i) => make(`__xss(${i})`));

// The breaking strip's link takes a site path or an http(s) URL; these try
// both the validation (`refused`) and the attribute it lands in.
const LINKS = [
  { link: 'javascript:__xss(100)', refused: true },
  { link: 'jav&#x09;ascript:__xss(101)', refused: true },
  { link: ' javascript:__xss(102)', refused: true },
  { link: 'data:text/html,<script>__xss(103)</script>', refused: true },
  { link: '/"><svg/onload=__xss(104)>', refused: false },
  { link: "/'onmouseover='__xss(105)'", refused: false },
  { link: 'https://example.org/"><script>__xss(106)</script>', refused: false },
];

/** Runs in the page: markup that only an injection could have put there. */
function findInjected() {
  const found = [];
  const here = location.origin;
  const ours = (url) => {
    try {
      return new URL(url, location.href).origin === here;
    } catch {
      return false;
    }
  };
  const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'background', 'poster', 'codebase'];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'animate', 'set', 'style'].includes(tag)) {
      found.push(`<${tag}>`);
    }
    // Our own scripts are files; the one inline element allowed is the page's
    // JSON-LD, a data block browsers never run, and only while it still parses
    // as JSON (text breaking out of it would leave it broken and add elements).
    const isDataBlock = () => {
      if (el.type !== 'application/ld+json' || el.src) return false;
      try {
        JSON.parse(el.text);
        return true;
      } catch {
        return false;
      }
    };
    if (tag === 'script' && !(el.src && ours(el.src) && !el.text.trim()) && !isDataBlock()) {
      found.push(`<script ${el.src}>${el.text}`);
    }
    if (tag === 'link' && !ours(el.href)) found.push(`<link href=${el.href}>`);
    if (tag === 'meta' && /refresh/i.test(el.httpEquiv)) found.push('<meta http-equiv=refresh>');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || name === 'srcdoc') found.push(`<${tag} ${name}=${attr.value}>`);
      if (URL_ATTRIBUTES.includes(name)) {
        let protocol = '';
        try {
          protocol = new URL(attr.value, location.href).protocol;
        } catch {
          continue;
        }
        const dataOk = protocol === 'data:' && (tag === 'img' || tag === 'source');
        if (['javascript:', 'vbscript:', 'data:'].includes(protocol) && !dataOk) {
          found.push(`<${tag} ${name}=${attr.value}>`);
        }
      }
      if (name === 'style' && /expression\(|javascript:|url\(/i.test(attr.value)) {
        found.push(`<${tag} style=${attr.value}>`);
      }
    }
  }
  return found;
}

let server;
let browser;
/** Payload calls and dialogs seen anywhere: { what, where }. */
const ran = [];
/** Injected markup found on pages: { what, where }. */
const injected = [];

/** A browser context that reports payloads: the binding, dialogs, no CSP. */
async function newContext() {
  const context = await browser.newContext({ bypassCSP: true });
  await context.exposeBinding('__xss', ({ page }, n) => {
    ran.push({ what: `__xss(${n}): ${PAYLOADS[n] ?? LINKS[n - 100]?.link ?? n}`, where: page.url() });
  });
  context.on('dialog', (dialog) => {
    ran.push({ what: `${dialog.type()}(${dialog.message()})`, where: dialog.page()?.url() ?? '?' });
    dialog.dismiss().catch(() => {});
  });
  return context;
}

/** Both detectors must be empty. */
function assertClean() {
  const report = (list) => list.map((r) => `  ${r.what}\n    at ${r.where}`).join('\n');
  assert.equal(ran.length, 0, `payloads ran:\n${report(ran)}`);
  assert.equal(injected.length, 0, `markup was injected:\n${report(injected)}`);
}

/** Looks for injected markup on the loaded page; fails at the first page with any. */
async function check(page, label) {
  for (const what of await page.evaluate(findInjected)) {
    injected.push({ what, where: `${label} ${page.url()}` });
  }
  assertClean();
}

/** At the end of a test, late handlers (timers, toggles) get a moment to report. */
async function assertNothingRan() {
  await sleep(300);
  assertClean();
}

async function open(page, path, label = path) {
  const res = await page.goto(new URL(path, server.base).href);
  assert.ok(res, `${path}: no response`);
  await check(page, label);
  return res.status();
}

/**
 * Sets form fields by id, as a script would: past maxlength, and as plain
 * text (an email field would trim and strip what is typed into it).
 */
async function fill(page, values) {
  await page.evaluate((values) => {
    for (const [id, value] of Object.entries(values)) {
      const el = document.getElementById(id);
      if (!el) throw new Error(`no field #${id}`);
      if (el.type === 'email') el.type = 'text';
      el.value = value;
    }
  }, values);
}

/**
 * Submits the form holding `selector` (a field or a submit button, which is
 * then the submitter) in this tab; returns the final status after redirects.
 */
async function submit(page, selector, label) {
  const response = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && ![301, 302, 303].includes(r.status()),
    { timeout: 15_000 },
  );
  // The response comes before the new document replaces the old one.
  const committed = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 15_000 });
  await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    el.removeAttribute('formtarget'); // Preview opens a new tab otherwise
    el.form.noValidate = true; // the server is what is tested
    el.form.requestSubmit(el.type === 'submit' ? el : undefined);
  }, selector);
  const [res] = await Promise.all([response, committed]);
  await page.waitForLoadState('load');
  const status = res.status();
  await check(page, label);
  return status;
}

/** The value of each field, to prove escaped text comes back exactly as typed. */
async function values(page, ids) {
  return page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id)?.value])), ids);
}

async function signIn(context, who) {
  const page = await context.newPage();
  await page.goto(new URL('/newsroom/sign-in', server.base).href);
  await fill(page, { email: `${who}@newsroom.test`, password: DEMO_PASSWORD });
  assert.equal(await submit(page, '#email', 'sign-in'), 200);
  assert.match(page.url(), /\/newsroom\/$/, `${who} signed in`);
  return page;
}

/** Tags are at most 50 characters each: long payloads go in as pieces. */
function asTags(payload) {
  return payload.match(/.{1,45}/g).join(', ');
}

describe('no script runs from anything a newsroom person types', () => {
  let page; // the editor's tab

  before(async () => {
    assert.ok(PAYLOADS.every((p) => p.length <= 80), 'every payload fits an 80-character field');
    server = await startServer({ env: { DATELINE_WORKERS: '0' } });
    browser = await launchBrowser();
    page = await signIn(await newContext(), 'editor');
  }, { timeout: SETUP_TIMEOUT });

  // One test's findings must not fail the next.
  beforeEach(() => {
    ran.length = 0;
    injected.length = 0;
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  test('the detectors themselves notice a script that runs and injected markup', { timeout: TEST_TIMEOUT }, async () => {
    const context = await newContext();
    try {
      const probe = await context.newPage();
      await open(probe, '/', 'self-test');
      await probe.evaluate(() => {
        document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=__xss(-1)>');
        setTimeout(() => alert('self-test'), 0);
      });
      await assert.rejects(check(probe, 'self-test'), /markup was injected|payloads ran/);
      await sleep(500);
      assert.ok(ran.some((r) => r.what.startsWith('__xss(-1)')), 'the binding reports');
      assert.ok(ran.some((r) => r.what === 'alert(self-test)'), 'dialogs report');
      assert.ok(injected.some((r) => r.what.includes('onerror')), 'the DOM search reports');
    } finally {
      ran.length = 0;
      injected.length = 0;
      await context.close();
    }
  });

  test('contributors and sections: names, bios and slugs', { timeout: TEST_TIMEOUT }, async () => {
    // After a save the list page comes back with an empty form for the next one.
    await open(page, '/newsroom/contributors');
    for (const [i, payload] of PAYLOADS.entries()) {
      await fill(page, { slug: payload, name: payload, bio: payload });
      assert.equal(await submit(page, '#slug', `contributor ${i}, bad slug`), 422);
      assert.deepEqual(await values(page, ['slug', 'name', 'bio']), { slug: payload, name: payload, bio: payload });
      await fill(page, { slug: `xss-person-${i}` });
      assert.equal(await submit(page, '#slug', `contributor ${i}`), 200);
    }
    await open(page, '/newsroom/sections');
    for (const [i, payload] of PAYLOADS.entries()) {
      await fill(page, { slug: payload, name: payload, language: 'en', position: `${100 + i}` });
      assert.equal(await submit(page, '#slug', `section ${i}, bad slug`), 422);
      assert.deepEqual(await values(page, ['slug', 'name']), { slug: payload, name: payload });
      await fill(page, { slug: `xss-section-${i}` });
      assert.equal(await submit(page, '#slug', `section ${i}`), 200);
    }
    for (const i of PAYLOADS.keys()) {
      assert.equal(await open(page, `/newsroom/contributors/xss-person-${i}`), 200);
      assert.equal(await open(page, `/newsroom/sections/xss-section-${i}`), 200);
    }
    await assertNothingRan();
  });

  test('articles: every field; the form with errors, saved, preview, correction, history, the page', { timeout: TEST_TIMEOUT }, async () => {
    const fields = [
      'headline', 'dek', 'slug', 'contributors', 'dateline', 'language', 'tags', 'summary', 'body', 'publish_at',
    ];
    for (const [i, payload] of PAYLOADS.entries()) {
      const typed = {
        headline: payload,
        dek: payload,
        slug: payload,
        contributors: payload,
        dateline: payload,
        language: payload,
        tags: asTags(payload),
        summary: payload,
        body: `${payload}\n\n${payload}`,
        publish_at: payload,
      };
      await open(page, '/newsroom/articles/new');
      await fill(page, typed);
      assert.equal(await submit(page, 'button[value="save"]', `article ${i}, every field wrong`), 422);
      assert.deepEqual(await values(page, fields), typed, 'the form comes back exactly as typed');

      await fill(page, {
        slug: `xss-${i}`,
        section: `xss-section-${i}`,
        contributors: `xss-person-${i}`,
        language: 'en',
        publish_at: '',
      });
      let published = await submit(page, 'button[value="publish"]', `article ${i}, published`);
      if (published === 422 && /image .* was not found/.test(await formProblems(page))) {
        // Markdown images must name a stored picture: the refusal (just
        // checked) is the defence; publish the rest without them.
        await fill(page, { body: 'The picture was refused.' });
        published = await submit(page, 'button[value="publish"]', `article ${i}, published without the image`);
      }
      assert.equal(published, 200, `article ${i} (${payload}): ${await formProblems(page)}`);
      assert.match(page.url(), new RegExp(`/newsroom/articles/xss-${i}\\?saved$`));

      await fill(page, { correction: payload });
      assert.equal(await submit(page, '#correction', `article ${i}, corrected`), 200);
      assert.equal(await submit(page, 'button[value="preview"]', `article ${i}, preview`), 200);
      const previewed = await page.locator('h1.story__headline').textContent();
      assert.equal(previewed, payload, 'the preview shows the headline as text');

      assert.equal(await open(page, `/newsroom/articles/xss-${i}/history`), 200);
      assert.equal(await open(page, `/articles/xss-${i}`), 200);
      assert.equal(await page.locator('h1.story__headline').textContent(), payload, 'escaped, not eaten');
      const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
      assert.equal(ld.headline, payload, 'the JSON-LD holds the headline exactly');
      assert.ok((await page.title()).startsWith(payload), 'the title too');
    }
    await assertNothingRan();
  });

  test('the media library: alt text, credit and file name; as a lead image and a contributor photo', { timeout: TEST_TIMEOUT }, async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      // A distinct little picture for each payload, drawn by the browser itself.
      const png = await page.evaluate((i) => {
        const canvas = document.createElement('canvas');
        canvas.width = 40 + i;
        canvas.height = 30;
        const g = canvas.getContext('2d');
        g.fillStyle = `hsl(${i * 11}, 70%, 50%)`;
        g.fillRect(0, 0, canvas.width, canvas.height);
        return canvas.toDataURL('image/png').split(',')[1];
      }, i);
      await open(page, '/newsroom/media');
      await page.setInputFiles('#file', { name: `${payload}.png`, mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
      await fill(page, { alt: payload, credit: payload });
      assert.equal(await submit(page, '#alt', `upload ${i}`), 200, `upload ${i}: ${await formProblems(page)}`);
      const key = new URL(page.url()).searchParams.get('uploaded');
      assert.ok(key, `upload ${i} reached the library (${page.url()})`);
      assert.equal(await page.locator('.library__alt').first().textContent(), payload, 'alt text shown as text');

      // The lead image of the article published above, with the payload as caption too.
      await open(page, `/newsroom/articles/xss-${i}`);
      await fill(page, { lead_image: key, lead_caption: payload });
      assert.equal(await submit(page, 'button[value="save"]', `article ${i}, lead image`), 200, await formProblems(page));
      assert.equal(await open(page, `/articles/xss-${i}`), 200);
      assert.equal(await page.locator('.lead-image img').getAttribute('alt'), payload);

      // A contributor photo made from it.
      await open(page, `/newsroom/contributors/xss-person-${i}`);
      await fill(page, { photo: key });
      assert.equal(await submit(page, '#slug', `contributor ${i}, photo`), 200, await formProblems(page));
      assert.equal(await open(page, `/contributors/xss-person-${i}`), 200);
    }
    assert.equal(await open(page, '/newsroom/media'), 200);
    assert.equal(await open(page, '/newsroom/articles/new'), 200, 'the lead image choices');
    assert.equal(await open(page, '/newsroom/contributors/xss-person-0'), 200, 'the photo choices');
    await assertNothingRan();
  });

  test('the breaking strip: its text and its link', { timeout: TEST_TIMEOUT }, async () => {
    for (const [i, payload] of PAYLOADS.entries()) {
      await open(page, '/newsroom/breaking');
      await fill(page, { text: payload, link: `/articles/xss-${i}`, until: '1h' });
      assert.equal(await submit(page, '#text', `strip ${i}`), 200);
      assert.equal(await open(page, '/', `home with strip ${i}`), 200);
      assert.ok((await page.locator('body').textContent()).includes(payload), `strip ${i} shown as text`);
    }
    for (const { link, refused } of LINKS) {
      await open(page, '/newsroom/breaking');
      await fill(page, { text: 'Strip with a strange link', link, until: '1h' });
      const status = await submit(page, '#text', `strip link ${link}`);
      assert.equal(status, refused ? 422 : 200, link);
      if (refused) {
        assert.equal((await values(page, ['link'])).link, link, 'the refused link comes back as typed');
      }
      await open(page, '/', `home with strip link ${link}`);
    }
    await assertNothingRan();
  });

  test('the pronunciation lexicon: entries saved, and entries refused', { timeout: TEST_TIMEOUT }, async () => {
    // JSON string escapes are valid TOML basic strings.
    const toml = (key) => PAYLOADS.map((p) => `${JSON.stringify(p)} = { ${key} = ${JSON.stringify(p)} }`).join('\n');
    await open(page, '/newsroom/lexicon');
    await fill(page, { text: toml('say') });
    assert.equal(await submit(page, '#text', 'lexicon saved'), 200);
    assert.equal((await values(page, ['text'])).text, toml('say'));
    await fill(page, { text: toml('ipa') });
    assert.equal(await submit(page, '#text', 'lexicon refused'), 422, 'payloads are not IPA');
    assert.equal(await open(page, '/newsroom/lexicon?lang=en'), 200);
    await assertNothingRan();
  });

  test("people's names: the bar, the dashboard, history, users and the audit log", { timeout: TEST_TIMEOUT }, async () => {
    const data = ['--data', server.dataDir];
    for (const [i, payload] of PAYLOADS.entries()) {
      const email = `xss-${i}@newsroom.test`;
      await run(datelineBin(), ['user', 'add', '--email', email, '--name', payload, '--role', 'contributor', '--link', ...data]);
    }
    // One person named with every payload signs in and writes.
    const name = PAYLOADS.join(' ');
    const { stdout } = await run(datelineBin(), [
      'user', 'add', '--email', 'named@newsroom.test', '--name', name, '--role', 'author', '--link', ...data,
    ]);
    const link = stdout.match(/\/newsroom\/link\/\w+/)[0];
    const context = await newContext();
    try {
      const named = await context.newPage();
      assert.equal(await open(named, link), 200);
      assert.equal(await submit(named, 'form[action^="/newsroom/link/"] button', 'signed in by link'), 200);
      assert.match(named.url(), /\/newsroom\/password$/);
      const bar = await named.locator('.newsroom-bar__me span').textContent();
      assert.equal(bar, `${name} (author)`, 'the name is shown as text');
      await open(named, '/newsroom/articles/new');
      await fill(named, {
        headline: 'A story by the person with the strange name',
        slug: 'named-story',
        section: 'xss-section-0',
        contributors: 'xss-person-0',
        summary: 'One line.',
        body: 'Text.',
      });
      assert.equal(await submit(named, 'button[value="publish"]', 'named person publishes'), 200);
      assert.equal(await open(named, '/newsroom/'), 200);
      assert.equal(await open(named, '/newsroom/articles/named-story/history'), 200);
      assert.equal(await open(page, '/newsroom/'), 200, 'the owner column, as an editor');
    } finally {
      await context.close();
    }
    const admin = await newContext();
    try {
      const adminPage = await signIn(admin, 'admin');
      assert.equal(await open(adminPage, '/newsroom/users'), 200);
      assert.equal(await open(adminPage, '/newsroom/audit'), 200);
    } finally {
      await admin.close();
    }
    await assertNothingRan();
  });

  test('every reader page and newsroom list that shows the fields', { timeout: TEST_TIMEOUT }, async () => {
    const lists = ['/newsroom/', '/newsroom/audit', '/newsroom/breaking', '/newsroom/contributors', '/newsroom/sections'];
    for (const path of lists) assert.equal(await open(page, path), 200, path);
    const reader = await newContext();
    try {
      const tab = await reader.newPage();
      assert.equal(await open(tab, '/'), 200);
      for (const i of PAYLOADS.keys()) {
        assert.equal(await open(tab, `/sections/xss-section-${i}`), 200);
        assert.equal(await open(tab, `/contributors/xss-person-${i}`), 200);
      }
      for (const p of ['/search?q=xss', '/search?q=xss&page=2']) assert.equal(await open(tab, p), 200, p);
      // What a reader types into search comes back on the results page.
      for (const payload of PAYLOADS) {
        assert.equal(await open(tab, `/search?q=${encodeURIComponent(payload)}`, 'search'), 200);
      }
      // `next` on the sign-in form is echoed into a hidden field.
      for (const payload of PAYLOADS.slice(0, 8)) {
        const next = `/newsroom/${payload}`;
        assert.equal(await open(tab, `/newsroom/sign-in?next=${encodeURIComponent(next)}`, 'sign-in next'), 200);
        assert.equal(await tab.locator('input[name="next"]').getAttribute('value'), next);
      }
    } finally {
      await reader.close();
    }
    await assertNothingRan();
  });

  // Last: each try is a failed sign-in, and failures are rate limited per address.
  test('the sign-in form echoes the email address typed', { timeout: TEST_TIMEOUT }, async () => {
    const context = await newContext();
    try {
      const tab = await context.newPage();
      for (let at = 0; at < PAYLOADS.length; at += 8) {
        const email = PAYLOADS.slice(at, at + 8).join(' ');
        await open(tab, '/newsroom/sign-in');
        await fill(tab, { email, password: 'not the password' });
        assert.equal(await submit(tab, '#email', `sign-in email ${at}`), 422);
        assert.equal((await values(tab, ['email'])).email, email.trim().toLowerCase());
      }
    } finally {
      await context.close();
    }
    await assertNothingRan();
  });
});
