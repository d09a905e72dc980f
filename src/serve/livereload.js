// Live reload for `sangkien serve`. Served by the preview server only and
// added to pages as they are served: a built site never contains it.
// Listens to /__sangkien/events: "reload" after a good rebuild reloads the
// page; "build-error" shows the diagnostics over the page (built with text
// nodes only: the message is never parsed as HTML).
(() => {
  "use strict";
  let overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function show(data) {
    let msg;
    try {
      msg = JSON.parse(data);
    } catch (_) {
      msg = { title: "sangkien", note: "", text: String(data), close: "×" };
    }
    hide();
    if (!document.querySelector("link[data-sangkien-overlay]")) {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = "/__sangkien/overlay.css";
      css.setAttribute("data-sangkien-overlay", "");
      document.head.appendChild(css);
    }
    overlay = element("div", "sangkien-overlay");
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-labelledby", "sangkien-overlay-title");
    const title = element("p", "sangkien-overlay__title", msg.title);
    title.id = "sangkien-overlay-title";
    const close = element("button", "sangkien-overlay__close", msg.close);
    close.type = "button";
    close.addEventListener("click", hide);
    overlay.append(title, element("p", "sangkien-overlay__note", msg.note), element("pre", "sangkien-overlay__text", msg.text), close);
    document.body.appendChild(overlay);
    close.focus();
  }

  const events = new EventSource("/__sangkien/events");
  events.addEventListener("reload", () => window.location.reload());
  events.addEventListener("build-error", (e) => show(e.data));
})();
