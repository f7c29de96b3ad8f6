// Host script of frame-host.html: points the iframe at the frame URL in ?frame=, records every
// resize message the page receives from it in window.__ccqResizes (heights, in order), and runs the
// README's optional resizer verbatim (below the recorder), so the test checks what owners copy.
(function () {
  'use strict';
  var frame = document.getElementById('cto-cio-quiz-frame');
  window.__ccqResizes = [];
  window.addEventListener('message', function (event) {
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
