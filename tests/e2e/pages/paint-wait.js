// Records the entry type of every PerformanceObserver the page starts after this script
// (window.__ccqObserved), so tests/paint_wait.rs can tell whether the loader waited for the
// page's first contentful paint (it observes "paint") before attaching the widget.
window.__ccqObserved = [];
const observe = PerformanceObserver.prototype.observe;
PerformanceObserver.prototype.observe = function (options) {
  window.__ccqObserved.push((options && (options.type || (options.entryTypes || []).join(" "))) || "");
  return observe.call(this, options);
};
