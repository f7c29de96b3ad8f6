// cto-cio-quiz loader: defines <cto-cio-quiz>, loads the WebAssembly once per page when the first
// element nears the viewport, and gives each element its own shadow root. Everything is resolved
// against this file's URL, so dist/ may live under any path or on another origin than the page.
// Until the widget is ready (and forever, if it cannot load) the element's own children stay
// visible as the fallback. Files are named as new URL("./literal", import.meta.url), the form
// bundlers follow; `cargo xtask dist` gives them their content-hashed names here.

const TAG = "cto-cio-quiz";
let init;

// One shared promise: one wasm fetch however many elements there are, and one console message if it fails.
// Every console line starts "<cto-cio-quiz>: ", as the widget's own do (src/config.rs CONSOLE_PREFIX).
// A failed fetch is not kept: the next element to connect tries again (a flaky network), with the
// glue under a new URL, since a module that failed to import stays failed under its own.
let tries = 0;
function load() {
  init ??= (typeof WebAssembly === "object"
    ? import(new URL("./cto-cio-quiz.js", import.meta.url).href + (tries++ ? "?" + tries : "")).then(async (glue) => {
        await glue.default({ module_or_path: new URL("./cto-cio-quiz_bg.wasm", import.meta.url) });
        return glue;
      })
    : Promise.reject(new Error("WebAssembly is not available in this browser"))
  ).catch((err) => {
    console.error(`<cto-cio-quiz>: the interactive quiz could not load (${err && err.message || err}); showing the fallback content instead.`);
    if (typeof WebAssembly === "object" && !trapped) init = null;
    throw err;
  });
  return init;
}

// A trap in the wasm (a panic aborts: the release build has no unwinding and no panic hook) leaves
// the one instance every widget shares in an unknown state: every widget shows its fallback again,
// none is started on it any more, and the console says so once.
let trapped;
function trap(err) {
  if (trapped || !(err instanceof WebAssembly.RuntimeError) || !init) return;
  trapped = 1;
  init = Promise.reject(err);
  init.catch(() => {});
  console.error(`<cto-cio-quiz>: the quiz stopped because of an internal error (${err.message}); showing the fallback content instead. Reload the page to try again; saved progress is kept.`);
  for (const el of document.querySelectorAll(TAG)) {
    mounted.get(el)?.release();
    mounted.delete(el);
    if (el.hasAttribute("data-ccq-state")) {
      el.shadowRoot?.replaceChildren(document.createElement("slot"));
      state(el, "failed");
    }
  }
}
addEventListener("error", (e) => trap(e.error));
addEventListener("unhandledrejection", (e) => trap(e.reason));

// Resolves once the browser has reported the page's first contentful paint (at most a second on).
// Attaching the shadow root re-creates the fallback's layout; in a fast load that lands between the
// first frame's paint and its presentation, and Chromium then drops that frame's largest-contentful-
// paint candidates and counts the fallback's repaint, made after the wasm's request, instead.
// Only an element whose fallback shows text waits: an empty or hidden one has no paint to protect,
// and on a page that paints nothing else the wait would be the whole second.
let paint;
const painted = () => paint ??= new Promise((done) => {
  const Observer = window.PerformanceObserver;
  if (!Observer?.supportedEntryTypes?.includes("paint")) return done();
  setTimeout(done, 1000);
  new Observer((list, watch) => list.getEntriesByName("first-contentful-paint")[0] && (watch.disconnect(), done()))
    .observe({ type: "paint", buffered: true });
});

// The inherited text properties widget.css pins on :host (tests/loader_styles.rs checks they agree).
const PINNED = ["font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
  "word-spacing", "text-align", "text-indent", "text-transform", "text-shadow", "white-space",
  "visibility", "color"];

function state(el, value) {
  el.setAttribute("data-ccq-state", value);
}

// The widget of each mounted element: what `mount` returned, and the pin's release.
const mounted = new WeakMap();

// The element's own children show again (the fallback), and a later connect starts it afresh.
function reset(el) {
  el.removeAttribute("data-ccq-state");
  if (el.shadowRoot) el.shadowRoot.replaceChildren(document.createElement("slot"));
}

// Holds the host at its pre-swap height (no jump up) until the widget is as tall or the reader
// interacts. getAttribute first: Blink/WebKit would write style="" back lazily.
// Returns [hold(content), release].
function pin(el) {
  const had = el.hasAttribute("style"), prev = el.style.minHeight, h = el.getBoundingClientRect().height;
  el.style.minHeight = `${h}px`;
  let watch;
  const release = () => {
    if (watch) watch.disconnect();
    el.removeEventListener("click", release);
    el.removeEventListener("keydown", release);
    el.style.minHeight = prev;
    if (!had && el.getAttribute("style") === "") el.removeAttribute("style");
  };
  // borderBoxSize is missing before Safari 15.4: measure the box itself there.
  const height = (e) => e.borderBoxSize && e.borderBoxSize[0] ? e.borderBoxSize[0].blockSize : e.target.getBoundingClientRect().height;
  const hold = (content) => {
    if (!window.ResizeObserver) return release();
    watch = new ResizeObserver(([e]) => height(e) >= h && release());
    watch.observe(content);
    // On click, not pointerdown: a host that shrinks under the pointer would move the button away
    // before the press ends, and the reader's first click would be lost.
    el.addEventListener("click", release);
    el.addEventListener("keydown", release);
  };
  return [hold, release];
}

// Elements whose shadow root waits for its stylesheet, and how to end that wait; the previous
// element's wait, which each one's mount follows.
const styling = new WeakMap();
let turn = Promise.resolve();

