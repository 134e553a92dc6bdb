/* "Is this really BitPie?" (docs/zh/verify.md, docs/en/verify.md): the verdict on one pasted link,
 * domain, e-mail address, phone number or handle, in the reader's browser only:
 * no request, nothing stored, nothing put in the page address.
 *
 * The rules are the guard's (helpcenter/guard/links.py, domains.py) as
 * helpcenter/checker/verdict.py applies them to one pasted string; the data
 * (registry, link policy, host lists, Public Suffix List extract, confusables,
 * how a pasted string is read, reader texts) is exported at build time by
 * helpcenter/checker/export.py into <script id="verify-data">. Each function
 * below names the Python one it mirrors; tests/test_checker_browser.py runs
 * every test vector through both and requires the same verdict.
 * The browser's own URL parser (WHATWG) has the last word on where a link goes.
 */
(function () {
  "use strict";

  var D = null;

  function has(list, item) { return list.indexOf(item) >= 0; }

  function strip(s, chars) {  // Python str.strip(chars)
    var a = 0, b = s.length;
    while (a < b && chars.indexOf(s.charAt(a)) >= 0) a++;
    while (b > a && chars.indexOf(s.charAt(b - 1)) >= 0) b--;
    return s.slice(a, b);
  }

  function rstrip(s, chars) {  // Python str.rstrip(chars)
    var b = s.length;
    while (b > 0 && chars.indexOf(s.charAt(b - 1)) >= 0) b--;
    return s.slice(0, b);
  }

  function prepare(data) {
    if (data._ready) return data;
    var re = {};
    Object.keys(data.reading).forEach(function (k) { re[k] = new RegExp(data.reading[k], "i"); });
    var psl = data.psl, second = {};
    psl.tldSet = {};
    psl.tlds.split(" ").forEach(function (t) { psl.tldSet[t] = 1; });
    Object.keys(psl.second).forEach(function (t) {
      second[t] = {};
      psl.second[t].split(" ").forEach(function (l) { second[t][l] = 1; });
    });
    psl.secondSet = second;
    data._re = re;
    data._strip = data.trim;
    data._ready = true;
    return data;
  }

  // --- helpcenter/guard/links.py ------------------------------------------------
  var C0 = "";
  for (var c = 0; c < 0x21; c++) C0 += String.fromCharCode(c);
  var GUARD_STRIP = C0 + "\u00a0\ufeff";

  function normalise(url) {  // links.normalise
    url = strip(url, GUARD_STRIP).replace(/[\t\n\r]/g, "").replace(/\\/g, "/");
    return url.replace(/^(https?|ftp|wss?):\/*/i, function (m, s) { return s + "://"; });
  }

  function schemeOf(url) {  // links.scheme_of
    if (url.indexOf(":") < 0) return null;
    var m = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(normalise(url));
    return m ? m[1].toLowerCase() : null;
  }

  function unquote(s) {  // urllib.parse.unquote (UTF-8, errors replaced)
    if (s.indexOf("%") < 0) return s;
    return s.replace(/(?:%[0-9a-fA-F]{2})+/g, function (m) {
      var bytes = new Uint8Array(m.length / 3);
      for (var i = 0; i < bytes.length; i++) bytes[i] = parseInt(m.substr(i * 3 + 1, 2), 16);
      return new TextDecoder("utf-8").decode(bytes);
    });
  }

  function isIPv6(text) {
    if (text.indexOf(":") < 0) return false;
    try { new URL("http://[" + text + "]/"); return true; } catch (e) { return false; }
  }

  function urlsplit(url) {  // urllib.parse.urlsplit (Python 3.11), throws like it
    url = url.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\r\n]/g, "");
    var out = { scheme: "", netloc: "", path: "", query: "", fragment: "" };
    var i = url.indexOf(":");
    if (i > 0 && /^[a-zA-Z][a-zA-Z0-9+\-.]*$/.test(url.slice(0, i))) {
      out.scheme = url.slice(0, i).toLowerCase();
      url = url.slice(i + 1);
    }
    if (url.slice(0, 2) === "//") {
      var end = url.length;
      "/?#".split("").forEach(function (ch) { var k = url.indexOf(ch, 2); if (k >= 0 && k < end) end = k; });
      out.netloc = url.slice(2, end);
      url = url.slice(end);
      var n = out.netloc, open = n.indexOf("[") >= 0, close = n.indexOf("]") >= 0;
      if (open !== close) throw new Error("Invalid IPv6 URL");
      if (open) {
        var br = n.slice(n.indexOf("[") + 1).split("]")[0];
        if (!(/^v/i.test(br) || isIPv6(br))) throw new Error("Invalid IPv6 URL");
      }
    }
    var h = url.indexOf("#");
    if (h >= 0) { out.fragment = url.slice(h + 1); url = url.slice(0, h); }
    var q = url.indexOf("?");
    if (q >= 0) { out.query = url.slice(q + 1); url = url.slice(0, q); }
    out.path = url;
    if (out.netloc && /[^\x00-\x7f]/.test(out.netloc)) {  // _checknetloc
      var bare = out.netloc.replace(/[@:#?]/g, "");
      var nfkc = bare.normalize("NFKC");
      if (bare !== nfkc && /[\/?#@:]/.test(nfkc)) throw new Error("netloc contains invalid characters under NFKC normalization");
    }
    var info = out.netloc.slice(out.netloc.lastIndexOf("@") + 1), host, port = "";
    var lb = info.indexOf("[");
    if (lb >= 0) {
      var rest = info.slice(lb + 1), rb = rest.indexOf("]");
      host = rb >= 0 ? rest.slice(0, rb) : rest;
      var after = rb >= 0 ? rest.slice(rb + 1) : "", pc = after.indexOf(":");
      port = pc >= 0 ? after.slice(pc + 1) : "";
    } else {
      var colon = info.indexOf(":");
      host = colon >= 0 ? info.slice(0, colon) : info;
      port = colon >= 0 ? info.slice(colon + 1) : "";
    }
    var pct = host.indexOf("%");
    out.hostname = pct >= 0 ? host.slice(0, pct).toLowerCase() + host.slice(pct) : host.toLowerCase();
    out.port = port;
    out.portError = !!port && (!/^[0-9]+$/.test(port) || parseInt(port, 10) > 65535);
    return out;
  }

  // --- helpcenter/guard/domains.py ----------------------------------------------
  function isIp(host) {  // domains._is_ip
    var bare = strip(host, "[]");
    if (isIPv6(bare)) return true;
    return bare.split(".").every(function (l) { return l !== "" && (/^\p{Nd}+$/u.test(l) || l.indexOf("0x") === 0); });
  }

  function schemeless(url) {  // tldextract.remote._schemeless_url
    var i = url.indexOf("//");
    if (i === 0) return url.slice(2);
    if (i < 2 || url.charAt(i - 1) !== ":" || !/^[a-zA-Z0-9+\-.]*$/.test(url.slice(0, i - 1))) return url;
    return url.slice(i + 2);
  }

  function splitHost(host) {  // domains.split_host: tldextract on the exported extract
    var auth = schemeless(host).split("/")[0].split("?")[0].split("#")[0];
    var after = auth.slice(auth.lastIndexOf("@") + 1);
    if (after.charAt(0) === "[" && after.indexOf("]") >= 0) return ["", after.split("]")[0] + "]", ""];
    var name = after.split(":")[0].trim().replace(/[.\u3002\uff0e\uff61]+$/, "");
    var labels = name.replace(/[\u3002\uff0e\uff61]/g, ".").split("."), n = labels.length, psl = D.psl;
    var tld = labels[n - 1].toLowerCase(), idx = n;
    var node = psl.tldSet[tld] || psl.secondSet[tld] || has(psl.wild, tld);
    if (node) {
      if (psl.tldSet[tld]) idx = n - 1;
      if (n >= 2) {
        var l2 = labels[n - 2].toLowerCase();
        if (psl.secondSet[tld] && psl.secondSet[tld][l2]) idx = n - 2;
        else if (has(psl.wild, tld)) idx = has(psl["except"], l2 + "." + tld) ? n - 1 : n - 2;
      }
    }
    if (idx === n) {
      if (n === 4 && labels.every(function (l) { return /^[0-9]+$/.test(l) && +l < 256; })) return ["", name, ""];
      return [labels.slice(0, -1).join("."), labels[n - 1], ""];
    }
    return [idx >= 2 ? labels.slice(0, idx - 1).join(".") : "", idx > 0 ? labels[idx - 1] : "", labels.slice(idx).join(".")];
  }

  function editDistance(a, b) {  // domains.edit_distance (optimal string alignment)
    var rows = [[]], i, j;
    for (j = 0; j <= b.length; j++) rows[0].push(j);
    for (i = 1; i <= a.length; i++) {
      var row = [i];
      for (j = 1; j <= b.length; j++) {
        var ca = a.charAt(i - 1), cb = b.charAt(j - 1), prev = rows[rows.length - 1];
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca !== cb ? 1 : 0));
        if (i > 1 && j > 1 && ca === b.charAt(j - 2) && a.charAt(i - 2) === cb) row[j] = Math.min(row[j], rows[rows.length - 2][j - 2] + 1);
      }
      rows.push(row);
    }
    return rows[rows.length - 1][b.length];
  }

  function imitates(label) {  // DomainInspector.imitation
    var plain = label.replace(/[-_]/g, ""), brand = D.brand;
    if (has(D.officialLabels, label)) return true;
    if (plain.indexOf(brand) >= 0) return true;
    var leet = plain.split("").map(function (ch) { return D.leet[ch] !== undefined ? D.leet[ch] : ch; }).join("");
    if (leet.indexOf(brand) >= 0) return true;
    var n = brand.length;
    if (n >= 5) {
      for (var size = n - 1; size <= n + 1; size++) {
        for (var start = 0; start <= Math.max(plain.length - size, 0); start++) {
          if (editDistance(plain.slice(start, start + size), brand) <= 1) return true;
        }
      }
    }
    return false;
  }

  function within(host, list) {
    return list.some(function (d) { return host === d || host.slice(-d.length - 1) === "." + d; });
  }

  function classify(rawHost) {  // DomainInspector.classify: [class, codes]
    var host = rstrip(rawHost.trim(), ".").toLowerCase();
    if (!host) return ["bad", ["malformed-url"]];
    if (isIp(host)) return ["bad", ["ip-host"]];
    if (/[^\x00-\x7f]/.test(host)) return ["bad", ["homoglyph-domain"]];
    if (host.split(".").some(function (l) { return l.indexOf("xn--") === 0; })) return ["bad", ["punycode-domain"]];
    if (within(host, D.officialDomains)) return ["official", []];
    if (within(host, D.referenceDomains)) return ["reference", []];
    var parts = splitHost(host), sub = parts[0], label = parts[1], suffix = parts[2];
    var registrable = suffix ? label + "." + suffix : label;
    if (has(D.shorteners, host) || has(D.shorteners, registrable)) return ["shortener", ["url-shortener"]];
    var codes = [], front = host.slice(0, host.length - registrable.length);
    if (registrable.length === 0) front = "";
    if (sub && (sub.replace(/-/g, "").indexOf(D.brand) >= 0 || D.officialDomains.some(function (d) { return front.indexOf(d) >= 0; }))) codes.push("brand-subdomain");
    if (suffix && imitates(label)) codes.push("lookalike-domain");
    if (codes.length) return ["bad", codes];
    if (has(D.social, host) || has(D.social, registrable)) return ["social", []];
    return ["other", []];
  }

  function registrableOf(host) {
    var p = splitHost(host);
    return p[2] ? p[1] + "." + p[2] : p[1];
  }

  function skeleton(text) {  // domains.latin_skeleton
    var out = "";
    Array.from(text).forEach(function (ch) {
      ch = D.dots[ch] || ch;
      if (ch.charCodeAt(0) < 0x80) out += ch;
      else if (D.confusables[ch] !== undefined) out += D.confusables[ch];
      else out += ch.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase() || "?";
    });
    return out;
  }

  function punyDecode(label) {  // RFC 3492, for what an xn-- host reads as
    var input = label.slice(4), out = [], n = 128, bias = 72, i = 0, b = input.lastIndexOf("-");
    if (b > 0) for (var j = 0; j < b; j++) out.push(input.charCodeAt(j));
    for (var pos = b > 0 ? b + 1 : 0; pos < input.length;) {
      var oldi = i, w = 1;
      for (var k = 36; ; k += 36) {
        if (pos >= input.length) throw new Error("bad punycode");
        var cp = input.charCodeAt(pos++), digit = cp - 48 < 10 ? cp - 22 : cp - 65 < 26 ? cp - 65 : cp - 97 < 26 ? cp - 97 : 36;
        if (digit >= 36) throw new Error("bad punycode");
        i += digit * w;
        var t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (digit < t) break;
        w *= 36 - t;
      }
      var len = out.length + 1, delta = oldi === 0 ? Math.floor((i - oldi) / 700) : (i - oldi) >> 1;
      delta += Math.floor(delta / len);
      for (k = 0; delta > 455; k += 36) delta = Math.floor(delta / 35);
      bias = Math.floor(k + 36 * delta / (delta + 38));
      n += Math.floor(i / len);
      i %= len;
      out.splice(i++, 0, n);
    }
    return String.fromCodePoint.apply(null, out);
  }

  function decodeHost(host) {
    try {
      return host.split(".").map(function (l) { return l.indexOf("xn--") === 0 ? punyDecode(l) : l; }).join(".");
    } catch (e) { return ""; }
  }

  // --- helpcenter/guard/registry.py -----------------------------------------------
  function contactKey(url) {  // registry.contact_key
    url = url.trim();
    var i = url.indexOf(":"), scheme = (i >= 0 ? url.slice(0, i) : url).toLowerCase(), rest = i >= 0 ? url.slice(i + 1) : "";
    if (scheme === "mailto") return "mailto:" + unquote(rest.split("?")[0]).trim().toLowerCase();
    if (scheme === "tel" || scheme === "sms") return "tel:" + rest.replace(/[^0-9+]/g, "");
    var p;
    try { p = urlsplit(url); } catch (e) { return url; }
    return p.scheme + "://" + p.netloc.toLowerCase() + p.path.replace(/\/+$/, "") + (p.query ? "?" + p.query : "");
  }

  function registryFind(url) {  // Registry.find
    var key = contactKey(url);
    return D.contacts.filter(function (c) { return c.url && contactKey(c.url) === key; })[0] || null;
  }

  // --- LinkChecker ---------------------------------------------------------------
  function underReferencePrefix(host, path) {  // LinkChecker.under_reference_prefix
    if (!D.referencePrefixes.length) return false;
    var segments = [];
    unquote(path).replace(/\\/g, "/").split("/").forEach(function (s) {
      if (s === "..") segments.pop();
      else if (s !== "" && s !== ".") segments.push(s);
    });
    var target = (rstrip(host.toLowerCase(), ".") + "/" + segments.join("/").toLowerCase()).replace(/\/+$/, "") + "/";
    return D.referencePrefixes.some(function (p) { return target.indexOf(p.replace(/\/+$/, "") + "/") === 0; });
  }

  function checkWeb(url) {  // LinkChecker.check_web (context "link"): [codes, hostClass]
    var codes = [], parts, host;
    try {
      parts = urlsplit(url);
      host = unquote(parts.hostname || "");
    } catch (e) { return [["malformed-url"], "bad"]; }
    if (unquote(parts.netloc).indexOf("@") >= 0) codes.push("userinfo-trick");
    var r = classify(host), hostClass = r[0], hostCodes = r[1];
    if (!hostCodes.length && underReferencePrefix(host, parts.path)) hostClass = "reference";
    codes = codes.concat(hostCodes);
    var embedded = /(?:https?:)?\/\/[^\s\/?#&]+/i.exec(unquote(parts.query + "#" + parts.fragment));
    if (embedded && !hostCodes.length) {
      var inner = classify(urlsplit(embedded[0]).hostname || "");
      if (inner[1].length || (inner[0] !== "official" && inner[0] !== "reference")) codes.push("embedded-url");
    }
    if (parts.scheme === "http") codes.push("insecure-link");
    if (hostClass === "official" || hostClass === "reference" || hostCodes.length) { /* fine, or already said */ }
    else if (hostClass === "social") codes.push("contact-unlisted");
    else codes.push("domain-not-allowed");
    return [codes, hostClass];
  }

  function emailValid(address) {  // email_validator, as far as addresses that reach it go
    var at = address.lastIndexOf("@"), local = address.slice(0, at), domain = address.slice(at + 1).toLowerCase();
    if (at < 1 || !D._re.email.test(address)) return false;
    if (/[^\x00-\x7f]/.test(domain)) {
      // email_validator converts an internationalised domain to ASCII (IDNA); so does the URL parser
      try { domain = new URL("http://" + domain + "/").hostname; } catch (e) { return false; }
    }
    if (local.length > 64 || address.length > 254 || /^\.|\.$|\.\./.test(local)) return false;
    if (/^[.\-]|[.\-]$|\.\.|\.-|-\./.test(domain) || domain.indexOf(".") < 0 || !/[a-z]$/.test(domain)) return false;
    if (domain.split(".").some(function (l) { return l.length > 63 || (l.slice(2, 4) === "--" && l.indexOf("xn--") !== 0); })) return false;
    if (domain.split(".").some(function (l) { return l.indexOf("xn--") === 0 && !decodeHost(l); })) return false;
    return !D.emailSpecialUse.some(function (s) { return domain === s || domain.slice(-s.length - 1) === "." + s; });
  }

  function checkEmail(address) {  // LinkChecker.check_email
    if (!emailValid(address)) return ["invalid-email"];
    var domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
    var codes = classify(domain)[1].slice();
    if (has(D.freemail, domain)) codes.push("freemail-address");
    if (!registryFind("mailto:" + address)) codes.push("contact-unlisted");
    return codes;
  }

  function check(raw) {  // LinkChecker.check (context "link")
    var url = normalise(raw), scheme = schemeOf(url);
    if (registryFind(url)) return [];
    if (scheme === "http" || scheme === "https") return checkWeb(url)[0];
    if (scheme === "mailto") {
      var body = url.slice(url.indexOf(":") + 1).split("?")[0];
      var list = body.split(",").filter(function (a) { return a.trim(); }).map(function (a) { return unquote(a).trim(); });
      if (!list.length) return ["invalid-email"];
      return [].concat.apply([], list.map(checkEmail));
    }
    if (has(D.contactSchemes, scheme)) return ["contact-unlisted"];
    if (has(D.scriptSchemes, scheme)) return ["script-url"];
    if (scheme === "data") return ["data-url"];
    return ["unsupported-scheme"];
  }

  // --- helpcenter/checker/verdict.py ---------------------------------------------
  function read(text) {  // verdict.read
    var s = strip(text, D._strip), re = D._re;
    if (!s) return ["empty", ""];
    var label = re.label.exec(s);
    if (label) s = strip(label[1], D._strip);
    var scheme = re.scheme.exec(s);
    if (scheme && has(D.knownSchemes, scheme[1].toLowerCase())) return ["url", s];
    if (s.slice(0, 2) === "//") return ["url", "https:" + s];
    if (re.phone.test(s) && s.replace(/[^0-9]/g, "").length >= 5) return ["phone", s];
    if (re.space.test(s)) return ["unknown", s];
    if (re.email.test(s)) {
      var local = s.slice(0, s.lastIndexOf("@")).toLowerCase();
      return D.officialDomains.some(function (d) { return local.indexOf(d) >= 0; }) ? ["url", "https://" + s] : ["email", s];
    }
    if (s.charAt(0) === "@") return ["handle", s.slice(1)];
    if (Array.from(D.urlish).some(function (ch) { return s.indexOf(ch) >= 0; })) return ["url", "https://" + s];
    if (re.handle.test(s)) return ["handle", s];
    return ["unknown", s];
  }

  function pick(codes) {
    var ranked = D.priority.filter(function (c) { return has(codes, c); });
    return ranked.length ? ranked[0] : codes[0];
  }

  function verdictOf(codes, kind, value, host) {
    var reason = pick(codes), v = {
      verdict: has(D.notVerified, reason) ? "not-verified" : "not-official", reason: reason, kind: kind,
      value: value, host: host || "", readsAs: "", contact: null, codes: codes
    };
    if (has(codes, "homoglyph-domain")) v.readsAs = skeleton(v.host);
    else if (has(codes, "punycode-domain")) v.readsAs = skeleton(decodeHost(v.host));
    return v;
  }

  function official(kind, value, host, contact) {
    return { verdict: "official", reason: "official", kind: kind, value: value, host: host || "", readsAs: "", contact: contact, codes: [] };
  }

  function typedHost(url) {
    try { return rstrip(unquote(urlsplit(url).hostname || "").trim(), ".").toLowerCase(); } catch (e) { return ""; }
  }

  function entryForHost(host) {  // verdict._entry_for_host
    var domain = D.officialDomains.filter(function (d) { return host === d || host.slice(-d.length - 1) === "." + d; })[0];
    return D.contacts.filter(function (c) {
      if (!c.url || schemeOf(c.url) !== "https" || !domain) return false;
      var h = rstrip(urlsplit(c.url).hostname, ".");
      return h === domain || h.slice(-domain.length - 1) === "." + domain;
    })[0] || null;
  }

  function browserAgrees(url, host) {
    // The WHATWG parser decides where the browser really goes: an official
    // verdict needs it to land on the same official host, over https.
    try {
      var u = new URL(url);
      return u.protocol === "https:" && !u.username && !u.password && rstrip(u.hostname, ".") === host;
    } catch (e) { return false; }
  }

  function web(url) {  // verdict._web
    url = normalise(url);
    var host = typedHost(url), contact = registryFind(url), codes;
    try { codes = check(url); } catch (e) { codes = ["malformed-url"]; }
    try { if (urlsplit(url).portError) codes.unshift("malformed-url"); } catch (e) { /* already malformed */ }
    if (contact && !codes.length) return official("url", url, host, contact.id);
    if (!codes.length) {
      if (classify(host)[0] === "official") {
        if (!browserAgrees(url, host)) return verdictOf(["malformed-url"], "url", url, host);
        var entry = entryForHost(host);
        return official("url", url, host, entry ? entry.id : null);
      }
      var v = verdictOf(["reference-domain"], "url", url, host);
      v.verdict = "not-official";
      v.codes = [];
      return v;
    }
    return verdictOf(codes, "url", url, host);
  }

  function email(address, url) {  // verdict._email
    var contact = registryFind(url || "mailto:" + address), codes = checkEmail(address);
    var domain = rstrip(address.slice(address.lastIndexOf("@") + 1).trim(), ".").toLowerCase();
    if (!has(codes, "invalid-email") && !within(domain, D.officialDomains)) codes.push("registry-domain");
    if (contact && !has(codes, "contact-unlisted") && codes.every(function (c) { return c === "registry-domain"; })) return official("email", address, domain, contact.id);
    if (!codes.length) codes = ["contact-unlisted"];
    return verdictOf(codes, "email", address, domain);
  }

  function digits(s) { return s.replace(/[^0-9]/g, ""); }

  function phoneEntry(number) {  // verdict.phone_entry
    var pasted = digits(number);
    return D.contacts.filter(function (c) {
      if (!c.url || !has(["tel", "sms"], schemeOf(c.url) || "")) return false;
      var listed = digits(c.url.slice(c.url.indexOf(":") + 1));
      return pasted === listed || (pasted.length >= 7 && listed.slice(-pasted.length) === pasted && listed.length - pasted.length <= 3);
    })[0] || null;
  }

  function handleEntry(handle) {  // verdict.handle_entry
    var wanted = handle.trim().replace(/^@+/, "").toLowerCase();
    return D.contacts.filter(function (c) {
      if (!c.url || !wanted) return false;
      var i = c.url.indexOf(":"), scheme = c.url.slice(0, i).toLowerCase(), rest = c.url.slice(i + 1).toLowerCase();
      if (has(D.webSchemes, scheme)) { rest = rest.replace(/^\/+/, ""); rest = rest.indexOf("/") >= 0 ? rest.slice(rest.indexOf("/") + 1) : ""; }
      return has(rest.split(/[\/?=&#]/), wanted);
    })[0] || null;
  }

  function judge(text, data) {  // verdict.judge
    var saved = D;
    D = prepare(data || D);
    try { return judgeNow(String(text)); } finally { D = saved || D; }
  }

  function judgeNow(text) {
    var r = read(text), kind = r[0], value = r[1], contact;
    if (kind === "empty") return { verdict: "empty", reason: "empty", kind: "empty", value: "", host: "", readsAs: "", contact: null, codes: [] };
    if (kind === "email") return email(value);
    if (kind === "phone") {
      contact = phoneEntry(value);
      return contact ? official("phone", value, "", contact.id) : verdictOf(["contact-unlisted"], "phone", value);
    }
    if (kind === "handle") {
      contact = handleEntry(value);
      return contact ? official("handle", value, "", contact.id) : verdictOf(["contact-unlisted"], "handle", value);
    }
    if (kind === "unknown") return verdictOf(["unrecognised"], "unknown", value);
    var scheme = schemeOf(value) || "";
    if (has(D.webSchemes, scheme)) return web(value);
    if (scheme === "mailto") {
      var body = normalise(value).split(":").slice(1).join(":").split("?")[0];
      var list = body.split(",").filter(function (a) { return a.trim(); }).map(function (a) { return unquote(a).trim(); });
      if (list.length !== 1) return verdictOf(["invalid-email"], "email", value);
      return email(list[0], value);
    }
    if (scheme === "tel" || scheme === "sms") {
      var number = normalise(value).split(":").slice(1).join(":").split("?")[0].split(";")[0];
      contact = digits(number) ? phoneEntry(unquote(number)) : null;
      return contact ? official("phone", unquote(number), "", contact.id) : verdictOf(["contact-unlisted"], "phone", unquote(number));
    }
    var codes = check(value);
    contact = registryFind(value);
    if (contact && !codes.length) return official("handle", value, "", contact.id);
    return verdictOf(codes.length ? codes : ["unsupported-scheme"], has(D.contactSchemes, scheme) ? "handle" : "url", value);
  }

  // --- the page --------------------------------------------------------------------
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function oddChars(host) {
    var seen = [];
    Array.from(host).forEach(function (ch) {
      if (ch.charCodeAt(0) >= 0x80 && !has(seen, ch)) seen.push(ch);
    });
    return seen.map(function (ch) { return "\u201c" + ch + "\u201d U+" + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0"); }).join(", ");
  }

  function render(v, root) {
    var T = D.text, links = JSON.parse(root.getAttribute("data-links") || "{}");
    var out = root.querySelector("#verify-result");
    out.textContent = "";
    if (v.verdict === "empty") { out.appendChild(el("p", "hc-verdict__empty", T.empty)); return; }
    var host = v.host, shown = /^xn--|\.xn--/.test(host) ? decodeHost(host) : host;
    var values = {
      value: v.value, host: host, official: D.officialDomains[0], readsAs: v.readsAs,
      registrable: host ? registrableOf(host) : "", chars: oddChars(shown || v.value)
    };
    var mod = { "official": "official", "not-official": "fake", "not-verified": "unverified" }[v.verdict];
    var card = el("div", "hc-verdict hc-verdict--" + mod);
    card.setAttribute("data-verdict", v.verdict);
    card.setAttribute("data-reason", v.reason);
    var title = el("p", "hc-verdict__title");
    title.appendChild(el("span", "hc-verdict__icon", { official: "\u2713", fake: "\u2715", unverified: "?" }[mod])).setAttribute("aria-hidden", "true");
    title.appendChild(el("strong", "", T["title." + v.verdict]));
    card.appendChild(title);
    var checked = el("p", "hc-verdict__checked", T.checked + " ");
    var pasted = strip(root.querySelector("#verify-input").value, D._strip) || v.value;
    checked.appendChild(el("code", "", pasted.length > 200 ? pasted.slice(0, 200) + "\u2026" : pasted));
    card.appendChild(checked);
    if (v.verdict === "official") {
      var entry = D.contacts.filter(function (c) { return c.id === v.contact; })[0];
      card.appendChild(el("p", "", v.kind === "url" ? fill(T["official.url"], values) : T["official.entry"]));
      if (entry) {
        card.appendChild(el("p", "hc-verdict__entry", fill(T.entry, {
          label: entry.label[D.lang] || entry.id, url: entry.url, source: entry.source || "", verified: entry.verified || ""
        })));
      }
      card.appendChild(el("p", "", fill(T["official.caution"], values)));
    } else {
      var key = "reason." + v.reason;
      if (v.reason === "contact-unlisted") key += "." + (T[key + "." + v.kind] ? v.kind : "handle");
      card.appendChild(el("p", "hc-verdict__reason", fill(T[key] || T["reason.unrecognised"], values)));
      if (v.verdict === "not-verified") card.appendChild(el("p", "", T["unverified.note"]));
      card.appendChild(el("p", "hc-verdict__advice-title", T["advice.title"]));
      var list = el("ul", "hc-verdict__advice");
      ["advice.phrase", "advice.source", "advice.report"].forEach(function (k) { list.appendChild(el("li", "", fill(T[k], values))); });
      card.appendChild(list);
      var more = el("p", "hc-verdict__links");
      ["contact", "safety", "stolen"].forEach(function (k, i) {
        if (!links[k]) return;
        if (i) more.appendChild(document.createTextNode(" \u00b7 "));
        var a = el("a", "", T["advice." + k]);
        a.href = links[k];
        more.appendChild(a);
      });
      card.appendChild(more);
    }
    out.appendChild(card);
  }

  function start() {
    var root = document.getElementById("verify");
    var dataNode = document.getElementById("verify-data");
    if (!root || !dataNode) return;
    D = prepare(JSON.parse(dataNode.textContent));
    var input = root.querySelector("#verify-input");
    function run() { render(judgeNow(input.value), root); }
    root.querySelector("#verify-check").addEventListener("click", run);
    root.querySelector("#verify-clear").addEventListener("click", function () {
      input.value = "";
      root.querySelector("#verify-result").textContent = "";
      input.focus();
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.isComposing) { e.preventDefault(); run(); }
    });
    input.addEventListener("paste", function () { setTimeout(run, 0); });
    root.hidden = false;
    var noscript = document.getElementById("verify-noscript");
    if (noscript) noscript.hidden = true;
    root.setAttribute("data-ready", "true");
  }

  window.BitpieVerify = { judge: judge, read: function (t) { prepare(D); return read(t); } };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
