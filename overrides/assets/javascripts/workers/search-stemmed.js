/*
 * Search worker wrapper (ours): prepares the query, then hands it to Material's
 * own search worker (search.a7633da7.min.js, unchanged). The same steps are in
 * Python in helpcenter/search/query.py, which the command-line search and the
 * relevance tests use; keep the two in step.
 *
 * 1. English: Material appends a wildcard to every word ("passwords*") and lunr
 *    skips stemming for wildcard terms, so against a stemmed index whole inflected
 *    words found nothing. We stem them first ("passwords" -> "password"), only
 *    when the index itself is stemmed (our English index).
 * 2. Chinese: Material's segmenter never tries a word that ends at the last
 *    character of a run ("如何联系客服" -> 如何, 联系: 客服 is lost) and gives up on
 *    runs with an unknown character. We segment each run ourselves against the
 *    index's own words (longest match first, unknown characters skipped, question
 *    fillers dropped) and pass each word followed by a sentinel Han character
 *    that no word contains, so Material's segmenter keeps the word whole.
 *
 * Works as a real Worker and inside the iframe-worker shim used offline.
 */
(function () {
  var SENTINEL = "\u3007";
  var FILLERS = ["怎么办", "怎么", "如何", "怎样", "什么", "为什么", "吗", "呢", "吧", "啊", "了", "的", "我的", "我", "请问", "一下"];
  var MAX_WORD = 8;
  var stemQueries = false;
  var words = null;
  var here = (typeof document !== "undefined" && document.currentScript && document.currentScript.src) || self.location.href;

  function vocabulary(index) {
    var set = new Set();
    var separator = new RegExp(index.config.separator, "g");
    (index.docs || []).forEach(function (doc) {
      ["title", "text", "keywords"].forEach(function (field) {
        if (typeof doc[field] !== "string") return;
        doc[field].replace(/<[^>]+>/g, " ").split(separator).forEach(function (token) {
          if (token) set.add(token.toLowerCase());
        });
      });
    });
    return set;
  }

  function segmentRun(run) {
    var out = [];
    for (var i = 0; i < run.length;) {
      var found = 0;
      for (var j = Math.min(run.length, i + MAX_WORD); j > i; j--) {
        if (words.has(run.slice(i, j))) { found = j - i; break; }
      }
      if (found) {
        var word = run.slice(i, i + found);
        if (FILLERS.indexOf(word) === -1) out.push(word);
        i += found;
      } else {
        i += 1; // a character no page contains cannot match: skip it
      }
    }
    return out;
  }

  function prepare(query) {
    var lunr = self.lunr;
    if (words) {
      query = query.replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g, function (run) {
        var parts = segmentRun(run);
        return parts.length ? " " + parts.map(function (w) { return w + SENTINEL; }).join(" ") + " " : " ";
      });
    }
    if (stemQueries && lunr && lunr.stemmer) {
      query = query.replace(/[A-Za-z]{3,}/g, function (word) {
        return lunr.stemmer(new lunr.Token(word.toLowerCase())).toString();
      });
    }
    return query.replace(/\s+/g, " ").trim();
  }

  // Registered before Material's listener, so it sees every message first.
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message || typeof message !== "object") return;
    if (message.type === 0 && message.data && message.data.config) {                 // SETUP
      stemQueries = (message.data.config.pipeline || []).indexOf("stemmer") !== -1;
      words = (message.data.config.lang || []).indexOf("zh") !== -1 ? vocabulary(message.data) : null;
    } else if (message.type === 2 && typeof message.data === "string") {            // QUERY
      message.data = prepare(message.data);
    }
  });

  importScripts(new URL("search.a7633da7.min.js", here).href);
})();
