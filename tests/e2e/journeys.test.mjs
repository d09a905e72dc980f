// End-to-end journeys of a reader and a journalist, in Chromium, against
// `sangkien serve` of the sample bank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, newContext, watchedPage, assertClean } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('home → browse by field → entry → copy the citation', async () => {
  const { page, context, problems } = await watchedPage(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  await page.goto(BASE);
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  await page.getByRole('navigation').first().getByRole('link', { name: 'Lĩnh vực' }).click();
  await page.waitForURL(/linh-vuc\/$/);
  await page.getByRole('link', { name: /Chuyển đổi số/ }).first().click();
  await page.waitForURL(/linh-vuc\/chuyen-doi-so\/$/);
  const first = page.locator('article.card a').first();
  const href = await first.getAttribute('href');
  await first.click();
  await page.waitForURL(/sang-kien\//);
  assert.ok(page.url().endsWith(href.replace(/^(\.\.\/)+/, '')), `${page.url()} is the card's target ${href}`);
  assert.match(await page.locator('main').innerText(), /Trích dẫn/);
  const citation = (await page.locator('#cite-inline').innerText()).trim();
  assert.match(citation, /Quyết định số/);
  await page.locator('button[data-copy-target="cite-inline"]').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied.trim(), citation);
  await page.locator('[data-copy-status]', { hasText: /sao chép/i }).first().waitFor();
  assertClean(assert, problems, 'the journey');
  await context.close();
});

test('the permanent link leads to the entry page', async () => {
  const { page, context, problems } = await watchedPage(browser);
  // The redirect page navigates at once (meta refresh): wait for the first
  // response only, then for the page it leads to.
  await page.goto(new URL('s/CB-2025-0001/', BASE).href, { waitUntil: 'commit' });
  await page.waitForURL(/sang-kien\/so-hoa-so-ho-tich-giay\/$/, { timeout: 20000 });
  assert.match(await page.locator('body').innerText(), /CB-2025-0001/);
  assertClean(assert, problems, 'the permanent link');
  await context.close();
});

test('the units directory lists provinces and opens a unit page', async () => {
  const { page, context, problems } = await watchedPage(browser);
  await page.goto(new URL('don-vi/', BASE).href);
  const text = await page.locator('main').innerText();
  for (const p of ['Cao Bằng', 'Lạng Sơn', 'Đà Nẵng']) assert.ok(text.includes(p), `${p} is listed`);
  await page.locator('main a[href$="don-vi/cao-bang/xa-thanh-mau/"]').first().click();
  await page.waitForURL(/don-vi\/cao-bang\/xa-thanh-mau\/$/);
  assert.match(await page.locator('h1').innerText(), /Thanh Mẫu/);
  assertClean(assert, problems, 'the units directory');
  await context.close();
});

test('reading needs no JavaScript', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(new URL('sang-kien/so-hoa-so-ho-tich-giay/', BASE).href);
  const text = await page.locator('main').innerText();
  assert.match(text, /Thực trạng/);
  assert.match(text, /Quyết định số/);
  await page.goto(new URL('tim-kiem/', BASE).href);
  assert.ok(await page.locator('main a[href*="linh-vuc/"]').count() > 0, 'the search page offers browse links without JavaScript');
  await context.close();
});

test('the statistics page shows charts that screen readers can read, each with its data table', async () => {
  const { page, context, problems } = await watchedPage(browser);
  await page.goto(BASE);
  await page.getByRole('navigation').first().getByRole('link', { name: 'Thống kê' }).click();
  await page.waitForURL(/thong-ke\/$/);
  const charts = page.locator('main svg[role="img"]');
  const n = await charts.count();
  assert.ok(n >= 5, `${n} charts`);
  for (let i = 0; i < n; i++) {
    const chart = charts.nth(i);
    const title = await chart.locator('title').first().textContent();
    assert.ok(title && title.trim().length > 3, `chart ${i} has a title`);
  }
  assert.ok(await page.locator('main table').count() >= n, 'a data table beside each chart');
  assertClean(assert, problems, 'the statistics page');
  await context.close();
});

