/* Dateline — the article editor, enhanced. Everything works without this
   file: Save, the Preview page and the conflict check are the server's.
   With it:
   - Every change is kept in this browser (localStorage, one entry per
     article or "new": every named field of the form plus the revision it was
     typed on), so a failed save, a crash or a closed tab loses nothing. When
     the editor opens and a kept copy differs from the form the server sent,
     the person is asked: Restore or Discard. A copy is forgotten only when
     the server holds exactly its text.
   - An existing article that is not live is saved to the server ~15 s after
     a change, and when the tab is hidden (POST …/autosave, JSON answers; the
     server refuses stale revisions, live articles and bad tokens). New
     articles stay in the browser until the first Save (see autosave.rs).
   - A preview of the body follows the typing. The server renders and
     sanitises it (the article page's own renderer); nothing is rendered here.
   Strings and addresses arrive in the data- attributes of #editor-js.
   Loaded with `defer`, on the editor page only. */
(function () {
  "use strict";

  var config = document.getElementById("editor-js");
  var form = document.querySelector("form.editor");
  if (!config || !form || !window.fetch || !window.URLSearchParams || !window.JSON || !Object.keys) return;

  var data = config.dataset;
  var KEEP_DELAY = 400; // ms after typing pauses: copy kept in the browser
  var AUTOSAVE_DELAY = 15000; // ms after the first unsaved change: sent to the server
  var PREVIEW_DELAY = 500; // ms after typing pauses: preview asked for
  var NOT_KEPT = { csrf: true, revision: true, action: true };
  var key = "dateline-draft:" + data.key;
  var PENDING = key + ":offered"; // a copy offered for restoring, until Restore or Discard
  var SUBMITTED = "dateline-draft-submitted"; // which copy the last form submission carried

  var revision = form.elements.namedItem("revision");
  var csrf = form.elements.namedItem("csrf");
  var statusLine = document.getElementById("editor-status");
  var notice = document.getElementById("editor-local");
  var previewPane = form.querySelector(".editor__preview");
  var previewBody = previewPane && previewPane.querySelector(".editor__preview-body");
  var bodyField = form.elements.namedItem("body");
  var lang = document.documentElement.lang || undefined;
  var store = storage("localStorage");
  var tabStore = storage("sessionStorage");

  var autosaveUrl = data.autosave || "";
  var confirmed = null; // the fields the server is known to hold (at revision.value)
  var copy = null; // the copy last kept in this browser
  var offered = null; // the copy the notice offers
  var touched = false; // the person changed something here (nothing is saved before that)
  var halted = false; // autosave stopped: a conflict, a refusal, or the form is being submitted
  var inflight = null;
  var again = false;
  var keepTimer = 0;
  var saveTimer = 0;
  var previewTimer = 0;
  var previewSeq = 0;
  var resubmitting = false;

  function storage(name) {
    try {
      var s = window[name];
      s.setItem("dateline-probe", "1");
      s.removeItem("dateline-probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, k) {
      return values && k in values ? values[k] : all;
    });
  }

  function clock(at) {
    try {
      return new Date(at).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
    } catch (e) {
      return new Date(at).toTimeString().slice(0, 5);
    }
  }

  function moment(at) {
    try {
      return new Date(at).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
    } catch (e) {
      return new Date(at).toString();
    }
  }

  function say(text) {
    if (statusLine && statusLine.textContent !== text) statusLine.textContent = text;
  }

  /* ---------- The form's fields, whatever they are ------------------------ */

  function kind(el) {
    return (el.type || "").toLowerCase();
  }

  /* Every named field but the token, the revision and buttons: fields added
     to the form later are kept without a change here. */
  function controls() {
    return Array.prototype.filter.call(form.elements, function (el) {
      var type = kind(el);
      return (
        el.name &&
        !NOT_KEPT[el.name] &&
        !el.disabled &&
        /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) &&
        ["submit", "button", "reset", "image", "file"].indexOf(type) < 0
      );
    });
  }

  /* name → list of values; `asSent` reads what the server put in the page. */
  function read(asSent) {
    var fields = {};
    controls().forEach(function (el) {
      var list = fields[el.name] || (fields[el.name] = []);
      var type = kind(el);
      if (type === "checkbox" || type === "radio") {
        if (asSent ? el.defaultChecked : el.checked) list.push(el.value);
      } else if (el.tagName === "SELECT") {
        var options = Array.prototype.slice.call(el.options);
        var chosen = options.filter(function (o) {
          return asSent ? o.defaultSelected : o.selected;
        });
        if (asSent && !chosen.length && !el.multiple && options.length) chosen = [options[0]];
        chosen.forEach(function (o) {
          list.push(o.value);
        });
      } else {
        list.push(asSent ? el.defaultValue : el.value);
      }
    });
    return fields;
  }

  function write(fields) {
    var seen = {};
    controls().forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(fields, el.name)) return;
      var values = fields[el.name];
      var type = kind(el);
      if (type === "checkbox" || type === "radio") {
        el.checked = values.indexOf(el.value) >= 0;
      } else if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.options, function (o) {
          o.selected = values.indexOf(o.value) >= 0;
        });
      } else {
        var i = seen[el.name] || 0;
        seen[el.name] = i + 1;
        if (i < values.length) el.value = values[i];
      }
    });
  }

  function norm(v) {
    return String(v).replace(/\r\n?/g, "\n");
  }

  function same(a, b) {
    if (!a || !b) return false;
    var names = Object.keys(a);
    if (names.length !== Object.keys(b).length) return false;
    return names.every(function (n) {
      var x = a[n];
      var y = b[n];
      return (
        Array.isArray(x) &&
        Array.isArray(y) &&
        x.length === y.length &&
        x.every(function (v, i) {
          return norm(v) === norm(y[i]);
        })
      );
    });
  }

  /* ---------- The copy kept in this browser -------------------------------- */

  function load(k) {
    if (!store) return null;
    try {
      var c = JSON.parse(store.getItem(k) || "null");
      return c && c.fields && typeof c.fields === "object" ? c : null;
    } catch (e) {
      return null;
    }
  }

  function put(k, c) {
    if (!store) return;
    try {
      store.setItem(k, JSON.stringify(c));
    } catch (e) {
      /* storage full or refused: the form itself still holds the text */
    }
  }

  function forget(k) {
    if (store) store.removeItem(k);
  }

  function keep() {
    clearTimeout(keepTimer);
    keepTimer = 0;
    var fields = read(false);
    if (confirmed && same(fields, confirmed)) {
      // The server holds exactly this: nothing to keep.
      forget(key);
      copy = null;
      return;
    }
    copy = { fields: fields, revision: revision.value, at: Date.now() };
    put(key, copy);
    if (!autosaveUrl) say(fill(data.live !== undefined ? data.tLive : data.tNew, { time: clock(copy.at) }));
  }

  /* The server confirmed `fields` at revision.value: a copy of exactly that
     is no longer needed; newer typing now builds on that revision. */
  function savedAs(fields) {
    confirmed = fields;
    if (copy && same(copy.fields, fields)) {
      forget(key);
      copy = null;
    } else if (copy) {
      copy.revision = revision.value;
      put(key, copy);
    }
  }

  /* ---------- Offering a kept copy back ------------------------------------ */

  function offerKept(sent) {
    [PENDING, key].some(function (k) {
      var c = load(k);
      if (!c) return false;
      if (same(c.fields, sent)) {
        if (k === PENDING || confirmed) forget(k);
        else copy = c;
        return false;
      }
      if (k === key) {
        // Typing from now on is kept under `key`; the offered copy waits here.
        put(PENDING, c);
        forget(key);
      }
      show(c);
      return true;
    });
  }

  function show(c) {
    offered = c;
    if (!notice) return;
    notice.querySelector(".editor__local-found").textContent = fill(data.tFound, { time: moment(c.at) });
    notice.querySelector(".editor__local-older").hidden = !(Number(c.revision) < Number(revision.value));
    notice.hidden = false;
    notice.focus();
  }

  function closeNotice(focusOn) {
    offered = null;
    forget(PENDING);
    notice.hidden = true;
    (focusOn || controls()[0] || form).focus();
  }

  function firstDifferent(before, after) {
    var names = Object.keys(after);
    for (var i = 0; i < names.length; i++) {
      if (!same({ x: before[names[i]] || [] }, { x: after[names[i]] })) return form.elements.namedItem(names[i]);
    }
    return null;
  }

  if (notice) {
    notice.querySelector(".editor__restore").addEventListener("click", function () {
      var c = offered;
      if (!c) return;
      var before = read(false);
      write(c.fields);
      // The text builds on the revision it was typed on: if that is old, the
      // server refuses to overwrite and Save shows what differs.
      if (c.revision) revision.value = c.revision;
      var target = firstDifferent(before, c.fields);
      closeNotice(target && target.focus ? target : null);
      touched = true;
      keep();
      scheduleSave();
      preview();
      say(data.tRestored);
    });
    notice.querySelector(".editor__discard").addEventListener("click", function () {
      if (!offered) return;
      closeNotice(null);
      say(data.tDiscarded);
    });
  }

  /* ---------- Autosave ------------------------------------------------------ */

  function scheduleSave() {
    if (!autosaveUrl || halted || saveTimer || !touched) return;
    saveTimer = setTimeout(function () {
      saveTimer = 0;
      autosave(false);
    }, AUTOSAVE_DELAY);
  }

  function post(url, params, closing) {
    var body = params.toString();
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      keepalive: Boolean(closing) && body.length < 60000,
    }).then(function (res) {
      return res.json().then(
        function (answer) {
          return { status: res.status, answer: answer || {} };
        },
        function () {
          return { status: res.status, answer: {} };
        }
      );
    });
  }

  function autosave(closing) {
    clearTimeout(saveTimer);
    saveTimer = 0;
    if (!autosaveUrl || halted || !touched) return;
    if (inflight) {
      again = true;
      return;
    }
    var fields = read(false);
    if (same(fields, confirmed)) {
      savedAs(fields);
      return;
    }
    var params = new URLSearchParams();
    params.append("csrf", csrf.value);
    params.append("revision", revision.value);
    Object.keys(fields).forEach(function (name) {
      fields[name].forEach(function (value) {
        params.append(name, value);
      });
    });
    inflight = post(autosaveUrl, params, closing)
      .then(
        function (r) {
          answered(r, fields);
        },
        function () {
          say(data.tFailed);
          again = true;
        }
      )
      .then(function () {
        inflight = null;
        if (again) {
          again = false;
          scheduleSave();
        }
      });
  }

  function answered(r, fields) {
    var a = r.answer;
    if (r.status === 200 && typeof a.saved === "number") {
      revision.value = String(a.saved);
      savedAs(fields);
      say(fill(data.tSaved, { time: clock(Date.now()) }));
    } else if (r.status === 401) {
      say(data.tSignedOut);
    } else if (r.status === 409 && typeof a.conflict === "number") {
      halted = true;
      say(fill(data.tConflict, { revision: a.conflict }));
    } else if (r.status === 409) {
      // Live articles are saved with Save only: keep in the browser from now on.
      autosaveUrl = "";
      data.live = "";
      keep();
    } else if (r.status === 422) {
      say(data.tProblems);
    } else if (r.status === 403 || r.status === 404) {
      halted = true;
      say(data.tForbidden);
    } else {
      say(data.tFailed);
      again = true;
    }
  }

  /* ---------- Live preview --------------------------------------------------- */

  function previewText(message) {
    var p = document.createElement("p");
    p.textContent = message;
    previewBody.textContent = "";
    previewBody.appendChild(p);
  }

  function preview() {
    if (!previewBody || !bodyField) return;
    clearTimeout(previewTimer);
    var seq = ++previewSeq;
    var params = new URLSearchParams();
    params.append("csrf", csrf.value);
    params.append("body", bodyField.value);
    previewPane.setAttribute("aria-busy", "true");
    post(data.preview, params, false)
      .then(
        function (r) {
          if (seq !== previewSeq) return;
          if (r.status === 200 && typeof r.answer.html === "string") {
            // Made by the server's Markdown renderer and sanitised by its one HTML policy.
            previewBody.innerHTML = r.answer.html;
          } else if (r.status === 422 && Array.isArray(r.answer.problems)) {
            previewText(r.answer.problems.join(" "));
          } else {
            previewText(data.tPreviewFailed);
          }
        },
        function () {
          if (seq === previewSeq) previewText(data.tPreviewFailed);
        }
      )
      .then(function () {
        if (seq === previewSeq) previewPane.removeAttribute("aria-busy");
      });
  }

  /* ---------- Events ----------------------------------------------------------- */

  function changed(event) {
    touched = true;
    clearTimeout(keepTimer);
    keepTimer = setTimeout(keep, KEEP_DELAY);
    scheduleSave();
    if (event.target === bodyField) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(preview, PREVIEW_DELAY);
    }
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  form.addEventListener("submit", function (event) {
    if (keepTimer) keep();
    if (tabStore) tabStore.setItem(SUBMITTED, key);
    var submitter = event.submitter;
    if (submitter && submitter.value === "preview") return;
    // The form saves now: no autosave may race it. One already on its way is
    // waited for, so the form names the revision it saved.
    clearTimeout(saveTimer);
    saveTimer = 0;
    halted = true;
    if (inflight && !resubmitting && form.requestSubmit) {
      event.preventDefault();
      resubmitting = true;
      inflight.then(function () {
        form.requestSubmit(submitter || undefined);
      });
    }
  });

  function flush() {
    if (keepTimer) keep();
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState !== "hidden") return;
    flush();
    autosave(true);
  });
  window.addEventListener("pagehide", flush);

  /* ---------- Start ---------------------------------------------------------------- */

  var sent = read(true);
  if (data.clean !== undefined) {
    // The form is what the server stores: copies equal to it are done with,
    // including the one a Save from the previous page carried.
    confirmed = sent;
    var submitted = tabStore && tabStore.getItem(SUBMITTED);
    if (submitted && submitted !== key && same((load(submitted) || {}).fields, sent)) forget(submitted);
  }
  if (tabStore) tabStore.removeItem(SUBMITTED);
  offerKept(sent);
  if (previewPane) {
    previewPane.hidden = false;
    preview();
  }
})();
