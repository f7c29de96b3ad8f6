// Host page script for tests/spa.rs, loaded before embed.js: makes this browser look like Safari
// before 15.4, whose ResizeObserverEntry has no borderBoxSize (embed.js's height pin must cope).
(function () {
  'use strict';
  if (window.ResizeObserverEntry) delete window.ResizeObserverEntry.prototype.borderBoxSize;
})();
