// Keyboard-only helpers: what has focus, whether its focus indicator shows,
// and moving focus with Tab alone (never element.focus() or a click).

/** The focused element, described, with what a sighted keyboard user sees of it; null when nothing is. */
export function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const cls = el.getAttribute('class') ?? '';
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('value') || '').replace(/\s+/g, ' ').trim();
    return {
      what: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).join('.')}` : ''}> "${name.slice(0, 50)}"`,
      id: el.id,
      href: el.getAttribute('href'),
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
      shadow: s.boxShadow !== 'none' && s.boxShadow !== '',
      width: r.width,
      height: r.height,
      visible: el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    };
  });
}

/** Why the focus on `f` cannot be seen, or '' when it can. */
export function focusProblem(f) {
  if (!f) return 'nothing has focus';
  const problems = [];
  if (!f.visible) problems.push('the element is hidden');
  if (!(f.width > 0 && f.height > 0)) problems.push(`the element is ${f.width}×${f.height}`);
  if (!f.outline && !f.shadow) problems.push('no outline and no box-shadow');
  return problems.length ? `${f.what}: ${problems.join(', ')}` : '';
}

/** Presses Tab until the focused element matches `selector` (at most `limit` times); returns the stops passed. */
export async function tabTo(page, selector, limit = 300) {
  const passed = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return passed;
    passed.push(await focused(page));
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}
