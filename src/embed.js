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

// Holds the host at least as tall as it is now (its fallback, plus any room the host page
// reserved, see the README) while the widget takes its place, so content below never moves up.
// Released at once if the widget is at least that tall (the usual case: nothing changes on screen),
// else on the reader's first pointer or key input in it (a shift right after input is expected and
// not counted as a layout shift).
function pin(el) {
  const hadStyle = el.hasAttribute("style");
  const previous = el.style.minHeight;
  el.style.minHeight = `${el.getBoundingClientRect().height}px`;
  return (content) => {
    // Leaves the light DOM as it was: no empty style="" behind. Reading the attribute first
    // matters: Blink and WebKit write CSSOM changes into it lazily, so removing it unread is
    // undone by the next read, which writes style="".
    const release = () => {
      el.style.minHeight = previous;
      if (!hadStyle && el.getAttribute("style") === "") el.removeAttribute("style");
    };
    if (!content || content.getBoundingClientRect().height >= parseFloat(el.style.minHeight)) {
      release();
      return;
    }
    const onInput = () => {
      el.removeEventListener("pointerdown", onInput);
      el.removeEventListener("keydown", onInput);
      release();
    };
    el.addEventListener("pointerdown", onInput);
    el.addEventListener("keydown", onInput);
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
  // Hidden until mounted: once styled, the empty container would show as a bordered box under the
  // fallback for as long as mounting takes.
  container.hidden = true;
  root.replaceChildren(sheet, slot, container);
  await loaded;
  // Measured now that the stylesheet's `:host { display: block }` applies: min-height does nothing
  // on the inline box an undefined custom element has.
  const unpin = pin(el);
  try {
    glue.mount(el, container);
  } catch (err) {
    console.error(`${TAG}: the quiz could not start (${err && err.message || err}); showing the fallback content instead.`);
    container.remove();
    state(el, "failed");
    unpin(null);
    return;
  }
  // One synchronous swap, so no frame shows both or neither.
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
