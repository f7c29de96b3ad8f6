// Makes localStorage writes fail with QuotaExceededError, while reads still work. Runs right after
// the probe, before the widget's loader.
//   quiz-quota.html           every write fails (a full store, or Safari's old private mode)
//   quiz-quota.html?over=16   only values longer than 16 characters fail: a nearly full store that
//                             accepts the widget's tiny start-up probe but not its saved progress
(function () {
  'use strict';
  var match = /[?&]over=(\d+)/.exec(location.search);
  var limit = match ? Number(match[1]) : -1;
  var setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(value).length > limit) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return setItem.call(this, key, value);
  };
})();
