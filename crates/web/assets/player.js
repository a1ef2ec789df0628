/* Dateline — the narration player. Progressive enhancement: without this
   file the <audio controls> element with its <track> is the player. With it,
   the native controls give way to the .player controls rendered (hidden) by
   the template, whose strings arrive in data- attributes; the sentence being
   read is highlighted in the text, and clicking a sentence plays from it.
   Loaded with `defer`, only on pages with a narration. */
(function () {
  "use strict";

  var section = document.querySelector(".listen");
  var ui = section && section.querySelector(".player");
  var audio = section && section.querySelector("audio");
  if (!ui || !audio || typeof audio.play !== "function" || !ui.closest || !String.fromCodePoint) return;

  var SPEEDS = [0.75, 1, 1.25, 1.5, 2];
  var SPEED_KEY = "dateline_player_speed";
  var SKIP = 15;
  var data = ui.dataset;
  var story = section.closest("article") || document.body;
  var playButton = ui.querySelector(".player__play");
  var playLabel = ui.querySelector(".player__play-label");
  var speed = ui.querySelector(".player__speed-select");
  var seek = ui.querySelector(".player__seek");
  var elapsedText = ui.querySelector(".player__elapsed");
  var totalText = ui.querySelector(".player__total");
  var fallbackDuration = Number(section.getAttribute("data-duration")) || 0;

  var cues = []; // { id, start, text, spans }, by start time
  var current = null; // the highlighted cue
  var scrubbing = false;
  var lastUserScroll = 0;

  /* ---------- Time ---------------------------------------------------- */

  function duration() {
    var d = audio.duration;
    return isFinite(d) && d > 0 ? d : fallbackDuration;
  }
  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    var s = t % 60;
    var m = Math.floor(t / 60) % 60;
    var h = Math.floor(t / 3600);
    var mm = h ? (m < 10 ? "0" : "") + m : String(m);
    return (h ? h + ":" : "") + mm + ":" + (s < 10 ? "0" : "") + s;
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, k) {
      return k in values ? values[k] : all;
    });
  }
  function spoken(t) {
    t = Math.max(0, Math.floor(t || 0));
    var m = Math.floor(t / 60);
    var s = t % 60;
    return m
      ? fill(data.minutes || "{m} min {s} s", { m: m, s: s })
      : fill(data.seconds || "{s} s", { s: s });
  }

  function showTime() {
    var d = duration();
    var t = Math.min(audio.currentTime || 0, d || Infinity);
    if (!scrubbing) seek.value = String(Math.floor(t));
    seek.max = String(Math.max(1, Math.floor(d)));
    elapsedText.textContent = clock(scrubbing ? Number(seek.value) : t);
    totalText.textContent = clock(d);
    seek.setAttribute(
      "aria-valuetext",
      fill(data.time || "{elapsed} / {total}", {
        elapsed: spoken(scrubbing ? Number(seek.value) : t),
        total: spoken(d),
      })
    );
  }

  function seekTo(t, fast) {
    var d = duration();
    t = Math.max(0, d ? Math.min(t, d) : t);
    if (fast && typeof audio.fastSeek === "function") audio.fastSeek(t);
    else audio.currentTime = t;
    showTime();
    highlight();
    positionState();
  }

  function play() {
    var p = audio.play();
    if (p && p.catch) p.catch(function () {});
  }

  /* ---------- Controls ------------------------------------------------- */

  function showState() {
    var playing = !audio.paused && !audio.ended;
    playLabel.textContent = playing ? data.labelPause : data.labelPlay;
    ui.classList.toggle("is-playing", playing);
    if (navigator.mediaSession) {
      navigator.mediaSession.playbackState = playing ? "playing" : "paused";
      positionState();
    }
  }

  playButton.addEventListener("click", function () {
    if (audio.paused || audio.ended) play();
    else audio.pause();
  });

  var skips = ui.querySelectorAll("[data-skip]");
  for (var i = 0; i < skips.length; i++) {
    skips[i].addEventListener("click", function (event) {
      seekTo(audio.currentTime + Number(event.currentTarget.getAttribute("data-skip")));
    });
  }

  function setSpeed(rate, remember) {
    rate = Number(rate);
    if (SPEEDS.indexOf(rate) < 0) rate = 1;
    audio.defaultPlaybackRate = rate;
    audio.playbackRate = rate;
    speed.value = String(rate);
    if (remember) {
      try {
        localStorage.setItem(SPEED_KEY, String(rate));
      } catch (e) {
        /* private mode: the choice lasts for this page only */
      }
    }
  }
  speed.addEventListener("change", function () {
    setSpeed(speed.value, true);
  });
  try {
    setSpeed(localStorage.getItem(SPEED_KEY) || 1, false);
  } catch (e) {
    setSpeed(1, false);
  }

  // The slider: native input range; keys move by 5 s, pages by 30 s.
  seek.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var step = { ArrowRight: 5, ArrowUp: 5, ArrowLeft: -5, ArrowDown: -5, PageUp: 30, PageDown: -30 }[event.key];
    if (event.key === "Home") seekTo(0);
    else if (event.key === "End") seekTo(duration());
    else if (step) seekTo(audio.currentTime + step);
    else return;
    event.preventDefault();
  });
  seek.addEventListener("input", function () {
    if (scrubbing) showTime();
    else seekTo(Number(seek.value));
  });
  seek.addEventListener("change", function () {
    scrubbing = false;
    seekTo(Number(seek.value));
  });
  seek.addEventListener("pointerdown", function () {
    scrubbing = true;
  });
  document.addEventListener("pointerup", function () {
    if (!scrubbing) return;
    scrubbing = false;
    seekTo(Number(seek.value));
  });

  audio.addEventListener("play", showState);
  audio.addEventListener("pause", showState);
  audio.addEventListener("ended", function () {
    showState();
    mark(null);
  });
  audio.addEventListener("timeupdate", function () {
    showTime();
    highlight();
  });
  audio.addEventListener("durationchange", showTime);
  audio.addEventListener("loadedmetadata", function () {
    showTime();
    positionState();
  });
  audio.addEventListener("ratechange", function () {
    if (String(audio.playbackRate) !== speed.value && SPEEDS.indexOf(audio.playbackRate) >= 0) {
      speed.value = String(audio.playbackRate);
    }
    positionState();
  });

  /* ---------- Media Session (lock screen, headset buttons) ------------ */

  function positionState() {
    var ms = navigator.mediaSession;
    var d = duration();
    if (!ms || !ms.setPositionState || !d) return;
    try {
      ms.setPositionState({
        duration: d,
        playbackRate: audio.playbackRate || 1,
        position: Math.min(audio.currentTime || 0, d),
      });
    } catch (e) {
      /* an out-of-range moment while metadata loads */
    }
  }

  if (navigator.mediaSession) {
    var ms = navigator.mediaSession;
    if (typeof window.MediaMetadata === "function") {
      var meta = { title: data.title || "", artist: data.artist || "", album: data.album || "" };
      if (data.artwork) {
        meta.artwork = [{ src: new URL(data.artwork, location.href).href }];
      }
      try {
        ms.metadata = new MediaMetadata(meta);
      } catch (e) {
        /* artwork the browser cannot use */
      }
    }
    var actions = {
      play: play,
      pause: function () {
        audio.pause();
      },
      seekbackward: function (d) {
        seekTo(audio.currentTime - ((d && d.seekOffset) || SKIP));
      },
      seekforward: function (d) {
        seekTo(audio.currentTime + ((d && d.seekOffset) || SKIP));
      },
      seekto: function (d) {
        if (d && typeof d.seekTime === "number") seekTo(d.seekTime, d.fastSeek);
      },
    };
    Object.keys(actions).forEach(function (name) {
      try {
        ms.setActionHandler(name, actions[name]);
      } catch (e) {
        /* an action this browser does not know */
      }
    });
  }

  /* ---------- Cues → sentences in the text ------------------------------ */

  var ALNUM;
  try {
    ALNUM = new RegExp("[\\p{L}\\p{N}]", "u");
  } catch (e) {
    ALNUM = /[0-9A-Za-z\u00aa-\u1fff\u2070-\uffff]/;
  }
  // Not read aloud: captions of pictures, tables, code blocks, hidden text.
  var SKIPPED = "pre, table, img, svg, script, style, .visually-hidden, figure:not(.quote) > figcaption";
  var BLOCK = "p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd";

  function readable() {
    var parts = [];
    var add = function (el) {
      if (el) parts.push(el);
    };
    add(story.querySelector(".story__headline"));
    var points = story.querySelectorAll(".summary li");
    for (var i = 0; i < points.length; i++) add(points[i]);
    add(story.querySelector(".story__body"));
    return parts;
  }

  /* The readable text as a stream of characters (each remembering its text
     node and offset), and its "skeleton": the letters and digits only, in
     lower case. Cues are found by their skeletons, so whitespace, smart
     quotes, dashes and inline markup on the page do not matter. */
  function index() {
    var chars = []; // { node, offset, alnum, block }
    var skeleton = "";
    var at = []; // skeleton position → index in chars
    var start = []; // skeleton position → starts a word?
    var blockId = 0;
    readable().forEach(function (rootEl) {
      var walker = document.createTreeWalker(rootEl, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          if (node.nodeType === 1) {
            return node.matches(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
          }
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      var lastBlock = null;
      var prevAlnum = false;
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        var block = node.parentNode.closest(BLOCK) || rootEl;
        if (block !== lastBlock) {
          lastBlock = block;
          blockId++;
          prevAlnum = false;
        }
        var text = node.nodeValue;
        for (var o = 0; o < text.length; ) {
          var cp = text.codePointAt(o);
          var ch = String.fromCodePoint(cp);
          var alnum = ALNUM.test(ch);
          if (alnum) {
            var low = ch.toLowerCase();
            for (var k = 0; k < low.length; k++) {
              at.push(chars.length);
              start.push(!prevAlnum && k === 0);
            }
            skeleton += low;
          }
          chars.push({ node: node, offset: o, size: ch.length, alnum: alnum, block: blockId, space: /\s/.test(ch) });
          prevAlnum = alnum;
          o += ch.length;
        }
      }
    });
    return { chars: chars, skeleton: skeleton, at: at, start: start };
  }

  function skeletonOf(text) {
    var out = "";
    for (var i = 0; i < text.length; ) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      if (ALNUM.test(ch)) out += ch.toLowerCase();
      i += ch.length;
    }
    return out;
  }

  // Punctuation (not spaces) at the start and end of a cue's text: the span
  // takes in the same amount on the page (an opening quote, a full stop).
  function edges(text) {
    var punct = function (ch) {
      return !ALNUM.test(ch) && !/\s/.test(ch);
    };
    var lead = 0;
    var tail = 0;
    while (lead < text.length && punct(text.charAt(lead))) lead++;
    while (tail < text.length - lead && punct(text.charAt(text.length - 1 - tail))) tail++;
    return [lead, tail];
  }

  function wrapSentences() {
    var idx = index();
    var cursor = 0;
    var WINDOW = 4000; // a cue found further ahead than this is not the one read
    var pieces = []; // { node, from, to, cue }, in document order
    cues.forEach(function (cue) {
      var needle = skeletonOf(cue.text);
      if (!needle) return;
      var found = -1;
      for (var from = cursor; ; from = found + 1) {
        found = idx.skeleton.indexOf(needle, from);
        if (found < 0 || found - cursor > WINDOW) {
          found = -1;
          break;
        }
        var end = found + needle.length;
        var endsWord = end >= idx.skeleton.length || idx.start[end];
        if (idx.start[found] && endsWord) break;
      }
      if (found < 0) return;
      cursor = found + needle.length;
      var first = idx.at[found];
      var last = idx.at[found + needle.length - 1];
      var edge = edges(cue.text);
      var block = idx.chars[first].block;
      for (var n = edge[0]; n > 0 && first > 0; n--) {
        var before = idx.chars[first - 1];
        if (before.alnum || before.space || before.block !== block) break;
        first--;
      }
      for (n = edge[1]; n > 0 && last + 1 < idx.chars.length; n--) {
        var after = idx.chars[last + 1];
        if (after.alnum || after.space || after.block !== block) break;
        last++;
      }
      // One piece per text node the sentence touches.
      var piece = null;
      for (var c = first; c <= last; c++) {
        var ch = idx.chars[c];
        if (!piece || piece.node !== ch.node) {
          piece = { node: ch.node, from: ch.offset, to: ch.offset + ch.size, cue: cue };
          pieces.push(piece);
        } else {
          piece.to = ch.offset + ch.size;
        }
      }
    });
    // Wrap from the end, so earlier offsets in a split text node stay valid.
    for (var p = pieces.length - 1; p >= 0; p--) {
      var pc = pieces[p];
      if (!/\S/.test(pc.node.nodeValue.slice(pc.from, pc.to))) continue;
      var middle = pc.node.splitText(pc.from);
      middle.splitText(pc.to - pc.from);
      var span = document.createElement("span");
      span.className = "sentence";
      span.setAttribute("data-cue", pc.cue.id);
      middle.parentNode.replaceChild(span, middle);
      span.appendChild(middle);
      pc.cue.spans.unshift(span);
    }
    if (pieces.length) story.classList.add("has-sentences");
  }

  /* ---------- Follow along ---------------------------------------------- */

  function cueAt(t) {
    var found = null;
    for (var i = 0; i < cues.length && cues[i].start <= t + 0.05; i++) {
      if (cues[i].spans.length) found = cues[i];
    }
    return found;
  }

  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < (window.innerHeight || document.documentElement.clientHeight);
  }

  function mark(cue) {
    if (cue === current) return;
    var wasFollowing = current && current.spans.length && inView(current.spans[0]);
    if (current) {
      current.spans.forEach(function (s) {
        s.classList.remove("sentence--current");
      });
    }
    current = cue;
    if (!cue) return;
    cue.spans.forEach(function (s) {
      s.classList.add("sentence--current");
    });
    // Keep the sentence in view while the reader follows along: only if the
    // last one was on screen, the reader has not scrolled for a while and is
    // not working the player's controls. Focus never moves.
    var el = cue.spans[0];
    if (
      wasFollowing &&
      !audio.paused &&
      Date.now() - lastUserScroll > 5000 &&
      !ui.contains(document.activeElement) &&
      !inView(cue.spans[cue.spans.length - 1])
    ) {
      var still = window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
    }
  }

  function highlight() {
    if (!cues.length) return;
    if (audio.ended) return mark(null);
    if (audio.paused && !audio.currentTime && !current) return;
    mark(cueAt(audio.currentTime));
  }

  ["wheel", "touchmove"].forEach(function (type) {
    window.addEventListener(type, function () {
      lastUserScroll = Date.now();
    }, { passive: true });
  });
  window.addEventListener("keydown", function (event) {
    if (/^(Arrow|Page|Home|End| )/.test(event.key)) lastUserScroll = Date.now();
  });

  // Click a sentence to play from it (pointer only: a tab stop per sentence
  // would bury the page; keyboard users have the seek slider).
  story.addEventListener("click", function (event) {
    var span = event.target.closest && event.target.closest(".sentence");
    if (!span || event.defaultPrevented || event.button !== 0) return;
    if (event.target.closest("a, button, input, select, textarea, label, summary")) return;
    var selection = window.getSelection && window.getSelection();
    if (selection && !selection.isCollapsed) return; // selecting text, not listening
    var id = span.getAttribute("data-cue");
    for (var i = 0; i < cues.length; i++) {
      if (cues[i].id === id) {
        seekTo(cues[i].start);
        mark(cues[i]);
        play();
        return;
      }
    }
  });
  // Hovering one piece of a sentence shows the whole sentence.
  function hover(event, on) {
    var span = event.target.closest && event.target.closest(".sentence");
    if (!span) return;
    var id = span.getAttribute("data-cue");
    var all = story.querySelectorAll('.sentence[data-cue="' + id + '"]');
    for (var i = 0; i < all.length; i++) all[i].classList.toggle("sentence--hover", on);
  }
  story.addEventListener("mouseover", function (e) {
    hover(e, true);
  });
  story.addEventListener("mouseout", function (e) {
    hover(e, false);
  });

  /* ---------- Loading the cues ------------------------------------------ */

  // A cue's text with character references decoded. Not getCueAsHTML():
  // cues are plain sentences, and a stray "<" in one written unescaped would
  // start a tag there and swallow text.
  var decoder = document.createElement("textarea");
  function decode(text) {
    decoder.innerHTML = text;
    return decoder.value;
  }

  // Cues come from the <track>, hidden: loaded, never rendered as captions.
  // Without them the player still plays; only follow-along is missing.
  var trackEl = audio.querySelector("track");
  var track = trackEl && trackEl.track;
  function loadCues() {
    if (cues.length) return;
    var all = (track && track.cues) || [];
    for (var i = 0; i < all.length; i++) {
      var text = decode(all[i].text).replace(/\s+/g, " ").trim();
      if (all[i].id && text) {
        cues.push({ id: all[i].id, start: all[i].startTime, text: text, spans: [] });
      }
    }
    cues.sort(function (a, b) {
      return a.start - b.start;
    });
    wrapSentences();
    highlight();
  }
  if (track) {
    track.mode = "hidden";
    if (trackEl.readyState === 2) loadCues();
    else trackEl.addEventListener("load", loadCues);
  }

  /* ---------- Swap the players ---------------------------------------- */

  audio.removeAttribute("controls");
  ui.hidden = false;
  section.classList.add("listen--enhanced");
  showTime();
  showState();
})();
