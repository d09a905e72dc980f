// copy.js — "Sao chép" buttons for the citation block of an initiative page.
//
// Markup (see templates/entry.html):
//   <p id="cite-inline">…</p>
//   <button type="button" data-copy-target="cite-inline"
//           data-copied-label="Đã sao chép" data-failed-label="…" hidden>Sao chép</button>
//   <p role="status" aria-live="polite" data-copy-status></p>
//
// The buttons are rendered `hidden`, so a page without JavaScript (or without the Clipboard API)
// shows selectable text only (and the access date keeps its placeholder). No dependencies; loaded
// as an ES module, so it runs after parsing.

const RESET_AFTER_MS = 2500;

function liveRegion() {
  let region = document.querySelector("[data-copy-status]");
  if (!region) {
    region = document.createElement("p");
    region.className = "visually-hidden";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    region.setAttribute("data-copy-status", "");
    document.body.append(region);
  }
  return region;
}

function announce(region, message) {
  // Clear first so that the same message is announced again on a second click.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

function textOf(target) {
  // A text field (the embed snippet) is copied as it is.
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
    return target.value.trim();
  }
  // The text as a reader sees it, with runs of white space from the HTML source collapsed.
  return (target.innerText || target.textContent || "").replace(/\s+/g, " ").trim();
}

// The citation's date of access: the build has no clock (pages are the same bytes whenever they
// are built), so `<span data-access-date>` holds a placeholder that is replaced here with today's
// date on the reader's machine, written as Vietnamese documents write dates (Nghị định 30/2020:
// two-digit day, month padded only for 1 and 2, e.g. 05/3/2026).
function fillAccessDates() {
  const now = new Date();
  const day = String(now.getDate()).padStart(2, "0");
  const month = now.getMonth() + 1;
  const text = `${day}/${month <= 2 ? String(month).padStart(2, "0") : month}/${now.getFullYear()}`;
  for (const el of document.querySelectorAll("[data-access-date]")) {
    el.textContent = text;
  }
}

function setup() {
  fillAccessDates();
  if (!navigator.clipboard || typeof navigator.clipboard.writeText !== "function") {
    return; // e.g. a page opened over plain http: keep the buttons hidden.
  }
  const buttons = document.querySelectorAll("button[data-copy-target]");
  if (buttons.length === 0) {
    return;
  }
  const region = liveRegion();

  for (const button of buttons) {
    const target = document.getElementById(button.dataset.copyTarget);
    if (!target) {
      continue;
    }
    const idleLabel = button.innerHTML;
    const copiedLabel = button.dataset.copiedLabel || "Đã sao chép";
    const failedLabel = button.dataset.failedLabel || copiedLabel;
    let timer = 0;

    button.addEventListener("click", async () => {
      window.clearTimeout(timer);
      try {
        await navigator.clipboard.writeText(textOf(target));
        button.textContent = copiedLabel;
        button.classList.add("is-copied");
        announce(region, copiedLabel);
      } catch {
        // Select the text so that the reader can copy it with the keyboard or the menu.
        const selection = window.getSelection();
        if (selection) {
          const range = document.createRange();
          range.selectNodeContents(target);
          selection.removeAllRanges();
          selection.addRange(range);
        }
        announce(region, failedLabel);
      }
      timer = window.setTimeout(() => {
        button.innerHTML = idleLabel;
        button.classList.remove("is-copied");
      }, RESET_AFTER_MS);
    });

    button.hidden = false;
  }
}

setup();
