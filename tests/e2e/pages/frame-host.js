// Host script of frame-host.html: points the iframe at the frame URL in ?frame=, records every
// resize message the page receives from it in window.__ccqResizes (heights, in order) and every
// message of any kind in window.__ccqMessages ({ type, origin, fromFrame }), and runs the README's
// optional resizer and docs/platforms.md's event forwarder verbatim (below the recorder), so the
// tests check what owners copy. quiz-events.js then records the forwarded events as DOM events.
(function () {
  'use strict';
  var frame = document.getElementById('cto-cio-quiz-frame');
  window.__ccqResizes = [];
  window.__ccqMessages = [];
  window.addEventListener('message', function (event) {
    var type = event.data && typeof event.data.type === 'string' ? event.data.type : '';
    window.__ccqMessages.push({ type: type, origin: event.origin, fromFrame: event.source === frame.contentWindow });
    if (event.source !== frame.contentWindow) return;
    if (event.data && event.data.type === 'cto-cio-quiz:resize') window.__ccqResizes.push(event.data.height);
  });
  frame.src = new URLSearchParams(location.search).get('frame');
})();

// The README's resizer, as documented:
addEventListener("message", (event) => {
  const frame = document.getElementById("cto-cio-quiz-frame");
  if (event.source !== frame.contentWindow || event.origin !== new URL(frame.src).origin) return;
  const { type, height } = event.data || {};
  if (type === "cto-cio-quiz:resize" && Number.isInteger(height) && height > 0) frame.style.height = height + "px";
});

// docs/platforms.md's event forwarder, as documented:
addEventListener("message", (event) => {
  const frame = document.getElementById("cto-cio-quiz-frame");
  if (event.source !== frame.contentWindow || event.origin !== new URL(frame.src).origin) return;
  const { type, detail } = event.data || {};
  const events = ["cto-cio-quiz:start", "cto-cio-quiz:answer", "cto-cio-quiz:complete", "cto-cio-quiz:share"];
  if (events.includes(type)) frame.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
});
