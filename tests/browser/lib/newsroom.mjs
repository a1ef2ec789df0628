// The demo newsroom through its real pages: signing a demo person in, filling
// the article editor, reading the problems a refused form shows, the address
// an upload lands on.

/** The password of every demo person (printed by `dateline demo`). */
export const DEMO_PASSWORD = 'dateline demo newsroom';

/** Where the library sends the browser after an upload; group 1 is the stored image's key. */
export const UPLOADED = /\/newsroom\/media\?uploaded=([0-9a-f]{16,}\.(?:png|jpg))$/;

/**
 * Signs the demo's `role` (admin, editor, author, contributor) in through the
 * sign-in form in a new tab of `context`; returns the tab, on the dashboard.
 */
export async function signIn(context, base, role) {
  const page = await context.newPage();
  await page.goto(new URL('/newsroom/sign-in', base).href);
  await page.getByLabel('Email address').fill(`${role}@newsroom.test`);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(/\/newsroom\/$/), page.getByRole('button', { name: 'Sign in' }).click()]);
  return page;
}

/**
 * Fills the editor's required fields on the open editor page. `section` is
 * an option's value ('world') or { label: 'World' }.
 */
export async function fillArticle(page, { headline, section, contributors = 'amara-osei', text }) {
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Section', { exact: true }).selectOption(section);
  await page.getByLabel('Contributors', { exact: true }).fill(contributors);
  await page.getByLabel('Text (Markdown)').fill(text);
}

/** The problems a refused form shows (its alert and the messages next to fields), for failure messages. */
export async function formProblems(page) {
  return (await page.locator('[role="alert"], .form-error, .field__error').allTextContents()).join(' | ');
}
