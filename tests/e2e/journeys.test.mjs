// End-to-end journeys of a reader and a journalist, in Chromium, against
// `sangkien serve` of the sample bank.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, watchedPage, assertClean } from './lib.mjs';

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
  const context = await browser.newContext({ javaScriptEnabled: false });
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
