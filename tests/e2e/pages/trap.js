// Makes the wasm leave the way a trap does (tests/recovery.rs). A classic script of the page's own
// origin, so what it throws reaches window "error" listeners unmuted, as a real trap's RuntimeError
// from the same-origin wasm does (an error thrown by a WebDriver-injected script is muted).
// window.__ccqTrapOnNextSubmit(): the next preventDefault() (the question form's submit handler
// calls it through an import that does not catch exceptions) does its work, then throws what a
// trap throws, once.
window.__ccqTrapOnNextSubmit = function () {
  var own = Event.prototype.preventDefault;
  Event.prototype.preventDefault = function () {
    Event.prototype.preventDefault = own;
    own.call(this);
    throw new WebAssembly.RuntimeError('unreachable');
  };
  return true;
};
