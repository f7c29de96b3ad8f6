// Host page script shared by newsletter-host.html and a11y-host.html. Builds <cto-cio-quiz id="quiz">
// into #mount from the query string BEFORE the loader (/dist/embed.js) runs, so the widget reads its
// final attributes when it mounts.
//
// Every query parameter named like one of the element's attributes is copied onto it as is, e.g.
//   newsletter-host.html?storage-key=k&newsletter-provider=kit&newsletter-action=/newsletter/kit
// with one convenience: a newsletter-action starting with a single "/" is made absolute on this
// page's origin (http://127.0.0.1:<port>/...), since the widget itself only accepts absolute URLs.
// An absent parameter means an absent attribute.
(function () {
  'use strict';
  var ATTRIBUTES = [
    'storage-key',
    'parts',
    'questions',
    'feedback',
    'newsletter-action',
    'newsletter-provider',
    'newsletter-tag',
    'privacy-url'
  ];
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
