// Host page script for tests/stress.rs. Creates ?n= (default 20) widgets in a column,
// <cto-cio-quiz id="quiz-<i>" storage-key="stress-<i>"> for i = 1..n, each after a heading of the
// host page. quiz-events.js, loaded before it, records the widgets' events.
(function () {
  'use strict';
  var n = parseInt(new URLSearchParams(location.search).get('n') || '20', 10);
  var mount = document.getElementById('mount');
  for (var i = 1; i <= n; i++) {
    var heading = document.createElement('h2');
    heading.textContent = 'Quiz number ' + i;
    mount.appendChild(heading);
    var quiz = document.createElement('cto-cio-quiz');
    quiz.id = 'quiz-' + i;
    quiz.setAttribute('storage-key', 'stress-' + i);
    var fallback = document.createElement('p');
    fallback.className = 'fallback';
    var link = document.createElement('a');
    link.href = 'https://example.com/cto-vs-cio';
    link.textContent = 'Read the article: CTO vs CIO (' + i + ')';
    fallback.appendChild(link);
    quiz.appendChild(fallback);
    mount.appendChild(quiz);
  }
})();
