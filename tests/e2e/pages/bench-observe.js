// Load benchmark observer (tests/e2e/examples/bench.rs), loaded in <head> before the loader (the
// bench pages include it; the server's /bench/ path injects it into the demo post). A classic
// external script: the strict CSP blocks inline ones. It only observes, and nothing of it ships:
//   - a MutationObserver records performance.now() when a <cto-cio-quiz> first gets
//     data-ccq-state="loading" and "ready" (its callback runs in the microtask right after the
//     change, so in the task that made it), and "failed" if the loader gives up;
//   - a buffered PerformanceObserver for "longtask" entries keeps every long task (over 50 ms)
//     as [start, duration], and one for "long-animation-frame" entries keeps each long frame
//     with its scripts and its rendering, so the benchmark can say what each long task ran;
//   - stage marks [time, name], each recorded in the task that ran the stage: the loader's
//     first run (data-ccq-state="waiting", set when embed.js defines the element), the start
//     of the load ("loading"), the WebAssembly call and its result (WebAssembly.instantiateStreaming and friends, wrapped),
//     the mount task (Element.prototype.attachShadow, wrapped: embed.js attaches the shadow root
//     in the task that calls the widget's mount), and, seen by a MutationObserver on that shadow
//     root, the task that built the session and the title and each task that appended a part;
//     and the page's first contentful paint, marked at its paint time.
// window.__ccqBenchResult(embedUrl, settleMs, bare) returns a promise, resolved settleMs after the
// widget is ready (so the first rendering of the mounted widget is counted too), or with `bare`
// (a page without the widget) settleMs after the window's load event, of
//   { readyAt, loadAt, embedStart, longTasks, frames, marks, longtaskSupported, failed, error }
// where embedStart is embed.js's resource-timing startTime. The benchmark awaits it in one
// WebDriver call instead of polling, which would run scripts on the main thread it measures.
(function () {
  'use strict';
  var result = { readyAt: null, loadAt: null, longTasks: [], frames: [], marks: [], failed: false, error: null };
  var settled = null;
  var whenSettled = new Promise(function (resolve) {
    settled = resolve;
  });

  function mark(name) {
    result.marks.push([performance.now(), name]);
  }

  function keep(entry) {
    if (entry.entryType === 'longtask') {
      result.longTasks.push([entry.startTime, entry.duration]);
      return;
    }
    result.frames.push({
      start: entry.startTime,
      duration: entry.duration,
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: (entry.scripts || []).map(function (s) {
        return {
          start: s.startTime,
          duration: s.duration,
          invoker: s.invoker,
          source: String(s.sourceURL || '').replace(/^.*\//, '') +
            (s.sourceFunctionName ? ' ' + s.sourceFunctionName : ''),
          forcedLayout: s.forcedStyleAndLayoutDuration || 0
        };
      })
    });
  }

  var observers = [];
  // The page's own first contentful paint, marked at its paint time.
  try {
    new PerformanceObserver(function (list) {
      list.getEntriesByName('first-contentful-paint').forEach(function (entry) {
        result.marks.push([entry.startTime, 'first paint']);
      });
    }).observe({ type: 'paint', buffered: true });
  } catch (e) {
    result.error = 'paint observer: ' + String(e);
  }

  ['longtask', 'long-animation-frame'].forEach(function (type) {
    if ((PerformanceObserver.supportedEntryTypes || []).indexOf(type) < 0) return;
    try {
      var observer = new PerformanceObserver(function (list) {
        list.getEntries().forEach(keep);
      });
      observer.observe({ type: type, buffered: true });
      observers.push(observer);
    } catch (e) {
      result.error = type + ' observer: ' + String(e);
    }
  });

  ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile'].forEach(function (name) {
    var original = WebAssembly[name];
    if (typeof original !== 'function') return;
    WebAssembly[name] = function () {
      mark(name);
      return original.apply(WebAssembly, arguments).then(function (value) {
        mark(name + ' done');
        return value;
      });
    };
  });

  // The shadow root's children: the container (mount task), the app's root div with the title
  // (the session task), then one part per task appended to that div.
  var parts = 0;
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function () {
    mark('mount');
    var root = attach.apply(this, arguments);
    new MutationObserver(function (records) {
      // One callback per task that changed the tree: one mark for the session, one per part.
      var session = false;
      var added = [];
      records.forEach(function (r) {
        var elements = Array.prototype.filter.call(r.addedNodes, function (n) {
          return n.nodeType === 1;
        });
        if (!elements.length || r.target === root) return;
        if (r.target.parentNode === root) session = true;
        else if (r.target.parentNode && r.target.parentNode.parentNode === root) {
          added = added.concat(elements);
        }
      });
      if (session) mark('session');
      if (added.length) {
        mark('part ' + ++parts + ' (' + added.length + ' <' + added[0].localName + '>)');
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };

  new MutationObserver(function (records) {
    records.forEach(function (r) {
      var state = r.target.getAttribute('data-ccq-state');
      if (state === 'waiting' || state === 'loading') mark(state);
      if (result.readyAt === null && state === 'ready') {
        result.readyAt = performance.now();
        mark('ready');
        settled();
      } else if (state === 'failed') {
        result.failed = true;
        settled();
      }
    });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ccq-state'] });

  // The control page (the post without its loader) has no widget: its window closes settleMs
  // after the window's load event instead.
  var loaded = new Promise(function (resolve) {
    addEventListener('load', function () {
      result.loadAt = performance.now();
      resolve();
    });
  });

  window.__ccqBenchResult = function (embedUrl, settleMs, bare) {
    return (bare ? loaded : whenSettled)
      .then(function () {
        return new Promise(function (resolve) {
          setTimeout(resolve, settleMs);
        });
      })
      .then(function () {
        observers.forEach(function (observer) {
          observer.takeRecords().forEach(keep);
        });
        var entry = performance.getEntriesByName(embedUrl, 'resource')[0];
        return {
          readyAt: result.readyAt,
          loadAt: result.loadAt,
          embedStart: entry ? entry.startTime : null,
          longTasks: result.longTasks,
          frames: result.frames,
          marks: result.marks,
          longtaskSupported: (PerformanceObserver.supportedEntryTypes || []).indexOf('longtask') >= 0,
          failed: result.failed,
          error: result.error
        };
      });
  };
})();
