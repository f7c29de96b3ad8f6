// The CDN line of pages/cdn.html: a module script for embed.js at the ?cdn= address.
(function () {
  'use strict';
  var script = document.createElement('script');
  script.type = 'module';
  script.src = new URLSearchParams(location.search).get('cdn') + '/embed.js';
  document.body.appendChild(script);
})();
