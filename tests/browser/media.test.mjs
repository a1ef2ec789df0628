// Uploads to the media library in Chromium. With JavaScript (media.js): a
// chosen or dropped file uploads with a progress bar and the page ends on the
// library showing it; refused files (not an image, too large, missing alt
// text or credit) are explained next to their field with focus moved there
// and what was typed kept, and nothing is stored (an oversized file is not
// even sent). Without JavaScript the plain form does the same through server
// pages (whose refusal passes axe). A JPEG carrying GPS EXIF data comes out of every stored file (the
// library's and the article's) without it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertAxe, inEachColorScheme, launchBrowser } from './lib/browser.mjs';
import { makePng } from './lib/images.mjs';
import { fillArticle, signIn, UPLOADED } from './lib/newsroom.mjs';
import { startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 240_000;
const MAX_BYTES = 20_000_000; // images::MAX_IMAGE_BYTES

let server;
let browser;

// ---- EXIF with a GPS position, written by hand (little-endian TIFF) ----

const CAMERA = 'DatelineGpsTestCam';
// 4°3'29.17" S, 39°40'5.11" E (Mombasa), as three RATIONALs each.
const LATITUDE = [[4, 1], [3, 1], [2917, 100]];
const LONGITUDE = [[39, 1], [40, 1], [511, 100]];

function rationals(values) {
  const b = Buffer.alloc(values.length * 8);
  values.forEach(([n, d], i) => {
    b.writeUInt32LE(n, i * 8);
    b.writeUInt32LE(d, i * 8 + 4);
  });
  return b;
}

/** An IFD entry: tag, type (2 ASCII, 4 LONG, 5 RATIONAL), count, value or offset (4 bytes). */
function entry(tag, type, count, value) {
  const b = Buffer.alloc(12);
  b.writeUInt16LE(tag, 0);
  b.writeUInt16LE(type, 2);
  b.writeUInt32LE(count, 4);
  if (Buffer.isBuffer(value)) value.copy(b, 8);
  else b.writeUInt32LE(value, 8);
  return b;
}

function ifd(entries) {
  const count = Buffer.alloc(2);
  count.writeUInt16LE(entries.length, 0);
  return Buffer.concat([count, ...entries, Buffer.alloc(4) /* no next IFD */]);
}

/** The GPS IFD pointer entry as it is stored (tag 0x8825, LONG, count 1): what the check looks for. */
const GPS_POINTER = entry(0x8825, 4, 1, 0).subarray(0, 8);

/** An APP1 segment: "Exif\0\0", IFD0 (camera make, GPS pointer), the GPS IFD (latitude, longitude). */
function exifApp1() {
  const make = Buffer.from(`${CAMERA}\0`, 'latin1');
  const ifd0At = 8;
  const ifd0Size = 2 + 2 * 12 + 4;
  const makeAt = ifd0At + ifd0Size;
  const gpsAt = makeAt + make.length;
  const gpsSize = 2 + 4 * 12 + 4;
  const latAt = gpsAt + gpsSize;
  const lonAt = latAt + 24;
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]); // "II", 42, IFD0 at 8
  const tiff = Buffer.concat([
    header,
    ifd([entry(0x010f, 2, make.length, makeAt), entry(0x8825, 4, 1, gpsAt)]),
    make,
    ifd([
      entry(0x0001, 2, 2, Buffer.from('S\0\0\0', 'latin1')),
      entry(0x0002, 5, 3, latAt),
      entry(0x0003, 2, 2, Buffer.from('E\0\0\0', 'latin1')),
      entry(0x0004, 5, 3, lonAt),
    ]),
    rationals(LATITUDE),
    rationals(LONGITUDE),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** Byte strings that must not survive an upload, with what each is. */
const TRACES = [
  ['Exif', Buffer.from('Exif', 'latin1')],
  ['EXIF', Buffer.from('EXIF', 'latin1')],
  ['the camera make', Buffer.from(CAMERA, 'latin1')],
  ['the GPS IFD pointer', GPS_POINTER],
  ['the GPS latitude', rationals(LATITUDE)],
  ['the GPS longitude', rationals(LONGITUDE)],
];

// ---- helpers ----

async function openLibrary(page) {
  const res = await page.goto(new URL('/newsroom/media', server.base).href);
  assert.equal(res.status(), 200);
}

/** The number in the library's heading, “In the library (N)”. */
async function libraryCount(page) {
  const text = await page.getByRole('heading', { name: /^In the library/ }).textContent();
  const m = /\((\d+)\)/.exec(text);
  assert.ok(m, `a count in “${text}”`);
  return Number(m[1]);
}

/** Records every POST to the upload address. */
function recordUploads(page) {
  const posts = [];
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/newsroom/media') posts.push(req);
  });
  return posts;
}

