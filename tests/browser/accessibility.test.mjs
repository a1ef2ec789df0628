// The accessibility gate: axe-core (WCAG 2.0/2.1/2.2, A and AA) on every page
// type (lib/site.mjs: public pages, the lite edition, every newsroom page
// signed in with a role that sees it, the error pages), each in light and
// dark colour schemes at the smallest and largest text sizes; Lighthouse
// (accessibility only) on the article page must score 100; and a keyboard-only
// walk through the article page: the skip links come first and work, every
// player control and the text-size switch is reached with Tab and works from
// the keyboard, and focus is visible at every stop.
//
// One server and one browser for the whole file; every page × scheme × size
// combination is its own test, so a failure names the page.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeCheck, launchBrowser } from './lib/browser.mjs';
import { focusProblem, focused, tabTo } from './lib/keyboard.mjs';
import { lighthouseAccessibility } from './lib/lighthouse.mjs';
import { poll } from './lib/pages.mjs';
import { FORM_ERRORS, pageTypes, signedInStates, startSite, submitProblems } from './lib/site.mjs';

const TEST_TIMEOUT = 60_000;
const SETUP_TIMEOUT = 360_000; // seeding the demo, narrating one article, Chromium
const SCHEMES = ['light', 'dark'];
const SIZES = ['xs', 'lg'];

let site;
let browser;
let states = {};
let setupError;

// The list of pages is built from the paths found at setup; the tests are
// declared before that, so they are named from a list with placeholders.
const NAMES = pageTypes({ narrated: '/a', plain: '/b', section: '/c', contributor: '/d' }).map((p) => p.name);
const page = (name) => {
  if (setupError) throw setupError;
  return pageTypes(site.paths).find((p) => p.name === name);
};

