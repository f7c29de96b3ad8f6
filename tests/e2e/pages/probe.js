// Console probe for the end-to-end tests. Loaded as the FIRST script of every host page (a classic,
// external script: the strict CSP blocks inline ones). It records what a reader's console would
// show as a problem into window.__ccqProbe, which the harness reads over WebDriver:
//   console.error / console.warn calls, uncaught errors and failed resource loads, unhandled
//   promise rejections, and Content-Security-Policy violations.
// It only observes: the original console methods still run.
(function () {
  'use strict';
  var log = [];
  window.__ccqProbe = log;

  function describe(value) {
    if (value instanceof Error) return value.name + ': ' + value.message;
    if (typeof value === 'string') return value;
    try {
      return JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  }

  ['error', 'warn'].forEach(function (level) {
    var original = console[level];
    console[level] = function () {
      log.push({ kind: 'console.' + level, message: Array.prototype.map.call(arguments, describe).join(' ') });
      return original.apply(console, arguments);
    };
  });

  // Capture phase on window: resource load errors (script, link, img) do not bubble.
  window.addEventListener('error', function (event) {
    if (event instanceof ErrorEvent) {
      log.push({ kind: 'error', message: String(event.message) + ' at ' + event.filename + ':' + event.lineno });
    } else {
      var t = event.target || {};
      log.push({ kind: 'error', message: 'failed to load ' + String(t.src || t.href || t.tagName) });
    }
  }, true);

  window.addEventListener('unhandledrejection', function (event) {
    log.push({ kind: 'unhandledrejection', message: describe(event.reason) });
  });

  // securitypolicyviolation is composed, so violations inside shadow roots reach the document too.
  document.addEventListener('securitypolicyviolation', function (event) {
    log.push({
      kind: 'csp',
      message: String(event.violatedDirective) + ' blocked ' + String(event.blockedURI || '(inline)') +
        (event.sourceFile ? ' in ' + event.sourceFile + ':' + event.lineNumber : '')
    });
  }, true);
})();

// Paint timing, where the engine reports it: window.__ccqPaints lists the first paints, every
// largest-contentful-paint candidate and element-timing entry in the order the browser reported
// them, with the time and size it counted and the element (null for one inside a shadow root,
// which paint timing does not expose).
// tests/largest_paint.rs reads it.
(function () {
  'use strict';
  var paints = [];
  window.__ccqPaints = paints;
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  ['paint', 'largest-contentful-paint', 'element'].forEach(function (type) {
    if (types.indexOf(type) < 0) return;
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        var el = e.element;
        paints.push({
          type: type,
          at: Math.round(e.startTime),
          size: e.size || 0,
          id: e.identifier || e.name || '',
          element: el ? el.localName + ': ' + String(el.textContent).trim().slice(0, 40) : null
        });
      });
    }).observe({ type: type, buffered: true });
  });
})();
