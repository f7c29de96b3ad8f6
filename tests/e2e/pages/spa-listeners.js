// Host page script for tests/spa.rs, loaded after probe.js and BEFORE embed.js (an external
// classic script: the strict CSP blocks inline ones). Counts the window "storage" listeners that
// are registered and not yet removed, as window.__ccqStorageListeners(), by wrapping
// window.addEventListener / removeEventListener; the wrapped methods still do their work.
(function () {
  'use strict';
  var live = new Set();
  var add = window.addEventListener, remove = window.removeEventListener;
  window.addEventListener = function (type, listener) {
    if (type === 'storage' && listener) live.add(listener);
    return add.apply(this, arguments);
  };
  window.removeEventListener = function (type, listener) {
    if (type === 'storage') live.delete(listener);
    return remove.apply(this, arguments);
  };
  window.__ccqStorageListeners = function () {
    return live.size;
  };
})();
