// Smoke test of the search page in a minimal fake DOM (no dependencies): the module
// mounts, reads the URL, searches, renders results with <mark> highlights built from
// text, writes the URL back, and a query made of HTML creates no element but ours.
// usage: node ui_smoke.mjs <dir holding search/>

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dir] = process.argv.slice(2);

class Node {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.children = [];
    this.attrs = {};
    this.listeners = {};
    this.dataset = {};
    this.value = '';
  }
  append(...xs) {
    for (const x of xs) {
      if (x instanceof Node && x.tagName === '#FRAGMENT') this.children.push(...x.children);
      else this.children.push(x);
    }
  }
  replaceChildren(...xs) { this.children = []; this.append(...xs); }
  setAttribute(k, v) { this.attrs[k] = String(v); }
  getAttribute(k) { return this.attrs[k]; }
  set textContent(v) { this.children = [String(v)]; }
  get textContent() { return this.children.map((c) => (c instanceof Node ? c.textContent : c)).join(''); }
  addEventListener(type, fn) { (this.listeners[type] ??= []).push(fn); }
  dispatch(type, ev = {}) { for (const fn of this.listeners[type] ?? []) fn({ preventDefault() {}, target: this, ...ev }); }
  all() { return this.children.filter((c) => c instanceof Node).flatMap((c) => [c, ...c.all()]); }
  querySelectorAll(sel) {
    if (sel === 'a') return this.all().filter((n) => n.tagName === 'A');
    if (sel === 'input[name="q"]') return this.all().filter((n) => n.tagName === 'INPUT' && n.attrs.name === 'q');
    if (sel === 'form[role="search"]') return this.all().filter((n) => n.tagName === 'FORM');
    throw new Error(`selector ${sel}`);
  }
  querySelector(sel) { return this.querySelectorAll(sel)[0] ?? null; }
  focus() { globalThis.document.activeElement = this; }
  click() { this.clicked = true; }
}

const body = new Node('body');
const form = new Node('form');
form.setAttribute('role', 'search');
const input = new Node('input');
input.setAttribute('name', 'q');
form.append(input);
const app = new Node('div');
app.dataset = { index: pathToFileURL(path.join(dir, 'search') + '/').href, lang: 'vi' };
body.append(form, app);
let url = '?q=s%E1%BB%91+ho%C3%A1+h%E1%BB%93+s%C6%A1&tinh=cao-bang';
globalThis.location = { get search() { return url; }, pathname: '/tim-kiem/' };
globalThis.history = { replaceState: (_a, _b, u) => { url = u; } };
globalThis.document = {
  baseURI: pathToFileURL(path.join(dir, 'tim-kiem') + '/').href,
  getElementById: (id) => (id === 'search-app' ? app : null),
  querySelector: (sel) => body.querySelector(sel),
  createElement: (tag) => new Node(tag),
  createDocumentFragment: () => new Node('#fragment'),
};
globalThis.fetch = async (u) => {
  try {
    const text = await readFile(fileURLToPath(u), 'utf8');
    return { ok: true, status: 200, text: async () => text };
  } catch {
    return { ok: false, status: 404, text: async () => '' };
  }
};

const client = await import(path.join(here, '../../themes/default/static/search.js'));
// Waits (up to 30 s: CI machines can be slow) for the page to reach a state.
async function until(cond, what) {
  for (let i = 0; i < 600; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
await until(() => app.children.length === 3 && app.children[2].children.length > 0, 'first results');
const status = app.children[0];
const list = app.children[2];
const idle = () => !status.textContent.includes('…');
await until(idle, 'first search');
assert.equal(input.value, 'số hoá hồ sơ', 'the query comes from the URL');
assert.ok(list.children.length > 0, `results rendered (status: ${status.textContent})`);
assert.ok(list.all().some((n) => n.tagName === 'MARK'), 'matched words are highlighted');
assert.ok(url.includes('tinh=cao-bang'), 'the filter stays in the URL');
const allowed = new Set(['P', 'DIV', 'OL', 'LI', 'H3', 'A', 'MARK', 'DETAILS', 'SUMMARY', 'UL', 'LABEL', 'INPUT', 'SPAN', 'BUTTON']);

// HTML typed into the box stays text.
input.value = '<img src=x onerror=alert(1)><script>alert(1)</script> hồ sơ';
input.dispatch('input');
await until(() => url.includes('q=%3Cimg') && idle(), 'the HTML query');
for (const n of app.all()) assert.ok(allowed.has(n.tagName), `unexpected element ${n.tagName}`);
assert.ok(url.includes('q=%3Cimg'), 'the typed text is URL-encoded');

// Keyboard: ArrowDown focuses the first result; Escape clears.
input.dispatch('keydown', { key: 'ArrowDown' });
assert.equal(globalThis.document.activeElement?.tagName, 'A');
input.dispatch('keydown', { key: 'Escape' });
await until(() => !url.includes('q='), 'clearing');
assert.equal(input.value, '');
console.log(JSON.stringify({ ui: 'ok', results: list.children.length, status: status.textContent }));
void client;
