// Makes window.localStorage throw on access, the way a browser with storage blocked for the site
// does (SecurityError). Runs right after the probe, before the widget's loader.
Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get: function () {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
});
