// roomctl live updates: the server pushes HTML fragments over server-sent events and htmx 2
// swaps them in, out of band, by id (each fragment carries hx-swap-oob). While the stream is
// down the page says so (html[data-live="down"]) and reconnects by itself with backoff; on
// reconnecting the server sends every fragment again, so nothing stays stale.
(function () {
  "use strict";

  function start(url) {
    var retry = 500;
    var source = null;

    function status(state) {
      document.documentElement.setAttribute("data-live", state);
      var banner = document.getElementById("live-status");
      if (banner) {
        banner.hidden = state === "up";
      }
    }

    function open() {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener("open", function () {
        retry = 500;
        status("up");
      });
      source.addEventListener("fragment", function (event) {
        htmx.swap(document.body, event.data, { swapStyle: "none" });
      });
      source.addEventListener("reload", function () {
        window.location.reload();
      });
      source.addEventListener("error", function () {
        // The browser would retry on its own after some errors and give up after others:
        // take over, so the panel always comes back.
        source.close();
        status("down");
        setTimeout(open, retry);
        retry = Math.min(retry * 2, 10000);
      });
    }

    status("connecting");
    open();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-live-url]");
    if (root) {
      start(root.getAttribute("data-live-url"));
    }
  });
})();
