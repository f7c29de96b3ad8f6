// Layout-shift recorder for tests/layout_shift.rs. A classic script placed after the marker (the
// strict CSP blocks inline scripts); the page's fallback and host content are laid out by then.
//
// 1. Records the marker's position as the reader first sees the page.
// 2. Starts a buffered PerformanceObserver for `layout-shift` entries (Chromium only: Firefox and
//    WebKit do not implement the Layout Instability API; `supported` says which).
// 3. Loads embed.js only after the first frame has been painted (two animation frames): over a
//    real network the loader arrives after first paint, so any space it reserved itself would be
//    a shift of its own. A local server is fast enough to hide that; this makes it explicit.
// window.__ccqCls() returns everything, with the marker's position at the time of the call.
(function () {
  'use strict';
  var marker = document.getElementById('marker');
  var entries = [];
  var supported = !!(window.PerformanceObserver &&
    PerformanceObserver.supportedEntryTypes &&
    PerformanceObserver.supportedEntryTypes.indexOf('layout-shift') >= 0);

  function box(el) {
    var r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height };
  }

  function describe(node) {
    if (!node) return '(gone)';
    if (node.nodeType !== 1) return node.nodeName;
    return node.localName + (node.id ? '#' + node.id : '');
  }

  if (supported) {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) {
        entries.push({
          value: e.value,
          hadRecentInput: e.hadRecentInput,
          at: e.startTime,
          sources: (e.sources || []).map(function (s) {
            return describe(s.node) + ' ' + Math.round(s.previousRect.top) + '->' + Math.round(s.currentRect.top);
          })
        });
      });
    }).observe({ type: 'layout-shift', buffered: true });
  }

  var state = { before: null, loaderAt: null };
  requestAnimationFrame(function () {
    requestAnimationFrame(function () {
      state.before = box(marker);
      state.loaderAt = performance.now();
      var s = document.createElement('script');
      s.type = 'module';
      s.src = '/dist/embed.js';
      document.body.appendChild(s);
    });
  });

  window.__ccqCls = function () {
    return {
      supported: supported,
      entries: entries,
      before: state.before,
      after: box(marker),
      loaderAt: state.loaderAt,
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
      host: box(document.getElementById('quiz'))
    };
  };
})();