describe('accessibility gate', () => {
  before(async () => {
    try {
      site = await startSite();
      browser = await launchBrowser();
      states = await signedInStates(browser, site.server.base, ['admin', 'editor', 'author', 'contributor']);
    } catch (err) {
      setupError = err;
    }
  }, { timeout: SETUP_TIMEOUT });

  after(async () => {
    await browser?.close().catch(() => {});
    await site?.server.stop();
  }, { timeout: 30_000 });

  describe('axe-core, WCAG 2.2 A/AA', () => {
    for (const name of NAMES) {
      for (const colorScheme of SCHEMES) {
        for (const size of SIZES) {
          test(`${name}, ${colorScheme} scheme, text size ${size}`, { timeout: TEST_TIMEOUT }, async (t) => {
            const { path, status, role } = page(name);
            const base = site.server.base;
            t.diagnostic(`GET ${path}${role ? ` as ${role}` : ''}`);
            const context = await browser.newContext({ colorScheme, storageState: role ? states[role] : undefined });
            try {
              await context.addCookies([{ name: 'dateline_text_size', value: size, url: base }]);
              const tab = await context.newPage();
              const res = await tab.goto(new URL(path, base).href, { waitUntil: 'load' });
              assert.ok(res, `no response for ${path}`);
              assert.equal(res.status(), status, `GET ${path} status`);
              assert.equal(new URL(tab.url()).pathname, new URL(path, base).pathname, `GET ${path} was redirected`);
              const htmlClass = await tab.evaluate(() => document.documentElement.className);
              assert.match(
                htmlClass,
                new RegExp(`(^|\\s)ts-${size}(\\s|$)`),
                `<html class="${htmlClass}"> on ${path} should carry ts-${size} from the cookie`,
              );
              if (path.startsWith('/lite/')) {
                // Chromium applied the inline style: its hash matches the page's policy.
                const maxWidth = await tab.evaluate(() => getComputedStyle(document.body).maxWidth);
                assert.notEqual(maxWidth, 'none', `the inline style of ${path} was refused`);
              }
              const { violations, report } = await axeCheck(tab);
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

  describe('axe-core on the newsroom forms answered with their problems', () => {
    for (const form of FORM_ERRORS) {
      for (const colorScheme of SCHEMES) {
        for (const size of SIZES) {
          test(`${form.name}, ${colorScheme} scheme, text size ${size}`, { timeout: TEST_TIMEOUT }, async () => {
            if (setupError) throw setupError;
            const base = site.server.base;
            const context = await browser.newContext({ colorScheme, storageState: form.role ? states[form.role] : undefined });
            try {
              await context.addCookies([{ name: 'dateline_text_size', value: size, url: base }]);
              const { tab, response } = await submitProblems(context, base, form);
              assert.equal(response.status(), 422, `POST ${response.url()}`);
              assert.ok(await tab.locator('[role="alert"], [aria-invalid="true"]').count() > 0, 'the answer shows its problems');
              assert.match(await tab.evaluate(() => document.documentElement.className), new RegExp(`ts-${size}`));
              const { violations, report } = await axeCheck(tab);
              assert.equal(violations.length, 0, `axe on ${form.name} (${colorScheme}, ${size}):\n${report}`);
            } finally {
              await context.close();
            }
          });
        }
      }
    }
  });

  test('Lighthouse accessibility score is 100 on the article page', { timeout: 180_000 }, async (t) => {
    const { path } = page('article with narration');
    const { score, failing } = await lighthouseAccessibility(new URL(path, site.server.base).href);
    t.diagnostic(`Lighthouse accessibility score ${Math.round(score * 100)} on ${path}`);
    assert.equal(score, 1, `Lighthouse accessibility score ${Math.round(score * 100)} on ${path}; failing audits:\n${failing}`);
  });
  describe('keyboard only, article page with narration', () => {
    const SKIPS = ['#main', '#nav', '#search'];
    const PLAYER = ['.player__skip[data-skip="-15"]', '.player__play', '.player__skip[data-skip="15"]', '#player-speed', '.player__seek'];
    const WANTED = [...PLAYER, '.listen__download a', '.text-size__link'];

    /** A fresh tab on the narrated article, once player.js has taken over. */
    async function openArticle(context) {
      const { path } = page('article with narration');
      const tab = await context.newPage();
      const res = await tab.goto(new URL(path, site.server.base).href, { waitUntil: 'load' });
      assert.equal(res?.status(), 200, `GET ${path}`);
      assert.ok(await poll(() => tab.evaluate(() => document.querySelector('.player')?.hidden === false)), 'player.js did not show its controls');
      return tab;
    }
    const audio = (tab) => tab.evaluate(() => {
      const a = document.querySelector('.listen audio');
      return { t: a.currentTime, paused: a.paused, rate: a.playbackRate, duration: a.duration };
    });
    const near = (a, b) => Math.abs(a - b) < 1.5;

    for (const colorScheme of SCHEMES) {
      test(`every Tab stop shows its focus, the skip links first, the player and text size reached (${colorScheme})`, { timeout: TEST_TIMEOUT }, async (t) => {
        const context = await browser.newContext({ colorScheme });
        try {
          const tab = await openArticle(context);
          const stops = [];
          for (let i = 0; i < 400; i++) {
            await tab.keyboard.press('Tab');
            const f = await focused(tab);
            if (!f || (stops.length > 0 && f.what === stops[0].what)) break; // left the page, or wrapped
            f.matches = await tab.evaluate((sels) => sels.filter((sel) => document.activeElement.matches(sel)), WANTED);
            stops.push(f);
          }
          t.diagnostic(`${stops.length} tab stops`);
          assert.ok(stops.length > 10, `only ${stops.length} tab stops`);
          assert.deepEqual(stops.slice(0, 3).map((f) => f.href), SKIPS, `the first tab stops are the skip links; got ${stops.slice(0, 3).map((f) => f.what).join(', ')}`);
          const problems = stops.map(focusProblem).filter(Boolean);
          assert.deepEqual(problems, [], `focus is not visible at ${problems.length} of ${stops.length} tab stops`);
          for (const sel of [...PLAYER, '.listen__download a']) {
            assert.ok(stops.some((f) => f.matches.includes(sel)), `Tab never reached ${sel}`);
          }
          const sizes = stops.filter((f) => f.matches.includes('.text-size__link'));
          assert.equal(sizes.length, 4, `Tab reaches the four text sizes; got ${sizes.map((f) => f.what).join(', ')}`);
        } finally {
          await context.close();
        }
      });
    }

    test('the skip links move focus to their targets with Enter', { timeout: TEST_TIMEOUT }, async () => {
      const context = await browser.newContext();
      try {
        const tab = await openArticle(context);
        for (const [n, target] of SKIPS.entries()) {
          await tab.goto(tab.url().split('#')[0]);
          for (let i = 0; i <= n; i++) await tab.keyboard.press('Tab');
          assert.equal((await focused(tab))?.href, target, `tab stop ${n + 1}`);
          await tab.keyboard.press('Enter');
          const at = await poll(() => tab.evaluate((id) => document.activeElement?.id === id && location.hash === `#${id}`, target.slice(1)));
          assert.ok(at, `Enter on the ${target} skip link focuses ${target}; focus is on ${(await focused(tab))?.what}`);
          const top = await tab.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, target);
          assert.ok(top >= -1 && top < (await tab.evaluate(() => innerHeight)), `${target} is scrolled into view (top ${top})`);
        }
      } finally {
        await context.close();
      }
    });

    test('the player and the text-size switch work from the keyboard alone', { timeout: TEST_TIMEOUT }, async () => {
      const context = await browser.newContext();
      try {
        const tab = await openArticle(context);
        const label = () => tab.evaluate(() => document.querySelector('.player__play-label').textContent);
        const labels = await tab.evaluate(() => ({ ...document.querySelector('.player').dataset }));

        await tabTo(tab, '.player__play');
        assert.equal(await label(), labels.labelPlay);
        await tab.keyboard.press('Enter');
        // The label follows the audio's play/pause events, a task later.
        assert.ok(await poll(async () => !(await audio(tab)).paused), 'Enter on Play starts the narration');
        assert.ok(await poll(async () => (await label()) === labels.labelPause), `the button says ${labels.labelPause}`);
        await tab.keyboard.press('Space');
        assert.ok(await poll(async () => (await audio(tab)).paused), 'Space on Pause pauses it');
        assert.ok(await poll(async () => (await label()) === labels.labelPlay), `the button says ${labels.labelPlay} again`);

        let { t } = await audio(tab);
        await tab.keyboard.press('Tab');
        assert.equal(await tab.evaluate(() => document.activeElement.getAttribute('data-skip')), '15', 'Tab goes on to +15 s');
        await tab.keyboard.press('Enter');
        assert.ok(await poll(async () => near((await audio(tab)).t, t + 15)), `Enter on +15 s moves from ${t}`);
        await tab.keyboard.press('Space');
        assert.ok(await poll(async () => near((await audio(tab)).t, t + 30)), 'Space on +15 s moves again');
        await tab.keyboard.press('Shift+Tab');
        await tab.keyboard.press('Shift+Tab');
        assert.equal(await tab.evaluate(() => document.activeElement.getAttribute('data-skip')), '-15', 'Shift+Tab goes back to -15 s');
        await tab.keyboard.press('Enter');
        assert.ok(await poll(async () => near((await audio(tab)).t, t + 15)), 'Enter on -15 s moves back');

        await tabTo(tab, '#player-speed');
        assert.equal((await audio(tab)).rate, 1);
        await tab.keyboard.press('ArrowDown');
        assert.ok(await poll(async () => (await audio(tab)).rate === 1.25), `ArrowDown on the speed list: rate ${(await audio(tab)).rate}`);

        await tabTo(tab, '.player__seek');
        ({ t } = await audio(tab));
        await tab.keyboard.press('ArrowRight');
        assert.ok(await poll(async () => near((await audio(tab)).t, t + 5)), 'ArrowRight on the slider: +5 s');
        await tab.keyboard.press('Home');
        assert.ok(await poll(async () => (await audio(tab)).t === 0), 'Home on the slider: the start');
        await tab.keyboard.press('End');
        assert.ok(await poll(async () => { const a = await audio(tab); return near(a.t, a.duration); }), 'End on the slider: the end');

        await tabTo(tab, '.text-size__link--lg');
        await tab.keyboard.press('Enter');
        assert.ok(await poll(() => tab.evaluate(() => document.documentElement.classList.contains('ts-lg'))), 'Enter on the LG text size applies it');
        assert.equal(await tab.evaluate(() => document.querySelector('.text-size__link--lg').getAttribute('aria-current')), 'true');
        assert.equal(focusProblem(await focused(tab)), '', 'focus stays visible after the switch');
      } finally {
        await context.close();
      }
    });
  });
});
