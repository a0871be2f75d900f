// Pairing links: /enrol#CODE. What follows '#' never leaves the browser, so the code is not in
// any server's logs. This fills the form with it, wipes it from the address bar and the history,
// and submits the form (a POST) as if the code had been typed.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var code = decodeURIComponent(window.location.hash.replace(/^#/, "")).trim();
    var form = document.getElementById("enrol-form");
    if (!code || !form) {
      return;
    }
    history.replaceState(null, "", window.location.pathname);
    form.elements.code.value = code;
    form.submit();
  });
})();
