// Debian's Chromium driven by playwright-core, plus axe-core helpers.
//
// No browser is ever downloaded: CHROMIUM (default /usr/bin/chromium, from
// `apt-get install chromium`) is launched directly. The flags keep it quiet on
// a machine without network access.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Launches Chromium; `args` adds flags (e.g. --autoplay-policy=no-user-gesture-required). */
export async function launchBrowser({ args = [] } = {}) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  try {
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...args], timeout: 60_000 });
  } catch (err) {
    throw new Error(
      `could not launch Chromium at ${executablePath} (install it with ` +
        '`make setup`, i.e. apt-get install chromium, or set CHROMIUM): ' +
        err.message,
    );
  }
}

let axeSource;
async function axeScript() {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  }
  return axeSource;
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page; returns the violations. */
export async function axeRun(page) {
  const source = await axeScript();
  // A strict Content-Security-Policy (script-src 'self') blocks inline script
  // tags; evaluating through the DevTools protocol is not subject to it.
  try {
    await page.addScriptTag({ content: source });
  } catch {
    // fall through to the check below
  }
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(source);
  }
  return page.evaluate(async (values) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values },
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      count: v.nodes.length,
      nodes: v.nodes.slice(0, 3).map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  }, AXE_TAGS);
}

/** Human-readable text for a list of axe violations. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const head = `- ${v.id} [${v.impact}] ${v.help} (${v.count} node${v.count === 1 ? '' : 's'}) ${v.helpUrl}`;
      const nodes = v.nodes.map((n) => {
        const html = n.html.length > 300 ? `${n.html.slice(0, 300)}…` : n.html;
        const summary = (n.summary ?? '').split('\n').map((l) => `        ${l}`).join('\n');
        return `    at ${n.target}\n      ${html}\n${summary}`;
      });
      return [head, ...nodes].join('\n');
    })
    .join('\n');
}

/**
 * Runs axe on the page; returns { violations, report } where report is the
 * readable text ('' when clean).
 */
export async function axeCheck(page) {
  const violations = await axeRun(page);
  return { violations, report: formatViolations(violations) };
}

/** Fails, with the readable report, unless axe finds nothing on the page; `what` names the page. */
export async function assertAxe(page, what) {
  const { violations, report } = await axeCheck(page);
  assert.equal(violations.length, 0, `axe on ${what}:\n${report}`);
}

/**
 * Runs `fn(context, colorScheme)` in a fresh browser context in the light,
 * then the dark colour scheme, closing each context after it.
 */
export async function inEachColorScheme(browser, fn) {
  for (const colorScheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme });
    try {
      await fn(context, colorScheme);
    } finally {
      await context.close();
    }
  }
}
