/* Dateline — search in a static export of the site. The page at /search/
   reads ?q= and matches every word against search/index.json (headline,
   summary, section), headlines first. Results are built with DOM calls
   (textContent), never as HTML. */
(function () {
  "use strict";

  var root = document.getElementById("static-search");
  if (!root) return;
  var heading = root.querySelector("h2");
  var list = root.querySelector("ul");
  var input = document.getElementById("search-page-q");
  var header = document.getElementById("search");

  function fold(text) {
    var t = String(text || "").toLowerCase();
    return t.normalize ? t.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : t;
  }

  function say(template, query, count) {
    return template.replace("%query%", query).replace("%count%", String(count));
  }

  function item(entry) {
    var li = document.createElement("li");
    var article = document.createElement("article");
    article.className = "teaser";
    var body = document.createElement("div");
    body.className = "teaser__body";
    var h = document.createElement("h3");
    h.className = "teaser__headline";
    var a = document.createElement("a");
    a.href = entry.u;
    a.textContent = entry.h;
    h.appendChild(a);
    body.appendChild(h);
    if (entry.d) {
      var dek = document.createElement("p");
      dek.className = "teaser__dek";
      dek.textContent = entry.d;
      body.appendChild(dek);
    }
    var meta = document.createElement("p");
    meta.className = "teaser__meta";
    var time = document.createElement("time");
    time.setAttribute("datetime", entry.t);
    time.textContent = entry.t;
    var section = document.createElement("a");
    section.className = "teaser__section";
    section.href = entry.su;
    section.textContent = entry.s;
    meta.appendChild(section);
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(time);
    body.appendChild(meta);
    article.appendChild(body);
    li.appendChild(article);
    return li;
  }

  var query = (new URLSearchParams(window.location.search).get("q") || "").trim().slice(0, 200);
  if (input) input.value = query;
  if (header) header.value = query;
  if (!query) return;
  var words = fold(query).split(/\s+/).filter(Boolean);
  root.hidden = false;
  heading.textContent = root.getAttribute("data-searching");

  fetch(root.getAttribute("data-index"))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (index) {
      var first = [];
      var rest = [];
      index.articles.forEach(function (entry) {
        var headline = fold(entry.h);
        var text = headline + " " + fold(entry.d) + " " + fold(entry.s);
        if (!words.every(function (w) { return text.indexOf(w) >= 0; })) return;
        (words.every(function (w) { return headline.indexOf(w) >= 0; }) ? first : rest).push(entry);
      });
      var found = first.concat(rest);
      var none = found.length === 0;
      heading.textContent = none
        ? root.getAttribute("data-none")
        : say(root.getAttribute(found.length === 1 ? "data-one" : "data-many"), query, found.length);
      found.slice(0, 100).forEach(function (entry) {
        list.appendChild(item(entry));
      });
    })
    .catch(function () {
      heading.textContent = root.getAttribute("data-failed");
    });
})();
