// cto-cio-quiz frame page script (dist/frame.html), for platforms that allow an iframe but no script.
// 1. Copies the query string's presentation parameters (storage-key, parts, questions, feedback)
// onto the page's <cto-cio-quiz> with setAttribute, before embed.js upgrades it, so the widget
// validates them exactly as it validates attributes. Where sign-ups go, the privacy link and the
// shared address (newsletter-*, privacy-url, share-url) are never taken from the query string:
// anyone can write a link to the owner's frame page, so those come only from the attributes the
// owner wrote on the element in their copy of frame.html. Query text only ever becomes attribute
// values: it is never parsed or rendered as HTML.
// 2. Tells the embedding page the content's height whenever it changes, as
// { type: "cto-cio-quiz:resize", height: <whole CSS px> }, so a host script can size the iframe.
// 3. Forwards each of the widget's events to the embedding page as { type: <the event's name>,
// detail: <its detail> } (the names and details of src/web/events.rs), so a host can feed them
// to its analytics as it would the DOM events of an inline widget.
// Both messages go to "*": the frame cannot know which blog embeds it, and neither carries a
// secret (a height, and what this reader just did on the very page that frames it; the parent
// of a frame is always the page the reader is on, and a navigating parent unloads its frames).
// The receiving side is where the check belongs: docs/platforms.md's listener accepts only
// messages whose source is its iframe's window and whose origin is the frame page's.
// A classic script placed right after the element: it runs before the module loader does.
(function () {
  "use strict";
  // The presentation attributes; a native test (tests/frame_page.rs) fails when they differ from
  // src/config.rs's PRESENTATION_ATTRIBUTES.
  var ATTRIBUTES = ["storage-key", "parts", "questions", "feedback"];
  var quiz = document.querySelector("cto-cio-quiz");
  if (!quiz) return;
  var params = new URLSearchParams(location.search);
  ATTRIBUTES.forEach(function (name) {
    if (params.has(name)) quiz.setAttribute(name, params.get(name));
  });
  // Not framed (opened on its own): nobody to tell.
  if (window.parent === window) return;
  // The events bubble from the element; names as in src/web/events.rs (tests/frame_page.rs).
  var EVENTS = ["start", "answer", "complete", "share"];
  EVENTS.forEach(function (name) {
    quiz.addEventListener("cto-cio-quiz:" + name, function (event) {
      window.parent.postMessage({ type: event.type, detail: event.detail }, "*");
    });
  });
  if (!window.ResizeObserver) return;
  var last = -1;
  function report() {
    // The body has no margin (frame.css): its box is all the page's content.
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "cto-cio-quiz:resize", height: height }, "*");
  }
  new ResizeObserver(report).observe(document.body);
})();
