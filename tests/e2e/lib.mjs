// Shared helpers for the browser tests: one Chromium (Debian's), pages that
// record console errors, failed requests and requests to other hosts.
import { chromium } from 'playwright-core';

export const BASE = process.env.SANGKIEN_URL ?? 'http://127.0.0.1:8000/';
export const OUT = process.env.SANGKIEN_OUT ?? '';
export const SHOTS = new URL('./screenshots/', import.meta.url);

/** The page types of the default theme, with one example path each. */
export const PAGE_TYPES = {
  home: '',
  entry: 'sang-kien/so-hoa-so-ho-tich-giay/',
  field: 'linh-vuc/chuyen-doi-so/',
  terms: 'linh-vuc/',
  province: 'tinh/cao-bang/',
  year: 'nam/2025/',
  units: 'don-vi/',
  unit: 'don-vi/cao-bang/xa-thanh-mau/',
  page: 'trang/gioi-thieu/',
  search: 'tim-kiem/',
  stats: 'thong-ke/',
  ready: 'san-sang-nhan-rong/',
  featured: 'dien-hinh-tieu-bieu/',
  recent: 'moi-cap-nhat/',
  changelog: 'nhat-ky/',
  notfound: 'khong-co-trang-nay/',
};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A page that records what went wrong while it was used. */
/** A browser context for the tests. Under heavy disk pressure (another
 * build writing gigabytes) Chromium has stalled a navigation past
 * Playwright's 30 s default while the server answered in milliseconds; a
 * page that never loads still fails. */
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultNavigationTimeout(90000);
  return context;
}

export async function watchedPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await newContext(browser, { viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const host = new URL(BASE).host;
  const problems = { console: [], failed: [], foreign: [], bytes: 0 };
  page.on('console', (m) => {
    // The 404 page is visited on purpose; Chromium logs its status.
    if (m.type() === 'error' && !(m.text().includes('404') && page.url().includes('khong-co-trang-nay'))) problems.console.push(m.text());
  });
  page.on('pageerror', (e) => problems.console.push(String(e)));
  // A request cancelled because the page navigated away (a redirect page's
  // stylesheet) is not a failure of the site.
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (!why.includes('ERR_ABORTED')) problems.failed.push(`${r.url()} ${why}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol.startsWith('http') && u.host !== host) problems.foreign.push(r.url());
  });
  page.on('response', async (r) => {
    if (r.status() >= 400 && !r.url().includes('khong-co-trang-nay')) problems.failed.push(`${r.url()} ${r.status()}`);
  });
  return { page, context, problems };
}

export function assertClean(assert, problems, where) {
  assert.deepEqual(problems.console, [], `console errors on ${where}`);
  assert.deepEqual(problems.failed, [], `failed requests on ${where}`);
  assert.deepEqual(problems.foreign, [], `requests to other hosts on ${where}`);
}
