// Finding real page URLs on the running demo site, and small waiting helpers.

import { setTimeout as sleep } from 'node:timers/promises';

/** The href of the first element matching `selector` on `path`, or a clear error. */
export async function firstHref(context, base, path, selector) {
  const page = await context.newPage();
  try {
    const res = await page.goto(new URL(path, base).href);
    if (!res || res.status() !== 200) {
      throw new Error(`GET ${path} answered ${res ? res.status() : 'nothing'}, expected 200`);
    }
    const href = await page.locator(selector).first().getAttribute('href', { timeout: 5_000 })
      .catch(() => null);
    if (!href) {
      throw new Error(`no link matching ${selector} on ${path}`);
    }
    return new URL(href, base).pathname + new URL(href, base).search;
  } finally {
    await page.close();
  }
}

/**
 * The URLs the browser tests visit, discovered from the demo content: the
 * first article and section linked from the home page, and the first
 * contributor linked from that article. Each value is a path, or the Error
 * that explains why it could not be found (so one missing link fails only the
 * tests that need it).
 */
export async function discoverPages(browser, base) {
  const context = await browser.newContext();
  const settle = (promise) => promise.catch((err) => err);
  try {
    const article = await settle(firstHref(context, base, '/', 'a[href^="/articles/"]'));
    const section = await settle(firstHref(context, base, '/', 'a[href^="/sections/"]'));
    const contributor = article instanceof Error
      ? new Error(`no article to find a contributor on: ${article.message}`)
      : await settle(firstHref(context, base, article, 'a[href^="/contributors/"]'));
    return { article, section, contributor };
  } finally {
    await context.close();
  }
}

/** Returns the discovered path, or throws the discovery error. */
export function need(value) {
  if (value instanceof Error) throw value;
  if (!value) throw new Error('page discovery did not run (see the before hook error)');
  return value;
}

/** Polls `fn` until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function poll(fn, { timeoutMs = 5_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await fn();
    if (value || Date.now() > deadline) return value;
    await sleep(intervalMs);
  }
}

/** The value of the named cookie for `base` in `context`, or undefined. */
export async function cookieValue(context, base, name) {
  const cookies = await context.cookies(base);
  return cookies.find((c) => c.name === name)?.value;
}