const isUpload = (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/newsroom/media';

async function fillDetails(page, alt, credit) {
  await page.getByLabel('Alt text').fill(alt);
  await page.getByLabel('Credit').fill(credit);
}

/** Checks the newest library item; returns its key (from its Markdown). */
async function assertNewest(page, alt, credit) {
  const item = page.locator('.library__item').first();
  assert.equal(await item.locator('.library__alt').textContent(), alt, 'the new image is first in the library');
  assert.equal(await item.locator('.library__credit').textContent(), `Image: ${credit}`);
  const img = item.locator('img');
  assert.notEqual(await img.getAttribute('alt'), null, 'the thumbnail has an alt attribute');
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 10_000 });
  const markdown = await item.locator('.library__markdown').textContent();
  const m = /^!\[.*\]\(\/media\/([0-9a-f]{16,}\.(?:png|jpg))\)$/.exec(markdown);
  assert.ok(m, `Markdown to copy: ${markdown}`);
  return m[1];
}

describe('media library uploads', () => {
  before(async () => {
    server = await startServer({ env: { DATELINE_WORKERS: '0' } });
    browser = await launchBrowser();
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  test('with JavaScript: a chosen file uploads with a progress bar and the library shows it', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      const count = await libraryCount(page);
      assert.equal(await page.getByText('Or drop an image file here.').isVisible(), true, 'the drop hint shows with JavaScript');

      // Hold the request until the progress bar has been seen.
      let release;
      const held = new Promise((resolve) => { release = resolve; });
      let seen;
      const arrived = new Promise((resolve) => { seen = resolve; });
      await page.route('**/newsroom/media', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        seen(route.request());
        await held;
        return route.continue();
      });

      await page.getByLabel('Image file').setInputFiles({ name: 'market.png', mimeType: 'image/png', buffer: makePng(800, 450, { seed: 1 }) });
      await fillDetails(page, 'Stalls of mangoes at Marikiti market', 'Joseph Otieno / Dateline');
      await page.getByRole('button', { name: 'Upload' }).click();
      const request = await arrived;
      assert.equal(request.headers().accept, 'application/json', 'media.js asks for a JSON answer');
      const bar = page.getByRole('progressbar', { name: 'Uploading' });
      await bar.waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await page.getByRole('button', { name: 'Upload' }).isDisabled(), true, 'no second upload meanwhile');
      const done = page.waitForURL(UPLOADED, { timeout: 30_000 });
      release();
      await done;

      const key = UPLOADED.exec(page.url())[1];
      assert.match(await page.getByRole('status').textContent(), /^Uploaded: Stalls of mangoes at Marikiti market\./);
      assert.equal(await libraryCount(page), count + 1);
      assert.equal(await assertNewest(page, 'Stalls of mangoes at Marikiti market', 'Joseph Otieno / Dateline'), key);
      assert.match(await page.locator('.library__item').first().locator('.library__meta').textContent(), /^800×450 · market\.png · /);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript: a file dropped on the form is taken and uploads', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      const count = await libraryCount(page);
      const png = makePng(640, 360, { seed: 2 });
      const dataTransfer = await page.evaluateHandle(({ b64, name }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: 'image/png' }));
        return dt;
      }, { b64: png.toString('base64'), name: 'dropped-harbour.png' });

      const zone = page.locator('.dropzone');
      await zone.dispatchEvent('dragenter', { dataTransfer });
      await zone.dispatchEvent('dragover', { dataTransfer });
      assert.match(await zone.getAttribute('class'), /dropzone--over/, 'the zone shows it will take the file');
      await zone.dispatchEvent('drop', { dataTransfer });
      assert.doesNotMatch(await zone.getAttribute('class'), /dropzone--over/);
      const chosen = await page.getByLabel('Image file').evaluate((el) => [...el.files].map((f) => [f.name, f.size]));
      assert.deepEqual(chosen, [['dropped-harbour.png', png.length]], 'the file input holds the dropped file');

      await fillDetails(page, 'Dhows moored in the old harbour', 'Fatma Said / Dateline');
      await Promise.all([page.waitForURL(UPLOADED, { timeout: 30_000 }), page.getByRole('button', { name: 'Upload' }).click()]);
      assert.equal(await libraryCount(page), count + 1);
      assert.equal(await assertNewest(page, 'Dhows moored in the old harbour', 'Fatma Said / Dateline'), UPLOADED.exec(page.url())[1]);
      assert.match(await page.locator('.library__item').first().locator('.library__meta').textContent(), /^640×360 · dropped-harbour\.png · /);
    } finally {
      await context.close();
    }
  });

  test('with JavaScript: a text file named .jpg is refused next to the file field, the alt text kept, nothing stored', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      const count = await libraryCount(page);
      await page.getByLabel('Image file').setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Meeting notes, not a picture.\n') });
      await fillDetails(page, 'Typed alt text that must survive', 'Someone');
      const [res] = await Promise.all([page.waitForResponse(isUpload), page.getByRole('button', { name: 'Upload' }).click()]);
      assert.equal(res.status(), 422);
      const error = page.locator('#file-error');
      await error.waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await error.textContent(), "'notes.jpg' is not a JPEG, PNG, WebP or GIF image");
      const field = page.getByLabel('Image file');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match(await field.getAttribute('aria-describedby'), /\bfile-error\b/, 'the message is the field’s description');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'file', 'focus on the file field');
      assert.equal(await page.getByLabel('Alt text').inputValue(), 'Typed alt text that must survive');
      assert.match(await page.getByRole('alert').textContent(), /Nothing was uploaded/);
      assert.equal(new URL(page.url()).search, '', 'still on the library, no upload notice');
      await assertAxe(page, 'the library with the refusal shown (JavaScript)');
      await page.reload();
      assert.equal(await libraryCount(page), count, 'nothing was added to the library');
    } finally {
      await context.close();
    }
  });

  test('with JavaScript: a file over 20 MB is refused in the browser and never sent', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      const posts = recordUploads(page);
      const big = Buffer.alloc(MAX_BYTES + 1_000_000);
      makePng(16, 16).copy(big); // looks like an image at the start
      await page.getByLabel('Image file').setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: big });
      await fillDetails(page, 'A very large photograph', 'Someone');
      await page.getByRole('button', { name: 'Upload' }).click();
      const error = page.locator('#file-error');
      await error.waitFor({ state: 'visible', timeout: 5_000 });
      assert.equal(await error.textContent(), 'The file is larger than 20 MB: choose a smaller image.');
      assert.equal(await page.getByLabel('Image file').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'file', 'focus on the file field');
      assert.equal(await page.getByLabel('Alt text').inputValue(), 'A very large photograph');
      assert.equal(await page.locator('.upload__progress').isVisible(), false, 'no progress bar: nothing is sent');
      await page.waitForTimeout(500);
      assert.equal(posts.length, 0, 'no upload request was sent');
    } finally {
      await context.close();
    }
  });

  test('with JavaScript: missing alt text and credit stop the upload in the browser, and the server refuses them too', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      const count = await libraryCount(page);
      const posts = recordUploads(page);
      await page.getByLabel('Image file').setInputFiles({ name: 'no-alt.png', mimeType: 'image/png', buffer: makePng(320, 180, { seed: 3 }) });
      await page.getByRole('button', { name: 'Upload' }).click();
      // The browser's own check (required) keeps the form from submitting.
      assert.equal(await page.getByLabel('Alt text').evaluate((el) => el.validity.valueMissing), true);
      assert.equal(await page.getByLabel('Credit').evaluate((el) => el.validity.valueMissing), true);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'alt', 'the browser focuses the first missing field');
      await page.waitForTimeout(300);
      assert.equal(posts.length, 0, 'nothing was sent');

      // Where the browser does not check (required removed), the server does:
      // blank-only text counts as missing.
      await page.locator('#alt, #credit').evaluateAll((els) => els.forEach((el) => el.removeAttribute('required')));
      await page.getByLabel('Credit').fill('   ');
      const [res] = await Promise.all([page.waitForResponse(isUpload), page.getByRole('button', { name: 'Upload' }).click()]);
      assert.equal(res.status(), 422);
      assert.deepEqual(Object.keys((await res.json()).problems).sort(), ['alt', 'credit']);
      await page.locator('#credit-error').waitFor({ state: 'visible', timeout: 5_000 });
      assert.match(await page.locator('#alt-error').textContent(), /^alt text is required/);
      assert.match(await page.locator('#credit-error').textContent(), /^a credit is required/);
      for (const id of ['alt', 'credit']) {
        assert.equal(await page.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
      }
      assert.equal(await page.locator('#file-error').count(), 0, 'the file itself was fine');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'alt', 'focus on the first field with a problem');
      await page.reload();
      assert.equal(await libraryCount(page), count, 'nothing was added to the library');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript: the plain form uploads and redirects; a non-image gets its error next to the field (422)', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      const count = await libraryCount(page);
      assert.equal(await page.getByText('Or drop an image file here.').isVisible(), false, 'no drop hint without JavaScript');

      await page.getByLabel('Image file').setInputFiles({ name: 'plain-form.png', mimeType: 'image/png', buffer: makePng(640, 360, { seed: 4 }) });
      await fillDetails(page, 'Fishermen mending nets on the beach', 'Baraka Ali / Dateline');
      const [res] = await Promise.all([page.waitForResponse(isUpload), page.getByRole('button', { name: 'Upload' }).click()]);
      assert.equal(res.status(), 303, 'a redirect, not JSON');
      await page.waitForURL(UPLOADED, { timeout: 30_000 });
      assert.match(await page.getByRole('status').textContent(), /^Uploaded: Fishermen mending nets on the beach\./);
      assert.equal(await libraryCount(page), count + 1);
      assert.equal(await assertNewest(page, 'Fishermen mending nets on the beach', 'Baraka Ali / Dateline'), UPLOADED.exec(page.url())[1]);

      await page.getByLabel('Image file').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: Buffer.from('Dear editor, this is a letter.') });
      await fillDetails(page, 'Kept alt text', 'Kept credit');
      const [refused] = await Promise.all([page.waitForResponse(isUpload), page.getByRole('button', { name: 'Upload' }).click()]);
      assert.equal(refused.status(), 422);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('#file-error').textContent(), "'letter.png' is not a JPEG, PNG, WebP or GIF image");
      const field = page.getByLabel('Image file');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match(await field.getAttribute('aria-describedby'), /\bfile-error\b/);
      assert.match(await page.getByRole('alert').textContent(), /Nothing was uploaded/);
      assert.equal(await page.getByLabel('Alt text').inputValue(), 'Kept alt text', 'what was typed comes back');
      assert.equal(await page.getByLabel('Credit').inputValue(), 'Kept credit');
      assert.equal(await libraryCount(page), count + 1, 'the letter was not added');
    } finally {
      await context.close();
    }
  });

  test('the server’s own refusal page passes axe (light, dark)', { timeout: TEST_TIMEOUT }, async () => {
    // axe-core cannot run where scripts are off, so the page is made the same
    // way with JavaScript on but media.js kept from loading: the plain form
    // posts and the server answers with its page.
    await inEachColorScheme(browser, async (context, colorScheme) => {
      await context.route('**/assets/media.*.js', (route) => route.abort());
      const page = await signIn(context, server.base, 'contributor');
      await openLibrary(page);
      await page.getByLabel('Image file').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: Buffer.from('Dear editor.') });
      await page.getByLabel('Alt text').fill('Kept alt text');
      await page.locator('#credit').evaluate((el) => el.removeAttribute('required'));
      const [refused] = await Promise.all([page.waitForResponse(isUpload), page.getByRole('button', { name: 'Upload' }).click()]);
      assert.equal(refused.status(), 422);
      await page.waitForLoadState('load');
      assert.equal(await page.locator('#file-error, #credit-error').count(), 2, 'both problems next to their fields');
      await assertAxe(page, `the library page with the server's refusal (${colorScheme})`);
    });
  });

  test('GPS EXIF data in a JPEG is in none of the files the library and the article serve', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, server.base, 'editor');
      await openLibrary(page);

      // A baseline JPEG drawn by Chromium, with the EXIF segment spliced in after SOI.
      const dataUrl = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 1200;
        canvas.height = 800;
        const g = canvas.getContext('2d');
        const sky = g.createLinearGradient(0, 0, 0, 800);
        sky.addColorStop(0, '#1d4e89');
        sky.addColorStop(1, '#f4a259');
        g.fillStyle = sky;
        g.fillRect(0, 0, 1200, 800);
        g.fillStyle = '#203a2a';
        for (let i = 0; i < 40; i++) g.fillRect(i * 30, 560 - (i % 7) * 25, 24, 240 + (i % 7) * 25);
        return canvas.toDataURL('image/jpeg', 0.9);
      });
      const baseline = Buffer.from(dataUrl.split(',')[1], 'base64');
      assert.deepEqual([...baseline.subarray(0, 2)], [0xff, 0xd8], 'a JPEG from the canvas');
      const jpeg = Buffer.concat([baseline.subarray(0, 2), exifApp1(), baseline.subarray(2)]);
      for (const [what, bytes] of TRACES.filter(([w]) => w !== 'EXIF')) {
        assert.ok(jpeg.includes(bytes), `the test file carries ${what}`);
      }
      const decodable = await page.evaluate(async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
        return [bitmap.width, bitmap.height];
      }, jpeg.toString('base64'));
      assert.deepEqual(decodable, [1200, 800], 'the spliced JPEG is still a valid image');

      await page.getByLabel('Image file').setInputFiles({ name: 'gps-sunset.jpg', mimeType: 'image/jpeg', buffer: jpeg });
      await fillDetails(page, 'Sunset over the Old Town skyline', 'Omar Hassan / Dateline');
      await Promise.all([page.waitForURL(UPLOADED, { timeout: 30_000 }), page.getByRole('button', { name: 'Upload' }).click()]);
      const key = UPLOADED.exec(page.url())[1];
      const urls = new Set([`/media/${key}`]);
      const item = page.locator('.library__item').first();
      urls.add(await item.locator('img').getAttribute('src'));

      // An article with it as the lead image, published.
      await page.goto(new URL('/newsroom/articles/new', server.base).href);
      await fillArticle(page, { headline: 'Old Town evening in pictures', section: 'culture', text: 'An evening on the waterfront.' });
      await page.getByLabel('Lead image', { exact: true }).selectOption(key);
      await Promise.all([page.waitForURL(/\?saved$/), page.getByRole('button', { name: 'Publish', exact: true }).click()]);
      const slug = new URL(page.url()).pathname.split('/').pop();

      const article = await context.newPage();
      assert.equal((await article.goto(new URL(`/articles/${slug}`, server.base).href)).status(), 200);
      const figure = article.locator('figure.lead-image');
      urls.add(await figure.locator('picture > img').getAttribute('src'));
      const srcset = await figure.locator('picture > source[type="image/webp"]').getAttribute('srcset');
      const variants = srcset.split(',').map((part) => part.trim().split(/\s+/));
      assert.deepEqual(variants.map(([, w]) => w), ['480w', '800w', '1200w'], `WebP variants: ${srcset}`);
      for (const [url] of variants) urls.add(url);
      const og = await article.locator('meta[property="og:image"]').getAttribute('content');
      urls.add(new URL(og, server.base).pathname);
      const list = [...urls];
      assert.equal(list.length, 4, `the master and three WebP variants: ${list.join(' ')}`);

      for (const url of list) {
        assert.match(url, /^\/media\/[0-9a-f]{16,}\.(jpg|webp)$/, url);
        const res = await context.request.get(new URL(url, server.base).href);
        assert.equal(res.status(), 200, url);
        const body = await res.body();
        assert.ok(body.length > 1000, `${url} is an image`);
        for (const [what, bytes] of TRACES) {
          assert.equal(body.includes(bytes), false, `${url} carries ${what}`);
        }
      }
    } finally {
      await context.close();
    }
  });
});
