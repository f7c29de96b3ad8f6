// Builds two <cto-cio-quiz> elements, #quiz and #other, into #mount before the loader runs, each
// with the query's newsletter-action (a path is made absolute on this origin) and its own
// storage key ("<storage-key>-a" and "-b"). window.__ccqAddWidget(id) adds one more later.
(function () {
  'use strict';
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
