// The narration player: without JavaScript the native <audio controls> with
// its <track> and a working download link; with JavaScript the custom
// controls (play/pause, ±15 s, speed remembered, seek slider with keyboard),
// follow-along highlighting and click-a-sentence-to-play, Media Session
// metadata, and axe in light and dark.
//
// The demo narrates its articles in the background with the real voices, so
// the setup waits (up to NARRATION_TIMEOUT) for an article page with <audio.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { axeCheck, launchBrowser } from './lib/browser.mjs';
import { poll } from './lib/pages.mjs';
import { startServer } from './lib/server.mjs';

const TEST_TIMEOUT = 60_000;
const NARRATION_TIMEOUT = 240_000;
const SETUP_TIMEOUT = 120_000 + NARRATION_TIMEOUT + 30_000;
const SPEED_KEY = 'dateline_player_speed';

let server;
let browser;
let article; // path of a narrated article
let setupError;

/** Paths of the articles linked from the home page, in page order, without repeats. */
async function articlePaths(base) {
  const html = await (await fetch(`${base}/`)).text();
  const paths = [...html.matchAll(/href="(\/articles\/[^"?#]+)"/g)].map((m) => m[1]);
  return [...new Set(paths)];
}

/** Waits until one of the home page's articles has a narration; returns its path. */
async function narratedArticle(base) {
  const paths = await articlePaths(base);
  assert.ok(paths.length > 0, 'no article links on the home page');
  const deadline = Date.now() + NARRATION_TIMEOUT;
  for (;;) {
    for (const path of paths) {
      const res = await fetch(new URL(path, base));
      if (res.status === 200 && (await res.text()).includes('<audio')) return path;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `no article linked from the home page had a narration (<audio) after ` +
          `${NARRATION_TIMEOUT / 1000} s; tried ${paths.join(', ')}; server output:\n${server.log().slice(-4000)}`,
      );
    }
    await sleep(2_000);
  }
}

function need() {
  if (setupError) throw setupError;
  if (!article) throw new Error('no narrated article (see the before hook)');
  return article;
}

/** A page on the narrated article, with JavaScript, once the cues are wrapped. */
async function openPlayer(context) {
  const page = await context.newPage();
  const res = await page.goto(new URL(need(), server.base).href, { waitUntil: 'load' });
  assert.equal(res?.status(), 200, `GET ${article}`);
  const wrapped = await poll(
    () => page.evaluate(() => document.querySelectorAll('.story .sentence[data-cue]').length),
    { timeoutMs: 10_000 },
  );
  assert.ok(wrapped > 0, 'player.js wrapped no sentences of the article in <span class="sentence">');
  return page;
}

const media = (page) =>
  page.evaluate(() => {
    const a = document.querySelector('.listen audio');
    return { t: a.currentTime, paused: a.paused, rate: a.playbackRate, duration: a.duration };
  });

async function pause(page) {
  await page.evaluate(() => document.querySelector('.listen audio').pause());
}

/** Cue `id` from the page's text track: { start, end, text }. */
const cue = (page, id) =>
  page.evaluate((cueId) => {
    const c = document.querySelector('.listen audio').textTracks[0].cues.getCueById(cueId);
    return c ? { start: c.startTime, end: c.endTime, text: c.getCueAsHTML().textContent } : null;
  }, id);

const currentCue = (page) =>
  page.evaluate(() => {
    const s = document.querySelector('.sentence--current');
    return s ? s.getAttribute('data-cue') : null;
  });

const cueNumber = (id) => Number(String(id).replace(/^s/, ''));

describe('narration player', () => {
  before(async () => {
    server = await startServer();
    try {
      browser = await launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] });
      article = await narratedArticle(server.base);
    } catch (err) {
      setupError = err;
    }
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
  }, { timeout: 30_000 });

  test('without JavaScript: native audio controls, the track, and a download that works', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const res = await page.goto(new URL(need(), server.base).href);
      assert.equal(res?.status(), 200);

      const audio = page.locator('.listen audio');
      assert.equal(await audio.count(), 1, 'one <audio> in the Listen section');
      assert.equal(await audio.getAttribute('controls'), '', '<audio> keeps its native controls');
      assert.ok(await audio.isVisible(), 'the native player is visible');
      const src = await audio.getAttribute('src');
      assert.ok(src, '<audio src>');

      const track = page.locator('.listen audio track[kind="captions"]');
      assert.equal(await track.count(), 1, 'a captions <track>');
      const vttSrc = await track.getAttribute('src');
      const vtt = await fetch(new URL(vttSrc, server.base));
      assert.equal(vtt.status, 200, `GET ${vttSrc}`);
      const vttText = await vtt.text();
      assert.match(vttText, /^WEBVTT/, 'the cues are WebVTT');
      assert.match(vttText, /\ns1\n\d\d:\d\d:\d\d\.\d{3} --> /, 'cue ids s1, s2, …');

      assert.equal(await page.locator('.player').isVisible(), false, 'the custom player stays hidden without JavaScript');
      assert.match(await page.locator('.listen__title').innerText(), /^Listen · \d+ min$/);
      assert.equal(await page.locator('.listen__note').innerText(), 'This audio is automated');

      const download = page.locator('.listen a[download]');
      assert.equal(await download.count(), 1, 'a download link');
      const href = await download.getAttribute('href');
      assert.equal(href, src, 'the download link is the narration');
      const url = new URL(href, server.base);
      const head = await fetch(url, { method: 'HEAD' });
      assert.equal(head.status, 200, `HEAD ${href}`);
      assert.match(head.headers.get('content-type') ?? '', /^audio\/mpeg/, 'HEAD content type');
      const get = await fetch(url);
      assert.equal(get.status, 200, `GET ${href}`);
      assert.match(get.headers.get('content-type') ?? '', /^audio\/mpeg/, 'GET content type');
      const bytes = new Uint8Array(await get.arrayBuffer());
      assert.ok(bytes.length > 1000, `the MP3 has ${bytes.length} bytes`);
      const id3 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33;
      const sync = bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0;
      assert.ok(id3 || sync, 'the download starts like an MP3 (ID3 tag or frame sync)');
      const ranged = await fetch(url, { headers: { Range: 'bytes=0-99' } });
      assert.equal(ranged.status, 206, 'range requests (seeking) are answered with 206');
      await ranged.arrayBuffer();
    } finally {
      await context.close();
    }
  });

  test('with JavaScript: custom controls with accessible names replace the native ones', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await openPlayer(context);
      assert.equal(await page.locator('.listen audio').getAttribute('controls'), null,
        'the native controls are removed');
      assert.equal(await page.locator('.listen audio').isVisible(), false, 'the native player is hidden');
      const player = page.locator('.listen .player');
      assert.ok(await player.isVisible(), 'the custom player is shown');

      for (const name of ['Play', 'Back 15 seconds', 'Forward 15 seconds']) {
        assert.equal(await player.getByRole('button', { name, exact: true }).count(), 1, `button "${name}"`);
      }
      assert.equal(await player.getByRole('combobox', { name: 'Speed' }).count(), 1, 'the speed control, labelled "Speed"');
      const slider = player.getByRole('slider', { name: 'Playback position' });
      assert.equal(await slider.count(), 1, 'the seek slider');
      assert.match(await slider.getAttribute('aria-valuetext'), /^(\d+ min )?\d+ s of (\d+ min )?\d+ s$/,
        'the slider value is spoken as "1 min 20 s of 6 min 5 s"');

      // Every control is at least 24 × 24 CSS px (WCAG 2.5.8).
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('.player button, .player select, .player input')]
          .map((el) => ({ el: el.className, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width < 24 || r.height < 24)
          .map(({ el, r }) => `${el} ${r.width}×${r.height}`),
      );
      assert.deepEqual(small, [], 'targets smaller than 24 px');

      // The track shows no captions, and the cues are found in the text.
      const mode = await page.evaluate(() => document.querySelector('.listen audio').textTracks[0].mode);
      assert.equal(mode, 'hidden', 'the text track is hidden (read, not rendered)');

      const meta = await page.evaluate(() => {
        const m = navigator.mediaSession && navigator.mediaSession.metadata;
        return m && { title: m.title, artist: m.artist, album: m.album, artwork: [...m.artwork].map((a) => a.src) };
      });
      assert.ok(meta, 'Media Session metadata is set');
      assert.equal(meta.title, (await page.locator('.story__headline').textContent()).trim(), 'title = headline');
      assert.equal(meta.artist, (await page.locator('.masthead__title').textContent()).trim(), 'artist = site title');
      assert.equal(meta.album, (await page.locator('.story .kicker').textContent()).trim(), 'album = section');
      const lead = await page.locator('.lead-image img').getAttribute('src').catch(() => null);
      if (lead) assert.deepEqual(meta.artwork, [new URL(lead, server.base).href], 'artwork = lead image');
    } finally {
      await context.close();
    }
  });

  test('sentences on the page are the cues, in order, each one exactly', { timeout: TEST_TIMEOUT }, async (t) => {
    const context = await browser.newContext();
    try {
      const page = await openPlayer(context);
      const result = await page.evaluate(() => {
        const skeleton = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
        const cues = [...document.querySelector('.listen audio').textTracks[0].cues];
        const mismatched = [];
        const order = [];
        let found = 0;
        for (const c of cues) {
          const spans = [...document.querySelectorAll(`.sentence[data-cue="${c.id}"]`)];
          if (!spans.length) continue;
          found += 1;
          order.push(Number(c.id.slice(1)));
          const onPage = spans.map((s) => s.textContent).join('');
          if (skeleton(onPage) !== skeleton(c.getCueAsHTML().textContent)) {
            mismatched.push({ id: c.id, cue: c.getCueAsHTML().textContent, page: onPage });
          }
        }
        const inDocumentOrder = [...document.querySelectorAll('.sentence[data-cue]')]
          .map((s) => Number(s.getAttribute('data-cue').slice(1)));
        return { total: cues.length, found, mismatched, order, inDocumentOrder,
          missing: cues.filter((c) => !document.querySelector(`.sentence[data-cue="${c.id}"]`))
            .map((c) => `${c.id}: ${c.getCueAsHTML().textContent}`) };
      });
      t.diagnostic(`${result.found} of ${result.total} cues found in the text`);
      if (result.missing.length) t.diagnostic(`not found: ${result.missing.join(' | ')}`);
      assert.deepEqual(result.mismatched, [], 'a wrapped sentence differs from its cue');
      assert.ok(result.found >= result.total * 0.9,
        `only ${result.found} of ${result.total} cues were found in the text: ${result.missing.join(' | ')}`);
      const sorted = [...result.inDocumentOrder].sort((a, b) => a - b);
      assert.deepEqual(result.inDocumentOrder, sorted, 'sentences appear in cue order');
      assert.ok(await page.locator('.story__headline .sentence[data-cue="s1"]').count() > 0,
        'the headline is cue s1');
    } finally {
      await context.close();
    }
  });

  test('play, skip ±15 s, the slider follows and moves with the keyboard', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await openPlayer(context);
      const player = page.locator('.listen .player');
      await player.getByRole('button', { name: 'Play', exact: true }).click();
      const advanced = await poll(async () => (await media(page)).t > 1, { timeoutMs: 15_000 });
      assert.ok(advanced, `currentTime should advance after Play: ${JSON.stringify(await media(page))}`);
      assert.equal(await player.getByRole('button', { name: 'Pause', exact: true }).count(), 1,
        'while playing, the button is named "Pause"');

      // The slider follows playback.
      const slider = player.getByRole('slider', { name: 'Playback position' });
      const follows = await poll(async () => {
        const { t } = await media(page);
        return t > 2 && Math.abs(Number(await slider.inputValue()) - t) <= 1.5;
      }, { timeoutMs: 10_000 });
      assert.ok(follows, `slider ${await slider.inputValue()} vs currentTime ${(await media(page)).t}`);

      await player.getByRole('button', { name: 'Pause', exact: true }).click();
      assert.ok((await media(page)).paused, 'Pause pauses');
      // The name follows the media's own "pause" event, which fires a moment later.
      const renamed = await poll(
        async () => (await player.getByRole('button', { name: 'Play', exact: true }).count()) === 1,
        { timeoutMs: 5_000 });
      assert.ok(renamed, 'paused, the button is named "Play" again');

      const t0 = (await media(page)).t;
      await player.getByRole('button', { name: 'Forward 15 seconds' }).click();
      const t1 = (await media(page)).t;
      assert.ok(Math.abs(t1 - (t0 + 15)) <= 1, `forward 15 s: ${t0} → ${t1}`);
      await player.getByRole('button', { name: 'Back 15 seconds' }).click();
      const t2 = (await media(page)).t;
      assert.ok(Math.abs(t2 - t0) <= 1, `back 15 s: ${t1} → ${t2}`);

      await slider.focus();
      await page.keyboard.press('ArrowRight');
      const t3 = (await media(page)).t;
      assert.ok(Math.abs(t3 - (t2 + 5)) <= 1, `ArrowRight on the slider: ${t2} → ${t3}`);
      assert.ok(Math.abs(Number(await slider.inputValue()) - t3) <= 1, 'the slider moved with it');
      await page.keyboard.press('PageUp');
      const t4 = (await media(page)).t;
      assert.ok(Math.abs(t4 - (t3 + 30)) <= 1, `PageUp on the slider: ${t3} → ${t4}`);
      await page.keyboard.press('Home');
      assert.ok((await media(page)).t <= 0.5, 'Home goes to the start');
      assert.match(await slider.getAttribute('aria-valuetext'), /^0 s of /, 'valuetext at the start');
      await page.keyboard.press('End');
      const end = await media(page);
      assert.ok(Math.abs(end.t - end.duration) <= 1, `End goes to the end: ${end.t} of ${end.duration}`);
    } finally {
      await context.close();
    }
  });

  test('speed 1.5× applies and is remembered after a reload', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await openPlayer(context);
      const speed = page.getByRole('combobox', { name: 'Speed' });
      const labels = await speed.locator('option').allTextContents();
      assert.deepEqual(labels.map((l) => l.trim()), ['0.75×', '1×', '1.25×', '1.5×', '2×']);
      await speed.selectOption('1.5');
      assert.equal((await media(page)).rate, 1.5, 'playbackRate 1.5');
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), SPEED_KEY), '1.5', 'stored');

      await page.reload({ waitUntil: 'load' });
      await poll(() => page.evaluate(() => !document.querySelector('.player').hidden));
      assert.equal((await media(page)).rate, 1.5, 'playbackRate 1.5 after reload');
      assert.equal(await page.getByRole('combobox', { name: 'Speed' }).inputValue(), '1.5', 'the control shows 1.5×');
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await poll(async () => (await media(page)).t > 0.5, { timeoutMs: 10_000 });
      assert.equal((await media(page)).rate, 1.5, 'still 1.5 while playing');
    } finally {
      await context.close();
    }
  });

  test('clicking the third sentence of the body plays from it, highlighted; the highlight follows', { timeout: TEST_TIMEOUT }, async () => {
    const context = await browser.newContext();
    try {
      const page = await openPlayer(context);
      const ids = await page.evaluate(() => {
        const seen = [];
        for (const s of document.querySelectorAll('.story__body .sentence[data-cue]')) {
          const id = s.getAttribute('data-cue');
          if (!seen.includes(id)) seen.push(id);
        }
        return seen;
      });
      assert.ok(ids.length >= 3, `the body has ${ids.length} wrapped sentences`);
      const id = ids[2];
      const c = await cue(page, id);
      assert.ok(c, `cue ${id} in the track`);

      // A piece of that sentence outside any link (a link keeps its own job).
      const target = page.locator(`.story__body .sentence[data-cue="${id}"]:not(a *)`).first();
      await target.click();
      const at = (await media(page)).t;
      assert.ok(at >= c.start - 0.5 && at <= c.start + 0.5, `currentTime ${at} should be cue ${id}'s start ${c.start} (±0.5 s)`);
      assert.equal(await currentCue(page), id, `the clicked sentence ${id} is highlighted`);
      const cls = await target.getAttribute('class');
      assert.match(cls, /\bsentence--current\b/, 'the highlight class is on the clicked sentence');
      const played = await poll(async () => !(await media(page)).paused && (await media(page)).t > at, { timeoutMs: 10_000 });
      assert.ok(played, 'it plays from there');

      // The highlighted sentence moves on as the cues advance.
      await page.evaluate(() => {
        document.querySelector('.listen audio').playbackRate = 2;
      });
      let later;
      const moved = await poll(async () => {
        later = await currentCue(page);
        return later && cueNumber(later) > cueNumber(id);
      }, { timeoutMs: 30_000, intervalMs: 200 });
      assert.ok(moved, `the highlight should move past ${id} while playing (now ${later}, t=${(await media(page)).t})`);
      const highlighted = await page.evaluate(() =>
        new Set([...document.querySelectorAll('.sentence--current')].map((s) => s.getAttribute('data-cue'))).size,
      );
      assert.equal(highlighted, 1, 'one sentence at a time is highlighted');
      const now = await cue(page, later);
      const t = (await media(page)).t;
      assert.ok(t >= now.start - 0.5, `the highlighted cue ${later} (${now.start}s) has started (t=${t})`);
      await pause(page);
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ['light', 'dark']) {
    for (const size of ['xs', 'lg']) {
      test(`axe: article page with the player, ${colorScheme} scheme, text size ${size}, a sentence highlighted`, { timeout: TEST_TIMEOUT }, async () => {
        const context = await browser.newContext({ colorScheme });
        try {
          await context.addCookies([{ name: 'dateline_text_size', value: size, url: server.base }]);
          const page = await openPlayer(context);
          // Highlight a sentence so its colours are checked too.
          await page.locator('.story__body .sentence:not(a *)').first().click();
          await pause(page);
          assert.ok(await currentCue(page), 'a sentence is highlighted');
          const { violations, report } = await axeCheck(page);
          if (violations.length > 0) {
            throw new Error(`${violations.length} axe violation(s) on ${article} (${colorScheme}, ${size}):\n${report}`);
          }
        } finally {
          await context.close();
        }
      });
    }
  }
});
