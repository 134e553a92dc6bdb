/* The help center's small additions to Material for MkDocs (9.8.1), loaded from
   our own host just before Material's bundle (overrides/main.html, block
   scripts). The page's words come from this script tag's data attributes, in the
   page's language (hooks/reader.py). Each part stands alone and does nothing when
   what it needs is not on the page.

   1. Highlight: Material marks the search terms (?h=) on the page a result opens,
      but a Chinese term is one run of characters ("忘记密码") that the page may
      only hold in parts ("忘记钱包密码"): the parts found on the page are added.
   2. Search field: Material reads its search field on keyup, so a query pasted
      from a phone's menu, or ended by an input method, found nothing.
   3. The search field in the page (home, 404) hands its query to Material's
      search dialog, which shows the results.
   4. A query that finds nothing offers the other language's help center.
   5. The menu button opens the navigation drawer from the keyboard too; a Tab
      out of the search dialog on a phone shows the element it lands on.
   6. On paper, every link says where it leads. */
(function () {
  "use strict";

  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
  var LATIN = /[A-Za-z]/;

  /* 1. ------------------------------------------------------------ highlight */
  function expandHighlight() {
    var url;
    try {
      url = new URL(location.href);
    } catch (e) {
      return;
    }
    var query = url.searchParams.get("h");
    if (!query || !HAN.test(query)) return;
    var article = document.querySelector(".md-content") || document.body;
    var text = article.textContent || "";
    var terms = query.split(/\s+/).filter(Boolean);
    var words = terms.slice();
    terms.forEach(function (term) {
      if (!HAN.test(term) || text.indexOf(term) >= 0) return;
      /* longest parts first, two characters at least, left to right */
      var i = 0;
      while (i < term.length - 1) {
        var step = 1;
        for (var n = term.length - i; n >= 2; n--) {
          var part = term.substr(i, n);
          if (text.indexOf(part) >= 0) {
            if (words.indexOf(part) < 0) words.push(part);
            step = n;
            break;
          }
        }
        i += step;
      }
    });
    if (words.length > terms.length) {
      url.searchParams.set("h", words.join(" "));
      try {
        history.replaceState(history.state, "", url.toString());
      } catch (e) { /* a browser that refuses: Material highlights the terms as they were */ }
    }
  }
  expandHighlight();

  /* 2. ------------------------------------------------------------ search field */
  function keyup(field) {
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function isMaterialQuery(el) {
    return el && el.matches && el.matches("input.md-search__input");
  }

  document.addEventListener("input", function (ev) {
    if (isMaterialQuery(ev.target) && !ev.isComposing) keyup(ev.target);
  }, true);
  document.addEventListener("compositionend", function (ev) {
    if (isMaterialQuery(ev.target)) keyup(ev.target);
  }, true);

  /* 3. ------------------------------------------------------------ search in the page */
  function openSearch(query) {
    var toggle = document.getElementById("__search");
    var field = document.querySelector("input.md-search__input");
    if (!toggle || !field) return false;
    field.value = query;
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    field.focus();
    try {
      field.setSelectionRange(query.length, query.length);
    } catch (e) { /* not every field type has a caret */ }
    keyup(field);
    return true;
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-hc-search]"), function (form) {
    var field = form.querySelector("input[name=q]");
    if (!field) return;
    form.addEventListener("submit", function (ev) {
      if (openSearch(field.value.trim())) ev.preventDefault();
    });
    field.addEventListener("input", function (ev) {
      if (!ev.isComposing && field.value.trim()) openSearch(field.value);
    });
    field.addEventListener("compositionend", function () {
      if (field.value.trim()) openSearch(field.value);
    });
  });

  /* 4. ------------------------------------------------------------ the other language */
  function noneText() {
    var config = document.getElementById("__config");
    try {
      return JSON.parse(config.textContent).translations["search.result.none"];
    } catch (e) {
      return null;
    }
  }

  var meta = document.querySelector(".md-search-result__meta");
  var none = noneText();
  if (meta && none && data.otherHome && data.otherText) {
    var offer = function () {
      var old = document.querySelector(".hc-search-other");
      if (old) old.parentNode.removeChild(old);
      var field = document.querySelector("input.md-search__input");
      var query = field ? field.value.trim() : "";
      if (!query || meta.textContent.trim() !== none) return;
      /* English words on the Chinese site, Chinese on the English site */
      var theirs = data.otherLang === "zh" ? HAN.test(query) : LATIN.test(query) && !HAN.test(query);
      if (!theirs) return;
      var link = document.createElement("a");
      link.href = data.otherHome + (data.otherHome.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(query);
      link.hreflang = data.otherLang;
      link.textContent = data.otherText.replace("{query}", query);
      var note = document.createElement("p");
      note.className = "hc-search-other";
      note.appendChild(link);
      meta.parentNode.insertBefore(note, meta.nextSibling);
    };
    new MutationObserver(offer).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  /* 5. ------------------------------------------------------------ menu */
  var drawer = document.getElementById("__drawer");
  var menu = document.querySelector(".md-header label[for=__drawer]");
  if (drawer && menu && data.menuLabel) {
    menu.setAttribute("role", "button");
    menu.setAttribute("tabindex", "0");
    menu.setAttribute("aria-label", data.menuLabel);
    menu.setAttribute("aria-expanded", String(drawer.checked));
    menu.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        drawer.click();
      }
    });
    drawer.addEventListener("change", function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
    });
  }

  /* On a phone, Tab closes Material's search dialog and moves the focus into the
     page, which does not scroll for a moment after the dialog closes: the focused
     element stayed off the screen. Bring it into view, trying each frame for up
     to a second. */
  var search = document.getElementById("__search");
  if (search) {
    search.addEventListener("change", function () {
      if (search.checked) return;
      var frames = 0;
      var reveal = function () {
        var el = document.activeElement;
        if (!el || el === document.body || !el.getBoundingClientRect || el.closest(".md-search")) return;
        var box = el.getBoundingClientRect();
        /* innerHeight is briefly the whole page's height here: the root's is the screen's */
        if (box.bottom > 0 && box.top < document.documentElement.clientHeight) return;
        el.scrollIntoView({ block: "center" });
        if (++frames < 60) window.requestAnimationFrame(reveal);
      };
      window.requestAnimationFrame(reveal);
    });
  }

  /* 6. ------------------------------------------------------------ print */
  var canonical = document.querySelector("link[rel=canonical]");
  var base = canonical && !data.offline ? canonical.href : location.href;
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (link) {
    if (link.classList.contains("headerlink") || link.closest(".md-source-file")) return;
    var href = link.getAttribute("href");
    if (!href || href.charAt(0) === "#") return;
    var url;
    try {
      url = new URL(href, base);
    } catch (e) {
      return;
    }
    if (!/^(https?|mailto):$/.test(url.protocol)) return;
    var shown = url.protocol === "mailto:" ? url.href.slice(7) : url.href;
    if ((link.textContent || "").trim() === shown) return;
    link.setAttribute("data-hc-href", shown);
  });
})();
