// Accessibility (axe-core in the browser), valid HTML (the Nu HTML
// Checker), feed and sitemap schemas (xmllint), screenshots at phone and
// desktop sizes with no horizontal scrolling, and page weight.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { BASE, OUT, SHOTS, PAGE_TYPES, launch, newContext, watchedPage, assertClean } from './lib.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('axe-core finds no serious or critical violation on any page type', async () => {
  const axe = readFileSync(`${here}node_modules/axe-core/axe.min.js`, 'utf8');
  // axe is injected as a script; the site's CSP would rightly refuse it.
  const context = await newContext(browser, { bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const report = [];
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    await page.goto(new URL(path, BASE).href);
    await page.evaluate(axe);
    const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      report.push(`${type}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await context.close();
  assert.deepEqual(report, []);
});

test('keyboard alone reaches the main content and the search, with visible focus', async () => {
  const { page, context, problems } = await watchedPage(browser);
  await page.goto(BASE);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => ({ text: document.activeElement.textContent.trim(), href: document.activeElement.getAttribute('href') }));
  assert.equal(skip.href, '#main', 'the first Tab stop is the skip link');
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  });
  assert.ok(outline, 'the focused element shows an outline');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => /tim-kiem\/?$/.test(document.activeElement.getAttribute('href') ?? '') || document.activeElement.name === 'q');
  }
  assert.ok(reached, 'the search is reachable by keyboard');
  assertClean(assert, problems, 'keyboard navigation');
  await context.close();
});

test('search results and filters work by keyboard alone', async () => {
  const { page, context, problems } = await watchedPage(browser);
  await page.goto(new URL('tim-kiem/', BASE).href);
  await page.locator('input[name="q"]').focus();
  await page.keyboard.type('ho tich');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'ho tich'
    && document.getElementById('search-app').getAttribute('aria-busy') === 'false', null, { timeout: 60000 });
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.closest('.search-result') !== null);
  assert.ok(first, 'ArrowDown moves to the first result');
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => [...document.querySelectorAll('#search-app .search-result a')].indexOf(document.activeElement));
  assert.equal(second, 1, 'a second ArrowDown moves to the second result');
  // Tab to a filter, open it with Enter, tick a value with Space.
  const summary = page.locator('#search-app .search-facet summary').first();
  await summary.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#search-app .search-facet').first().evaluate((d) => d.open), true);
  await page.keyboard.press('Tab');
  const box = await page.evaluate(() => document.activeElement.type);
  assert.equal(box, 'checkbox', 'Tab reaches the first filter value');
  await page.keyboard.press('Space');
  await page.waitForURL(/linh-vuc=/);
  assertClean(assert, problems, 'keyboard search');
  await context.close();
});

test('landmarks, one h1 and lang on every page type', async () => {
  const { page, context } = await watchedPage(browser);
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    await page.goto(new URL(path, BASE).href);
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      main: document.querySelectorAll('main').length,
      nav: document.querySelectorAll('nav').length,
    }));
    assert.equal(facts.lang, 'vi', type);
    assert.equal(facts.h1, 1, `${type} has one h1`);
    assert.equal(facts.main, 1, `${type} has one main`);
    assert.ok(facts.nav >= 1, `${type} has navigation`);
  }
  await context.close();
});

test('the Nu HTML Checker reports no errors on any page type', { skip: !OUT && 'SANGKIEN_OUT not set' }, () => {
  const files = Object.entries(PAGE_TYPES)
    .filter(([type]) => type !== 'notfound')
    .map(([, path]) => `${OUT}/${path}index.html`)
    .concat([`${OUT}/404.html`, `${OUT}/s/CB-2025-0001/index.html`, `${OUT}/s/CB-2025-0001/nhung/index.html`]);
  for (const f of files) assert.ok(existsSync(f), f);
  const jar = `${here}node_modules/vnu-jar/build/dist/vnu.jar`;
  const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
  const messages = JSON.parse(run.stderr || '{"messages":[]}').messages;
  assert.deepEqual(messages.map((m) => `${m.url.split('/public/')[1]}:${m.lastLine}: ${m.message}`), []);
});

test('the feed and the sitemap validate against their schemas', { skip: !OUT && 'SANGKIEN_OUT not set' }, () => {
  execFileSync('xmllint', ['--noout', '--schema', `${here}schemas/sitemap.xsd`, `${OUT}/sitemap.xml`], { stdio: 'pipe' });
  execFileSync('xmllint', ['--noout', '--relaxng', `${here}schemas/atom.rng`, `${OUT}/feed.xml`], { stdio: 'pipe' });
  for (const dir of readdirSync(OUT, { withFileTypes: true })) {
    const feed = `${OUT}/${dir.name}/feed.xml`;
    if (dir.isDirectory() && existsSync(feed)) {
      execFileSync('xmllint', ['--noout', '--relaxng', `${here}schemas/atom.rng`, feed], { stdio: 'pipe' });
    }
  }
});

test('phone and desktop screenshots; no horizontal scrolling at 375 px', async () => {
  mkdirSync(SHOTS, { recursive: true });
  const wide = [];
  for (const [width, height] of [[375, 812], [1280, 800]]) {
    const { page, context, problems } = await watchedPage(browser, { width, height });
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      await page.goto(new URL(path, BASE).href);
      await page.screenshot({ path: fileURLToPath(new URL(`${type}-${width}.png`, SHOTS)), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) wide.push(`${type} at ${width}px is ${overflow}px too wide`);
    }
    assertClean(assert, problems, `pages at ${width}px`);
    await context.close();
  }
  assert.deepEqual(wide, []);
});

test('on a phone the menu is one row: search stays in view and a focused link is not hidden under it', async () => {
  const { page, context, problems } = await watchedPage(browser, { width: 375, height: 812 });
  await page.goto(new URL(PAGE_TYPES.entry, BASE).href);
  const rows = await page.locator('.site-nav__list > li, .site-nav__search').evaluateAll((lis) => new Set(lis.map((li) => Math.round(li.getBoundingClientRect().top))).size);
  assert.equal(rows, 1, 'the menu links share one row');
  // How much of a link the reader can see (within the screen and within the scrolling row),
  // and which link is at the centre of that part: not another one drawn over it.
  const seen = (link) => link.evaluate((a) => {
    const r = a.getBoundingClientRect();
    const box = (a.closest('ul') ?? document.documentElement).getBoundingClientRect();
    const left = Math.max(r.left, box.left, 0);
    const right = Math.min(r.right, box.right, window.innerWidth);
    const hit = right > left ? document.elementFromPoint((left + right) / 2, r.y + r.height / 2) : null;
    return { whole: left === r.left && right === r.right, width: Math.round(right - left), shown: hit?.closest('a')?.textContent.trim() ?? null };
  });
  const search = await seen(page.locator('.site-nav__search'));
  assert.ok(search.whole && search.shown === 'Tìm kiếm', `the search link is in view before any scrolling: ${JSON.stringify(search)}`);
  // Tab along the row: each link, as it takes focus, is brought into view (WCAG 2.4.11: not hidden;
  // Chrome leaves a link alone once 32 px of it show) and nothing covers it.
  const links = page.locator('.site-nav a');
  await links.first().focus();
  for (let i = 0; i < await links.count(); i++) {
    const link = links.nth(i);
    if (i > 0) await page.keyboard.press('Tab');
    assert.ok(await link.evaluate((a) => a === document.activeElement), `Tab reaches menu link ${i + 1}`);
    const name = (await link.textContent()).trim();
    const now = await seen(link);
    assert.ok(now.width >= 32 && now.shown === name, `the focused link "${name}" is in view and not covered: ${JSON.stringify(now)}`);
  }
  const lastLink = await seen(links.nth((await links.count()) - 2));
  assert.ok(lastLink.whole, `the row scrolls to its end: ${JSON.stringify(lastLink)}`);
  const header = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
  assert.ok(header <= 160, `the header takes ${header}px of an 812px screen`);
  assertClean(assert, problems, 'the entry page at 375px');
  await context.close();
});

test('an entry page transfers at most 60 KB (gzip) and needs no script to read', async () => {
  const { page, context } = await watchedPage(browser, { width: 375, height: 812 });
  const bodies = [];
  page.on('response', async (r) => {
    const type = r.request().resourceType();
    // Only what the published site sends: not the dev server's live reload.
    if (new URL(r.url()).pathname.startsWith('/__sangkien/')) return;
    if (['document', 'stylesheet', 'script', 'fetch', 'xhr'].includes(type)) bodies.push(r.body().then((b) => [r.url(), gzipSync(b).length]));
  });
  await page.goto(new URL(PAGE_TYPES.entry, BASE).href, { waitUntil: 'networkidle' });
  const sizes = await Promise.all(bodies);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  console.log(`entry page: ${sizes.length} requests, ${(total / 1024).toFixed(1)} KB gzip (${sizes.map(([u, n]) => `${u.split('/').slice(-2).join('/')} ${n}`).join(', ')})`);
  assert.ok(total <= 60 * 1024, `${total} bytes`);
  await context.close();
});

test('a new visitor\'s first search result costs at most 100 KB (gzip) of search code and index', async () => {
  const { page, context } = await watchedPage(browser, { width: 375, height: 812 });
  const sizes = [];
  page.on('response', (r) => {
    // The dev server's live-reload stream never ends and is not published.
    if (new URL(r.url()).pathname.startsWith('/__sangkien/')) return;
    sizes.push(r.body().then((b) => [new URL(r.url()).pathname, gzipSync(b).length]).catch(() => [r.url(), 0]));
  });
  await page.goto(new URL('tim-kiem/?q=so+hoa+ho+tich', BASE).href);
  await page.locator('#search-app .search-result').first().waitFor();
  await page.waitForLoadState('networkidle');
  const all = await Promise.all(sizes);
  const search = all.filter(([p]) => p.includes('/search/') || /\/assets\/search\./.test(p));
  const total = all.reduce((s, [, n]) => s + n, 0);
  const searchBytes = search.reduce((s, [, n]) => s + n, 0);
  console.log(`first search: ${search.length} search requests, ${(searchBytes / 1024).toFixed(1)} KB gzip of client and index; ${(total / 1024).toFixed(1)} KB with the page`);
  assert.ok(searchBytes <= 100 * 1024, `${searchBytes} bytes`);
  await context.close();
});
