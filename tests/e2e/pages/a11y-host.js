// Host page script for tests/a11y.rs. Builds <cto-cio-quiz id="quiz"> from the query string into
// #mount before the module loader runs (the same conventions as newsletter-host.js: a query
// parameter named like an attribute becomes that attribute, and a newsletter-action starting with
// a single "/" is made absolute on this page's origin), and records the widget's events into
// window.__quizEvents.
(function () {
  'use strict';
  var ATTRIBUTES = [
    'storage-key',
    'feedback',
    'newsletter-action',
    'newsletter-provider',
    'newsletter-tag',
    'privacy-url'
  ];
  var seen = [];
  window.__quizEvents = seen;
  ['start', 'answer', 'complete'].forEach(function (name) {
    document.addEventListener('cto-cio-quiz:' + name, function (event) {
      seen.push({ name: name, detail: event.detail, target: event.target && event.target.id || '' });
    });
  });
  var params = new URLSearchParams(location.search);
  var quiz = document.createElement('cto-cio-quiz');
  quiz.id = 'quiz';
  ATTRIBUTES.forEach(function (name) {
    if (!params.has(name)) return;
    var value = params.get(name);
    if (name === 'newsletter-action' && value.charAt(0) === '/' && value.charAt(1) !== '/') {
      value = location.origin + value;
    }
    quiz.setAttribute(name, value);
  });
  var fallback = document.createElement('p');
  fallback.className = 'fallback';
  var link = document.createElement('a');
  link.href = 'https://example.com/cto-vs-cio';
  link.textContent = 'Read the article: CTO vs CIO';
  fallback.appendChild(link);
  quiz.appendChild(fallback);
  document.getElementById('mount').appendChild(quiz);
})();
