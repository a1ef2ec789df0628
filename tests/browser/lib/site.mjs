// The site the accessibility and HTML-validity gates check, and the list of
// every page type on it.
//
// One demo server with the narration workers off, so that exactly one
// article has a narration: `dateline narrate` (the real CLI, on the server's
// data folder) narrates the first article on the home page, and the next one
// stays without. Both facts are checked, never assumed.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { datelineBin, startServer } from './server.mjs';
import { signIn } from './newsroom.mjs';

const run = promisify(execFile);

/** The article with a correction in the demo content. */
export const CORRECTED = '/articles/kampala-mobile-money-outage';

async function html(base, path) {
  const res = await fetch(new URL(path, base));
  assert.equal(res.status, 200, `GET ${path}`);
  return res.text();
}

const firstMatch = (text, re, what) => {
  const m = text.match(re);
  assert.ok(m, `no ${what} found`);
  return m[1];
};

/**
 * Starts the site; resolves to { server, paths } where paths has the
 * discovered `narrated`, `plain` (no narration), `section` and `contributor`.
 */
export async function startSite() {
  const server = await startServer({ env: { DATELINE_WORKERS: '0' } });
  try {
    const home = await html(server.base, '/');
    const articles = [...new Set([...home.matchAll(/href="(\/articles\/[^"?#]+)"/g)].map((m) => m[1]))]
      .filter((p) => p !== CORRECTED);
    assert.ok(articles.length >= 2, `the home page links ${articles.length} articles, need two`);
    const [narrated, plain] = articles;
    await run(datelineBin(), ['narrate', '--data', server.dataDir, narrated.split('/').pop()], {
      timeout: 180_000,
    });
    assert.match(await html(server.base, narrated), /<audio/, `${narrated} has a narration after \`dateline narrate\``);
    assert.doesNotMatch(await html(server.base, plain), /<audio/, `${plain} has no narration (workers are off)`);
    const section = firstMatch(home, /href="(\/sections\/[^"?#/]+)"/, 'section link on the home page');
    const contributor = firstMatch(await html(server.base, narrated), /href="(\/contributors\/[^"?#]+)"/, `contributor link on ${narrated}`);
    return { server, paths: { narrated, plain, section, contributor } };
  } catch (err) {
    await server.stop();
    throw err;
  }
}

const EDIT = '/newsroom/articles/kampala-mobile-money-outage';

/**
 * Every page type: { name, path, status, role } (role: the demo person signed
 * in to see it, or null). Feeds, sitemaps and the API are not HTML pages.
 */
export function pageTypes({ narrated, plain, section, contributor }) {
  const slug = (p) => p.split('/').pop();
  const pub = (name, path, status = 200) => ({ name, path, status, role: null });
  const as = (role, name, path, status = 200) => ({ name, path, status, role });
  return [
    pub('home', '/'),
    pub('article with narration', narrated),
    pub('article without narration', plain),
    pub('article with a correction', CORRECTED),
    pub('section', section),
    pub('contributor', contributor),
    pub('search', '/search?q=water'),
    pub('search with no results', '/search?q=qqqzzzxxx'),
    pub('search without a query', '/search'),
    pub('search with a malformed query (400)', '/search?q=%FF', 400),
    pub('not found (404)', '/no-such-page', 404),
    pub('lite home', '/lite/'),
    pub('lite article', `/lite${plain}`),
    pub('lite article with a correction', `/lite${CORRECTED}`),
    pub('lite section', `/lite${section}`),
    pub('lite not found (404)', '/lite/no-such-page', 404),
    pub('newsroom sign-in', '/newsroom/sign-in'),
    pub('newsroom one-time link', '/newsroom/link/0000'),
    as('editor', 'newsroom dashboard (editor)', '/newsroom/'),
    as('contributor', 'newsroom dashboard (contributor)', '/newsroom/'),
    as('editor', 'newsroom new article', '/newsroom/articles/new'),
    as('editor', 'newsroom edit article', EDIT),
    as('editor', 'newsroom revisions', `${EDIT}/history`),
    as('editor', 'newsroom media library', '/newsroom/media'),
    as('editor', 'newsroom password', '/newsroom/password'),
    as('admin', 'newsroom people', '/newsroom/users'),
    as('admin', 'newsroom API keys', '/newsroom/api-keys'),
    as('editor', 'newsroom audit log', '/newsroom/audit'),
    as('editor', 'newsroom breaking strip', '/newsroom/breaking'),
    as('editor', 'newsroom lexicon', '/newsroom/lexicon'),
    as('editor', 'newsroom contributors', '/newsroom/contributors'),
    as('editor', 'newsroom edit contributor', `/newsroom/contributors/${slug(contributor)}`),
    as('editor', 'newsroom sections', '/newsroom/sections'),
    as('editor', 'newsroom edit section', `/newsroom/sections/${slug(section)}`),
    as('contributor', 'newsroom forbidden (403)', '/newsroom/users', 403),
    as('editor', 'newsroom not found (404)', '/newsroom/articles/no-such-article', 404),
  ];
}

/**
 * Signs each role in `roles` in once; resolves to { role: storageState } so
 * that fresh contexts (any colour scheme) start signed in.
 */
export async function signedInStates(browser, base, roles) {
  const states = {};
  for (const role of roles) {
    const context = await browser.newContext();
    try {
      await signIn(context, base, role);
      states[role] = await context.storageState();
    } finally {
      await context.close();
    }
  }
  return states;
}

/**
 * The newsroom's forms answered with their problems: { name, role, path,
 * fields: { selector: value }, submit (the button's text, or the form's first
 * submit button) }. Each is refused with 422 and changes nothing.
 */
export const FORM_ERRORS = [
  { name: 'sign-in refused', role: null, path: '/newsroom/sign-in', fields: { '#email': 'nobody@newsroom.test', '#password': 'not the password' } },
  { name: 'editor with every problem marked', role: 'author', path: '/newsroom/articles/new', fields: { '#headline': '', '#slug': 'Not A Slug', '#publish_at': 'next tuesday' }, submit: 'Save' },
  { name: 'password change refused', role: 'editor', path: '/newsroom/password', fields: { '#current': 'not the password', '#new': 'short', '#repeat': 'different' } },
  { name: 'API key without a name', role: 'admin', path: '/newsroom/api-keys', fields: { '#name': '' } },
  { name: 'breaking strip refused', role: 'editor', path: '/newsroom/breaking', fields: { '#text': '', '#until': 'forever' } },
  { name: 'lexicon that does not parse', role: 'editor', path: '/newsroom/lexicon', fields: { '#text': 'this is [not a lexicon' } },
  { name: 'contributor refused', role: 'editor', path: '/newsroom/contributors', fields: { '#slug': 'Not A Slug', '#name': '' } },
  { name: 'section refused', role: 'editor', path: '/newsroom/sections', fields: { '#slug': 'Not A Slug', '#language': 'not a language', '#position': 'x' } },
];

/**
 * Opens `form.path` in a new tab of `context`, fills the fields (the browser's
 * own checks turned off, so that the server's are what answers) and submits;
 * resolves to { tab, response } with the tab showing the server's answer.
 */
export async function submitProblems(context, base, form) {
  const tab = await context.newPage();
  const res = await tab.goto(new URL(form.path, base).href);
  assert.equal(res?.status(), 200, `GET ${form.path}`);
  const first = Object.keys(form.fields)[0];
  await tab.locator(first).evaluate((el) => {
    el.form.noValidate = true;
  });
  for (const [selector, value] of Object.entries(form.fields)) await tab.locator(selector).fill(value);
  const owner = tab.locator(`form:has(${first})`);
  const button = form.submit
    ? owner.getByRole('button', { name: form.submit, exact: true })
    : owner.locator('button[type="submit"]').first();
  const [response] = await Promise.all([
    tab.waitForResponse((r) => r.request().method() === 'POST'),
    button.click(),
  ]);
  await tab.waitForLoadState('load');
  return { tab, response };
}
