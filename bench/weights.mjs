// Page weights as a phone downloads them: Debian's Chromium (playwright-core
// from tests/browser) opens each page at 360×740 CSS pixels, 2 device pixels
// per CSS pixel, with an empty cache, waits for `load`, and sums what the
// Resource Timing API says crossed the wire (headers and compressed bodies)
// for the document and every file the page pulled in by itself — what a
// reader pays before touching anything (of the narration, only what the
// player preloads to show its length).
//
//   node bench/weights.mjs BASE_URL PATH...   → JSON on standard output

import { launchBrowser } from '../tests/browser/lib/browser.mjs';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node bench/weights.mjs BASE_URL PATH...');
  process.exit(2);
}

const browser = await launchBrowser();
const results = [];
try {
  for (const path of paths) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const encodings = new Set();
    page.on('response', (response) => {
      encodings.add(response.headers()['content-encoding'] || 'identity');
    });
    const response = await page.goto(new URL(path, base).href, { waitUntil: 'load', timeout: 60_000 });
    if (!response || response.status() !== 200) {
      throw new Error(`${path} answered ${response?.status()}`);
    }
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => ({
        url: e.name,
        type: e.initiatorType,
        transfer: e.transferSize,
        body: e.decodedBodySize,
      })),
    );
    results.push({
      path,
      transfer: entries.reduce((sum, e) => sum + e.transfer, 0),
      decoded: entries.reduce((sum, e) => sum + e.body, 0),
      requests: entries.length,
      encodings: [...encodings].sort(),
      entries,
    });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results, null, 2));
