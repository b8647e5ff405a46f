// Lagebild: small progressive enhancements. No inline scripts (CSP script-src 'self').
(function () {
  'use strict';
  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // Close the tenant switcher with Escape and return focus to its summary.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') { return; }
    document.querySelectorAll('details[open]').forEach(function (d) {
      d.removeAttribute('open');
      var s = d.querySelector('summary');
      if (s) { s.focus(); }
    });
  });
})();
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var t = event.target;
    if (!(t instanceof Element)) { return; }
    if (t.matches('.js-print')) {
      document.querySelectorAll('details.goal').forEach(function (d) { d.setAttribute('open', ''); });
      window.print();
    } else if (t.matches('.js-expand')) {
      document.querySelectorAll('details.goal').forEach(function (d) { d.setAttribute('open', ''); });
    } else if (t.matches('.js-collapse')) {
      document.querySelectorAll('details.goal').forEach(function (d) { d.removeAttribute('open'); });
    }
  });
})();
