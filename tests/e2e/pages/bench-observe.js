// Load benchmark observer (tests/e2e/examples/bench.rs), loaded in <head> before the loader. A
// classic external script: the strict CSP blocks inline ones. It only observes:
//   - a MutationObserver records performance.now() when a <cto-cio-quiz> first gets
//     data-ccq-state="ready" (its callback runs in the microtask right after the change), and
//     "failed" if the loader gives up;
//   - a buffered PerformanceObserver for "longtask" entries keeps every long task (over 50 ms)
//     as [start, duration], so the benchmark can say which part of the load each one was.
// window.__ccqBenchResult(embedUrl, settleMs) returns a promise, resolved settleMs after the
// widget is ready (so the first rendering of the mounted widget is counted too), of
//   { readyAt, embedStart, longTasks, longtaskSupported, failed, error }
// where embedStart is embed.js's resource-timing startTime. The benchmark awaits it in one
// WebDriver call instead of polling, which would run scripts on the main thread it measures.
(function () {
  'use strict';
  var result = { readyAt: null, longTasks: [], failed: false, error: null };
  var settled = null;
  var whenSettled = new Promise(function (resolve) {
    settled = resolve;
  });

  function record(entries) {
    entries.forEach(function (entry) {
      result.longTasks.push([entry.startTime, entry.duration]);
    });
  }

  var tasks = null;
  try {
    tasks = new PerformanceObserver(function (list) {
      record(list.getEntries());
    });
    tasks.observe({ type: 'longtask', buffered: true });
  } catch (e) {
    result.error = 'longtask observer: ' + String(e);
  }

  new MutationObserver(function (records) {
    var now = performance.now();
    records.forEach(function (r) {
      var state = r.target.getAttribute('data-ccq-state');
      if (result.readyAt === null && state === 'ready') {
        result.readyAt = now;
        settled();
      } else if (state === 'failed') {
        result.failed = true;
        settled();
      }
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ccq-state'] });

  window.__ccqBenchResult = function (embedUrl, settleMs) {
    return whenSettled
      .then(function () {
        return new Promise(function (resolve) {
          setTimeout(resolve, settleMs);
        });
      })
      .then(function () {
        if (tasks) record(tasks.takeRecords());
        var entry = performance.getEntriesByName(embedUrl, 'resource')[0];
        return {
          readyAt: result.readyAt,
          embedStart: entry ? entry.startTime : null,
          longTasks: result.longTasks,
          longtaskSupported: (PerformanceObserver.supportedEntryTypes || []).indexOf('longtask') >= 0,
          failed: result.failed,
          error: result.error
        };
      });
  };
})();