test('search with and without diacritics, with a filter; open a result; share and reload the URL', async () => {
  const { page, context, problems } = await watchedPage(browser, { width: 375, height: 812 });
  await page.goto(new URL('tim-kiem/', BASE).href);
  const input = page.locator('input[name="q"]');
  const results = page.locator('#search-app .search-result a');
  const firstIds = async () => (await results.evaluateAll((as) => as.slice(0, 3).map((a) => a.getAttribute('href'))));

  // A query has settled when the URL carries it and the results are no longer busy.
  const settled = (q) => page.waitForFunction((want) => new URLSearchParams(location.search).get('q') === want
    && document.getElementById('search-app').getAttribute('aria-busy') === 'false', q, { timeout: 60000 });

  await input.fill('chuyen doi so');
  await settled('chuyen doi so');
  const folded = await firstIds();
  await input.fill('chuyển đổi số');
  await settled('chuyển đổi số');
  const exact = await firstIds();
  assert.ok(folded.length > 0 && exact.length > 0);
  assert.ok(exact.some((h) => folded.includes(h)), 'with and without diacritics find the same entries');
  const highlighted = await page.locator('#search-app .search-result mark').count();
  assert.ok(highlighted > 0, 'matching words are highlighted');

  await input.fill('mot cua');
  await settled('mot cua');
  // Filter by a province through the facet control.
  const province = page.locator('#search-app input[name="tinh"][value="cao-bang"]');
  await page.locator('#search-app .search-facet summary', { hasText: 'Tỉnh, thành phố' }).click();
  await province.check();
  await page.waitForURL(/tinh=cao-bang/);
  const shared = page.url();
  assert.match(shared, /[?&]q=mot(\+|%20)cua/);
  // The URL changes at once; the filtered results follow when the query has run.
  await page.waitForFunction(() => {
    const metas = [...document.querySelectorAll('#search-app .search-meta')].map((m) => m.textContent);
    return metas.length > 0 && metas.every((m) => m.includes('Cao Bằng'));
  }, null, { timeout: 60000 });
  const metas = await page.locator('#search-app .search-meta').allInnerTexts();
  assert.ok(metas.length > 0 && metas.every((m) => m.includes('Cao Bằng')), `filtered to Cao Bằng: ${metas}`);

  // Sharing: a fresh page with the URL shows the same results.
  const before = await firstIds();
  await page.goto(shared);
  await results.first().waitFor();
  assert.deepEqual(await firstIds(), before);
  assert.equal(await input.inputValue(), 'mot cua');

  await results.first().click();
  await page.waitForURL(/sang-kien\//);
  assertClean(assert, problems, 'the search journey');
  await context.close();
});

test('a filter the reader opened stays open while the results change', async () => {
  const { page, context, problems } = await watchedPage(browser);
  const settled = (q) => page.waitForFunction((want) => new URLSearchParams(location.search).get('q') === want
    && document.getElementById('search-app').getAttribute('aria-busy') === 'false', q, { timeout: 60000 });
  await page.goto(new URL('tim-kiem/?q=ho+tich', BASE).href);
  await settled('ho tich');
  const provinces = () => page.locator('#search-app .search-facet', { has: page.locator('summary', { hasText: 'Tỉnh, thành phố' }) });
  await provinces().locator('summary').click();
  assert.equal(await provinces().evaluate((d) => d.open), true);
  await page.locator('input[name="q"]').fill('ho tich so');
  await settled('ho tich so');
  assert.equal(await provinces().evaluate((d) => d.open), true, 'the re-rendered facet is still open');
  await provinces().locator('summary').click();
  await page.locator('input[name="q"]').fill('ho tich');
  await settled('ho tich');
  assert.equal(await provinces().evaluate((d) => d.open), false, 'a facet the reader closed stays closed');
  assertClean(assert, problems, 'open facets');
  await context.close();
});

test('search input that could break a page is shown as text', async () => {
  const { page, context, problems } = await watchedPage(browser);
  await page.goto(new URL('tim-kiem/?q=' + encodeURIComponent('<img src=x onerror=window.__pwned=1>"><script>window.__pwned=1</script>'), BASE).href);
  await page.waitForTimeout(500);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#search-app img, #search-app script').count(), 0);
  await page.locator('input[name="q"]').fill('x'.repeat(1000));
  await page.waitForTimeout(300);
  await page.locator('input[name="q"]').fill('😀🎉 !!! ???');
  await page.waitForTimeout(300);
  assertClean(assert, problems, 'hostile queries');
  await context.close();
});
