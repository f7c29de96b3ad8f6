// Host page script for tests/stress.rs. Creates ?n= (default 20) widgets in a column,
// <cto-cio-quiz id="quiz-<i>" storage-key="stress-<i>"> for i = 1..n, each after a heading of the
// host page, and records every event the widgets send into window.__quizEvents as
// {name, target, detail} (a listener on the document: the events bubble and are composed).
(function () {
  'use strict';
  var seen = [];
  window.__quizEvents = seen;
  ['start', 'answer', 'complete'].forEach(function (name) {
    document.addEventListener('cto-cio-quiz:' + name, function (event) {
      var detail = null;
      try {
        detail = JSON.parse(JSON.stringify(event.detail));
      } catch (e) {
        detail = String(event.detail);
      }
      seen.push({ name: name, target: event.target && event.target.id || '', detail: detail });
    });
  });
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
