// The touch panel's own behaviour: call timers that tick, and press-and-hold camera buttons.
(function () {
  "use strict";

  // Call timers: the room said when the call connected (data-since, ms); count from there.
  function pad(n) {
    return n < 10 ? "0" + n : "" + n;
  }
  function tick() {
    var timers = document.querySelectorAll(".timer[data-since]");
    for (var i = 0; i < timers.length; i++) {
      var since = Number(timers[i].getAttribute("data-since"));
      if (!since) {
        continue;
      }
      var s = Math.max(0, Math.floor((Date.now() - since) / 1000));
      var text = s >= 3600
        ? Math.floor(s / 3600) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60)
        : Math.floor(s / 60) + ":" + pad(s % 60);
      if (timers[i].textContent !== text) {
        timers[i].textContent = text;
      }
    }
  }
  setInterval(tick, 1000);

  // Press and hold: a camera move or zoom runs while the finger is down (data-hold), and stops
  // when it lifts or slides off (data-stop). The server stops it anyway after a few seconds.
  var held = null;
  function post(el, url, value) {
    var values = value === null ? {} : { direction: value };
    htmx.ajax("POST", url, { source: el, target: el.getAttribute("data-target"), values: values });
  }
  function press(el) {
    if (held) {
      release();
    }
    held = el;
    el.classList.add("pressed");
    post(el, el.getAttribute("data-hold"), el.getAttribute("data-value"));
  }
  function release() {
    if (!held) {
      return;
    }
    var el = held;
    held = null;
    el.classList.remove("pressed");
    post(el, el.getAttribute("data-stop"), null);
  }
  document.addEventListener("pointerdown", function (e) {
    var el = e.target.closest("[data-hold]");
    if (el) {
      e.preventDefault();
      press(el);
    }
  });
  ["pointerup", "pointercancel"].forEach(function (type) {
    document.addEventListener(type, release);
  });
  document.addEventListener("pointerout", function (e) {
    if (held && e.target.closest("[data-hold]") === held && !held.contains(e.relatedTarget)) {
      release();
    }
  });
  document.addEventListener("keydown", function (e) {
    var el = e.target.closest && e.target.closest("[data-hold]");
    if (el && !e.repeat && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      press(el);
    }
  });
  document.addEventListener("keyup", function (e) {
    if (held && (e.key === "Enter" || e.key === " ")) {
      release();
    }
  });
  // A long press must not open the browser's menu on a touch screen.
  document.addEventListener("contextmenu", function (e) {
    if (e.target.closest("[data-hold]")) {
      e.preventDefault();
    }
  });
  window.addEventListener("blur", release);
})();
