// Host-page listener (quiz, a11y, stress and share pages): records every event the widget sends
// to the page into window.__quizEvents. It listens on the document, so only events that bubble out
// of the host element are seen; it is an external script because the strict CSP blocks inline ones.
(function () {
  'use strict';
  var seen = [];
  window.__quizEvents = seen;
  ['start', 'answer', 'complete', 'share'].forEach(function (name) {
    document.addEventListener('cto-cio-quiz:' + name, function (event) {
      var detail = null;
      try {
        detail = JSON.parse(JSON.stringify(event.detail));
      } catch (e) {
        detail = String(event.detail);
      }
      seen.push({
        name: name,
        detail: detail,
        target: event.target && event.target.id || '',
        bubbles: event.bubbles,
        composed: event.composed
      });
    });
  });
})();
