/* Dateline — progressive enhancement for reader pages.
   Every page works without this file. Loaded with `defer`. */
(function () {
  "use strict";

  var SIZES = ["xs", "sm", "md", "lg"];
  var COOKIE = "dateline_text_size";
  var YEAR = 31536000;

  /* Text size: choose without a round trip to the server. The links still
     point at the server, which does the same thing when this script is
     missing or a modifier key asks for a new tab. */
  function setTextSize(key) {
    if (SIZES.indexOf(key) < 0) return false;
    document.cookie =
      COOKIE + "=" + key + "; path=/; max-age=" + YEAR + "; samesite=lax";
    var root = document.documentElement;
    SIZES.forEach(function (k) {
      root.classList.remove("ts-" + k);
    });
    root.classList.add("ts-" + key);
    var links = document.querySelectorAll("a[data-text-size]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-text-size") === key) {
        links[i].setAttribute("aria-current", "true");
      } else {
        links[i].removeAttribute("aria-current");
      }
    }
    return true;
  }

  /* A static export has no server to read the cookie: apply it here. */
  var saved = (document.cookie.match(/(?:^|;\s*)dateline_text_size=(\w+)/) || [])[1];
  if (saved && !document.documentElement.classList.contains("ts-" + saved)) {
    setTextSize(saved);
  }

  document.addEventListener("click", function (event) {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    var target = event.target;
    var link = target && target.closest ? target.closest("a[data-text-size]") : null;
    if (!link) return;
    if (setTextSize(link.getAttribute("data-text-size"))) {
      event.preventDefault();
    }
  });
})();