async function start(el) {
  state(el, "loading");
  let glue;
  try {
    glue = await load();
    if (el.innerText.trim()) await painted();
    // Mounting starts in a task of its own, not in the one that instantiated the wasm.
    await new Promise((done) => setTimeout(done, 0));
  } catch {
    state(el, "failed");
    return;
  }
  let root, widget, release;
  try {
    // Removed while the wasm loaded: nothing to show; a later connect starts again.
    if (!el.isConnected) return reset(el);
    // The slot keeps the fallback on screen until the widget's stylesheet has loaded: no unstyled flash.
    root = el.shadowRoot || el.attachShadow({ mode: "open" });
    const slot = document.createElement("slot");
    // widget.css pins the text properties on :host as soon as it loads, frames before the swap;
    // the slot (the fallback's parent in the flat tree) keeps the fallback's as they were, so
    // its text does not move meanwhile.
    const was = getComputedStyle(el);
    for (const name of PINNED) slot.style.setProperty(name, was.getPropertyValue(name));
    const sheet = document.createElement("link");
    sheet.rel = "stylesheet";
    sheet.href = new URL("./widget.css", import.meta.url).href;
    const styled = new Promise((done, fail) => {
      sheet.onload = () => done();
      sheet.onerror = () => fail(new Error("widget.css did not load"));
    });
    const container = document.createElement("div");
    container.className = "ccq";
    // Laid out but invisible and zero-height (widget.css, .ccq[data-ccq-pending]), so the browser
    // lays out each part in the frame after it is built, not all of them after the swap.
    container.setAttribute("data-ccq-pending", "");
    root.replaceChildren(sheet, slot, container);
    // Mounted once the stylesheet is in: parts built before it would all be styled and laid out
    // in the one frame after it arrives (a long task), and laying out unstyled parts is wasted.
    // A stylesheet in a removed element never loads: stop() ends the wait instead. Mounts
    // happen in the order the elements started, whichever stylesheet loads first: the first
    // widget of a storage-key is the one that saves (src/web/store.rs).
    const removed = new Promise((done) => styling.set(el, done));
    const mine = turn.then(() => Promise.race([styled, removed]));
    turn = mine.catch(() => {});
    const gone = await mine;
    styling.delete(el);
    if (gone) return reset(el);
    // The widget builds its parts one per task over the next frames, so none blocks the page for
    // long, and calls back once the last one is in; the swap runs in that task.
    let built;
    const whole = new Promise((done) => { built = done; });
    widget = glue.mount(el, container, built);
    mounted.set(el, { widget, release: () => release && release() });
    await whole;
    // Removed meanwhile: stop() has unmounted this widget (or a later start owns the element).
    if (!el.isConnected || mounted.get(el)?.widget !== widget) return;
    // After :host { display: block } applies (min-height ignores inline boxes), and in the same task
    // as the swap, so no frame renders the pinned host with the fallback still in it.
    let hold;
    [hold, release] = pin(el);
    // One synchronous swap: no frame shows both or neither.
    container.removeAttribute("data-ccq-pending");
    slot.remove();
    state(el, "ready");
    hold(container);
  } catch (err) {
    if (trap(err), trapped) return;
    console.error(`<cto-cio-quiz>: the quiz could not start (${err && err.message || err}); showing the fallback content instead.`);
    if (release) release();
    if (widget && mounted.get(el)?.widget === widget) {
      mounted.delete(el);
      try {
        widget.unmount();
      } catch {
        // Already reported above; the fallback shows either way.
      }
    }
    if (root) root.replaceChildren(document.createElement("slot"));
    state(el, "failed");
  }
}

// Removed for good: the widget's effects, timers and listeners are released by unmount().
function stop(el) {
  if (near && el.getAttribute("data-ccq-state") === "waiting") {
    near.unobserve(el);
    el.removeAttribute("data-ccq-state");
  }
  // Failed to load: a later connect tries again (not after a trap: that instance stays broken).
  if (!trapped && el.getAttribute("data-ccq-state") === "failed") el.removeAttribute("data-ccq-state");
  const waiting = styling.get(el);
  if (waiting) return waiting(1);
  const w = mounted.get(el);
  if (!w) return;
  mounted.delete(el);
  w.release();
  try {
    w.widget.unmount();
  } catch (err) {
    if (trap(err), trapped) return;
    console.error(`<cto-cio-quiz>: the quiz could not be removed cleanly (${err && err.message || err}).`);
  }
  reset(el);
}

const near = "IntersectionObserver" in window
  ? new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) {
          near.unobserve(entry.target);
          start(entry.target);
        }
      }
    }, { rootMargin: "800px 0px" })
  : null;

class CtoCioQuiz extends HTMLElement {
  connectedCallback() {
    // Waiting, loading, mounted or failed: a move must not start it twice.
    if (this.hasAttribute("data-ccq-state")) return;
    state(this, "waiting");
    if (near) near.observe(this);
    else start(this);
  }

  // A move (removed and inserted again, as single-page apps and editors do within one task) keeps
  // the widget and its state: decide in a later task, once the element's place is settled.
  disconnectedCallback() {
    setTimeout(() => this.isConnected || stop(this));
  }
}

// Defined, and the elements already on the page upgraded, in a task of its own: a module script
// runs in the task that finishes parsing the page, which in Chromium also lays out the whole page
// when nothing else is loading (the load event forces the first layout). There the upgrade made
// the host page's longest task longer still (docs/performance.md). `customElements.whenDefined`
// tells a page that needs to know.
setTimeout(() => customElements.get(TAG) || customElements.define(TAG, CtoCioQuiz));
