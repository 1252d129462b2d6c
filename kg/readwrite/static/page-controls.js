/* The page, part 4 of 4: the filters, the search, the "most quoted" table, the keyboard; start.
 *
 * Every control is a form element reachable with Tab; Enter runs the search (again for the next
 * match), Escape leaves the article view, then the panel, and the focus goes back where it was.
 */
(function () {
  "use strict";

  var D = KG.data, V = KG.view, $ = KG.$, el = KG.el, f = KG.filter;
  var TABLE_ROWS = 50;
  var KINDS = {person: 0, organisation: 1, concept: 2, article: 3};

  function option(select, value, text) { var o = el("option", text); o.value = value; select.append(o); }
  function on(id, event, action) { var c = $(id); if (c) c.addEventListener(event, action); }

  // ---- Filters --------------------------------------------------------------------------------

  function conceptCounts() {  // concept -> quotes about it (claims) or ties on it (networks)
    var n = D.concepts.map(function () { return 0; });
    if (KG.claims) KG.quotesAbout.forEach(function (qs, i) { n[i] = qs.length; });
    else D.ties.forEach(function (t) { (t.relation === "stance" ? [t.target] : t.concepts).forEach(function (c) { n[c]++; }); });
    return n;
  }
  function initFilters() {
    var counts = conceptCounts(), unit = KG.claims ? "quote" : "tie";
    D.concepts.map(function (c, i) { return i; })
      .sort(function (a, b) { return counts[b] - counts[a] || D.concepts[a].label.localeCompare(D.concepts[b].label); })
      .forEach(function (i) { option($("kg-concept"), i, D.concepts[i].label + " (" + KG.plural(counts[i], unit) + ")"); });
    if ($("kg-article")) {
      D.articles.forEach(function (a, i) { option($("kg-article"), i, (a.date ? a.date + " " : "") + a.title); });
      KG.cueClasses.forEach(function (c) { option($("kg-cue"), c, c); });
      initDates();
    }
    if ($("kg-view-select") && !V.quote_positions) {
      var quotes = $("kg-view-select").querySelector("option[value=quotes]");
      quotes.disabled = true;
      quotes.textContent += " (too large: " + KG.quoteViewSize.toLocaleString("en") + " nodes, the limit is " +
        V.quote_view_max_nodes.toLocaleString("en") + ")";
    }
    on("kg-view-select", "change", function () { KG.draw($("kg-view-select").value); });
    on("kg-concept", "change", function () { f.concept = +$("kg-concept").value; KG.refresh(true); });
    on("kg-kind", "change", function () { f.kind = $("kg-kind").value; KG.refresh(true); });
    on("kg-article", "change", function () { f.article = +$("kg-article").value; KG.refresh(true); });
    on("kg-cue", "change", function () { f.cue = $("kg-cue").value; KG.refresh(true); });
    on("kg-ties-only", "change", function () { f.tiesOnly = $("kg-ties-only").checked; KG.refresh(true); });
    on("kg-roles", "change", function () { f.roles = $("kg-roles").checked; KG.refresh(true); });
    on("kg-reset", "click", reset);
  }

  // The time slider: two thumbs over the quotes' distinct dates.
  function initDates() {
    var last = KG.dates.length - 1;
    if (last < 1) { $("kg-dates").hidden = true; return; }
    ["kg-from", "kg-to"].forEach(function (id) { $(id).min = 0; $(id).max = last; });
    $("kg-from").value = 0;
    $("kg-to").value = last;
    showDates();
    ["kg-from", "kg-to"].forEach(function (id) {
      on(id, "input", function () { readDates(id); showDates(); });
      on(id, "change", function () { readDates(id); showDates(); KG.refresh(true); });
    });
  }
  function readDates(moved) {
    var from = +$("kg-from").value, to = +$("kg-to").value;
    if (from > to) { if (moved === "kg-from") to = from; else from = to; }
    $("kg-from").value = f.from = from;
    $("kg-to").value = f.to = to;
  }
  function showDates() {
    $("kg-from-out").textContent = KG.dates[f.from];
    $("kg-to-out").textContent = KG.dates[f.to];
    $("kg-from").setAttribute("aria-valuetext", KG.dates[f.from]);
    $("kg-to").setAttribute("aria-valuetext", KG.dates[f.to]);
  }

  KG.pickConcept = function (i) { $("kg-concept").value = i; f.concept = i; KG.refresh(true); };

  function reset() {
    f.concept = f.article = -1; f.kind = f.cue = ""; f.tiesOnly = V.ties_only; f.roles = true;
    f.from = 0; f.to = Math.max(KG.dates.length - 1, 0);
    $("kg-concept").value = "-1"; $("kg-kind").value = ""; $("kg-ties-only").checked = f.tiesOnly; $("kg-roles").checked = true;
    if ($("kg-article")) {
      $("kg-article").value = "-1"; $("kg-cue").value = "";
      if (!$("kg-dates").hidden) { $("kg-from").value = f.from; $("kg-to").value = f.to; showDates(); }
    }
    KG.refresh(true);
  }

  // ---- What the view shows, in words, and the table beside it -------------------------------

  function describeView(shown) {
    var nodesShown = Object.keys(shown.nodes).length, notes = [];
    notes.push(KG.plural(nodesShown, "node") + " shown" + (KG.current === "actors" ? ", " +
      KG.plural(KG.tiesFound, "tie") : ""));
    if (KG.current === "actors" && KG.tiesFound > V.max_ties) notes.push("the " + V.max_ties + " strongest ties are drawn");
    if (KG.claims && KG.skipped && KG.skipped.length) {
      notes.push("left out of the ties, taken up by over " + V.max_cell + " actors: " +
        KG.skipped.map(function (c) { return D.concepts[c].label; }).join("; "));
    }
    if (D.texts_left_out) notes.push(KG.plural(D.texts_left_out, "article text") + " not in the page");
    $("kg-notes").textContent = notes.join("; ") + ".";
  }

  function fillTable(shown) {
    var counts = {}, sides = KG.claims ? KG.sides(shown.quotes) : {}, tied = {};
    if (KG.claims) {
      shown.quotes.forEach(function (qi) { var s = D.quotes[qi].speaker; if (s !== null) counts[s] = (counts[s] || 0) + 1; });
    } else {
      (KG.shownTies || []).forEach(function (t) { tied[t.a] = (tied[t.a] || 0) + 1; if (t.relation !== "stance") tied[t.b] = (tied[t.b] || 0) + 1; });
      D.actors.forEach(function (a, i) { if (shown.nodes[a.id]) counts[i] = a.n_quotes; });
    }
    var rows = Object.keys(counts).map(Number).filter(function (i) { return counts[i] > 0; })
      .sort(function (a, b) { return counts[b] - counts[a] || D.actors[a].name.localeCompare(D.actors[b].name); });
    $("kg-table-count").textContent = rows.length > TABLE_ROWS ? " (top " + TABLE_ROWS + " of " + rows.length + ")" : "";
    $("kg-table").tBodies[0].replaceChildren.apply($("kg-table").tBodies[0], rows.slice(0, TABLE_ROWS).map(function (i) {
      var tr = el("tr"), name = el("button", D.actors[i].name, "kg-link"), cell = el("td");
      name.type = "button";
      name.addEventListener("click", function () { KG.open(D.actors[i].id); KG.select(D.actors[i].id, false); });
      cell.append(name, el("span", D.actors[i].kind === "person" ? "" : " (org.)", "kg-meta"));
      var s = sides[i] || {};
      var numbers = KG.claims ? [counts[i], s.agree || 0, s.disagree || 0] : [counts[i], tied[i] || 0];
      tr.append.apply(tr, [cell].concat(numbers.map(function (n) { return el("td", String(n), "kg-num"); })));
      return tr;
    }));
  }

  // ---- Search: people, then organisations, then concepts and articles; names before roles ----

  var entries = [];
  function initSearch() {
    D.actors.forEach(function (a) {
      entries.push({id: a.id, kind: KINDS[a.kind], label: a.name, weight: a.n_quotes,
                    names: [a.name].concat(a.aliases).map(lower), roles: a.roles.map(lower)});
    });
    D.concepts.forEach(function (c, i) {
      entries.push({id: c.id, kind: KINDS.concept, label: c.label, weight: KG.quotesAbout[i].length, names: [lower(c.label)], roles: []});
    });
    D.articles.forEach(function (a, i) {
      entries.push({id: a.id, kind: KINDS.article, label: a.title, weight: KG.quotesIn[i].length, names: [lower(a.title)], roles: []});
    });
    var hits = [], hit = 0, last = null;
    on("kg-search", "submit", function (ev) {
      ev.preventDefault();
      var query = lower($("kg-search-input").value.trim());
      if (!query) return;
      if (query !== last) { hits = search(query); hit = 0; last = query; showHits(hits); } else if (hits.length) { hit = (hit + 1) % hits.length; }
      $("kg-search-status").textContent = hits.length ? (hit + 1) + " of " + hits.length : "no match";
      if (hits.length) goTo(hits[hit].id, true);
    });
  }
  function lower(s) { return s.toLowerCase(); }
  function quality(name, q) {  // the name, its start, a whole word, a word's start, anywhere; -1 if not found
    if (name.indexOf(q) < 0) return -1;
    var words = " " + name + " ";
    return name === q ? 0 : name.indexOf(q) === 0 ? 1 : words.indexOf(" " + q + " ") >= 0 ? 2
      : words.indexOf(" " + q) >= 0 ? 3 : 4;
  }
  function best(names, q) {
    return names.reduce(function (b, n) { var x = quality(n, q); return x >= 0 && (b < 0 || x < b) ? x : b; }, -1);
  }
  function search(q) {
    var found = [];
    entries.forEach(function (e) {
      var byName = best(e.names, q), byRole = byName < 0 ? best(e.roles, q) : -1;
      if (byName >= 0 || byRole >= 0) found.push({e: e, key: [byName >= 0 ? 0 : 1, e.kind, byName >= 0 ? byName : byRole, -e.weight]});
    });
    found.sort(function (a, b) {
      for (var k = 0; k < a.key.length; k++) if (a.key[k] !== b.key[k]) return a.key[k] - b.key[k];
      return a.e.label.localeCompare(b.e.label);
    });
    return found.map(function (x) { return x.e; });
  }
  function showHits(hits) {
    var box = $("kg-results");
    box.replaceChildren.apply(box, hits.slice(0, 10).map(function (e) {
      var b = el("button", e.label + " (" + ["person", "organisation", "concept", "article"][e.kind] + ")", "kg-link");
      b.type = "button";
      b.addEventListener("click", function () { goTo(e.id, false); });
      var li = el("li"); li.append(b); return li;
    }));
    box.hidden = !hits.length;
  }
  function goTo(id, keepFocus) { KG.open(id, keepFocus); KG.select(id, true); }

  // ---- Keyboard and start ----------------------------------------------------------------------

  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    KG.hideTip();
    if (!$("kg-panel").hidden) { ev.preventDefault(); KG.back(); } else if (!$("kg-results").hidden) { $("kg-results").hidden = true; }
  });
  on("kg-panel-close", "click", KG.closePanel);

  KG.onRefresh.push(describeView, fillTable);
  $("kg-ties-only").checked = f.tiesOnly;
  initFilters();
  initSearch();
  $("kg-about").textContent = D.about;
  KG.draw("actors");
  network.on("click", function (p) {
    if (p.nodes.length) KG.open(p.nodes[0]); else if (p.edges.length) KG.openEdge(p.edges[0]); else KG.closePanel();
  });
})();
