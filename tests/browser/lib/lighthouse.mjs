// Lighthouse (accessibility category only) in Debian's Chromium, launched by
// chrome-launcher from CHROMIUM (default /usr/bin/chromium): nothing is
// downloaded.

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS } from './browser.mjs';

/**
 * Runs Lighthouse's accessibility audits on `url`; resolves to { score }
 * (0..1) and `failing`, a readable list of the audits that did not pass.
 */
export async function lighthouseAccessibility(url) {
  const chromePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const chrome = await chromeLauncher.launch({
    chromePath,
    // CHROMIUM_ARGS carries --no-sandbox (the tests run as root in CI).
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['accessibility'],
      output: 'json',
      logLevel: 'error',
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
    const category = lhr.categories.accessibility;
    const failing = category.auditRefs
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a.score !== null && a.score < 1)
      .map((a) => {
        const items = (a.details?.items ?? []).slice(0, 3).map((i) => `    ${i.node?.snippet ?? JSON.stringify(i).slice(0, 200)}`);
        return [`- ${a.id}: ${a.title}`, ...items].join('\n');
      })
      .join('\n');
    return { score: category.score, failing };
  } finally {
    await chrome.kill();
  }
}
