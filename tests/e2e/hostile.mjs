// Opens every HTML page of a built site in Chromium, with the site's CSP
// bypassed so that only sangkien's escaping and sanitising protect it, and
// fails if any script from content ran (window.__pwned) or a dialog opened.
//   node tests/e2e/hostile.mjs PUBLIC_DIR
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './lib.mjs';

const root = process.argv[2];
const pages = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p); else if (name.endsWith('.html')) pages.push(p);
  }
})(root);

const browser = await launch();
const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
const page = await context.newPage();
const ran = [];
page.on('dialog', async (d) => { ran.push(`dialog on ${page.url()}`); await d.dismiss(); });
for (const file of pages) {
  const html = readFileSync(file, 'utf8');
  if (/http-equiv="refresh"/.test(html)) {
    // A redirect page would navigate away before we could look: check the
    // same markup with only the refresh removed.
    await page.setContent(html.replace(/<meta http-equiv="refresh"[^>]*>/, ''), { waitUntil: 'load' });
  } else {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }
  // Give event handlers (onerror of broken images, onload of SVG) a moment.
  await page.waitForTimeout(20);
  if (await page.evaluate(() => window.__pwned === 1)) ran.push(relative(root, file));
}
await browser.close();
if (ran.length) {
  console.log(`content script ran on: ${ran.join(', ')}`);
  process.exit(1);
}
console.log(`${pages.length} pages checked, no content script ran`);
