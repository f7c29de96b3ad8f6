// cto-cio-quiz loader: defines <cto-cio-quiz>, loads the WebAssembly once per page when the first
// element nears the viewport, and gives each element its own shadow root. Everything is resolved
// against this file's URL, so dist/ may live under any path or on another origin than the page.
// Until the widget is ready (and forever, if it cannot load) the element's own children stay
// visible as the fallback.

const base = new URL(".", import.meta.url);
const TAG = "cto-cio-quiz";
let init;

// One shared promise: one wasm fetch however many elements there are, and one console message if it fails.
function load() {
  init ??= (typeof WebAssembly === "object"
    ? import(new URL(TAG + ".js", base).href).then(async (glue) => {
        await glue.default({ module_or_path: new URL(TAG + "_bg.wasm", base) });
        return glue;
      })
    : Promise.reject(new Error("WebAssembly is not available in this browser"))
  ).catch((err) => {
    console.error(`${TAG}: the interactive quiz could not load (${err && err.message || err}); showing the fallback content instead.`);
    throw err;
  });
  return init;
}

function state(el, value) {
  el.setAttribute("data-ccq-state", value);
}

// Holds the host at its pre-swap height (no jump up) until the widget is as tall or the reader
// interacts. getAttribute first: Blink/WebKit would write style="" back lazily.
function pin(el) {
  const had = el.hasAttribute("style"), prev = el.style.minHeight, h = el.getBoundingClientRect().height;
  el.style.minHeight = `${h}px`;
  let watch;
  const release = () => {
    if (watch) watch.disconnect();
    el.removeEventListener("pointerdown", release);
    el.removeEventListener("keydown", release);
    el.style.minHeight = prev;
    if (!had && el.getAttribute("style") === "") el.removeAttribute("style");
  };
  return (content) => {
    if (!content || !window.ResizeObserver) return release();
    watch = new ResizeObserver(([e]) => e.borderBoxSize[0].blockSize >= h && release());
    watch.observe(content);
    el.addEventListener("pointerdown", release);
    el.addEventListener("keydown", release);
  };
}

async function start(el) {
  state(el, "loading");
  let glue;
  try {
    glue = await load();
  } catch {
    state(el, "failed");
    return;
  }
  // The slot keeps the fallback on screen until the widget's stylesheet has loaded: no unstyled flash.
  const root = el.shadowRoot || el.attachShadow({ mode: "open" });
  const slot = document.createElement("slot");
  const sheet = document.createElement("link");
  sheet.rel = "stylesheet";
  sheet.href = new URL("widget.css", base).href;
  const loaded = new Promise((done) => {
    sheet.onload = sheet.onerror = done;
  });
  const container = document.createElement("div");
  container.className = "ccq";
  // Hidden until mounted: no empty styled box under the fallback meanwhile.
  container.hidden = true;
  root.replaceChildren(sheet, slot, container);
  // Mounted while the stylesheet loads, into the hidden container.
  try {
    glue.mount(el, container);
  } catch (err) {
    console.error(`${TAG}: the quiz could not start (${err && err.message || err}); showing the fallback content instead.`);
    container.remove();
    state(el, "failed");
    return;
  }
  // The widget mounts in two tasks (the explainer, then the quiz and the sign-up), so neither
  // blocks the page for long. A zero-delay timer set now runs after the widget's own (timers of
  // equal delay run in the order they were set). The swap waits for both that and the stylesheet,
  // and runs in the task of whichever comes last: no frame shows the fallback under the widget's
  // styles (that frame moved the fallback's text) or half a widget.
  const mounted = new Promise((done) => setTimeout(done, 0));
  await Promise.all([loaded, mounted]);
  // After :host { display: block } applies (min-height ignores inline boxes), and in the same task
  // as the swap, so no frame renders the pinned host with the fallback still in it.
  const unpin = pin(el);
  // One synchronous swap: no frame shows both or neither.
  container.hidden = false;
  slot.remove();
  state(el, "ready");
  unpin(container);
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
    // Moving an element around the page must not mount it twice.
    if (this.hasAttribute("data-ccq-state")) return;
    state(this, "waiting");
    if (near) near.observe(this);
    else start(this);
  }

  disconnectedCallback() {
    if (near && this.getAttribute("data-ccq-state") === "waiting") {
      near.unobserve(this);
      this.removeAttribute("data-ccq-state");
    }
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, CtoCioQuiz);
