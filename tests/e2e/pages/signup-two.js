// Builds two <cto-cio-quiz> elements, #quiz and #other, into #mount before the loader runs, each
// with the query's newsletter-action (a path is made absolute on this origin) and its own
// storage key ("<storage-key>-quiz" and "-other"). window.__ccqAddWidget(id) adds one more later.
// window.__ccqReplies counts the page's fetches that settled (the loader's too) (resolved or rejected): the signal
// that a reply has reached the page, whatever the page's script then did with it.
(function () {
  'use strict';
  var fetch = window.fetch;
  window.__ccqReplies = 0;
  window.fetch = function () {
    var reply = fetch.apply(this, arguments);
    var settled = function () { window.__ccqReplies += 1; };
    reply.then(settled, settled);
    return reply;
  };
  var params = new URLSearchParams(location.search);
  var action = params.get('newsletter-action') || '';
  if (action.charAt(0) === '/') action = location.origin + action;
  var key = params.get('storage-key') || 'e2e-signup-two';
  function widget(id) {
    var quiz = document.createElement('cto-cio-quiz');
    quiz.id = id;
    quiz.setAttribute('storage-key', key + '-' + id);
    quiz.setAttribute('newsletter-action', action);
    quiz.setAttribute('newsletter-provider', params.get('newsletter-provider') || 'generic');
    var fallback = document.createElement('p');
    fallback.className = 'fallback';
    fallback.textContent = 'The article: CTO vs CIO';
    quiz.appendChild(fallback);
    document.getElementById('mount').appendChild(quiz);
  }
  widget('quiz');
  widget('other');
  window.__ccqAddWidget = widget;
})();
