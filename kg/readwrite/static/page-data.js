/* The page (kg.readwrite.html), part 1 of 4: the data, the filters and the ties between actors.
 *
 * The page holds two JSON documents, read with JSON.parse only:
 *   #kg-data  PageData (kg.page.model): actors, articles, concepts, quotes, roles, ties; items
 *             refer to each other by index;
 *   #kg-view  where each view draws its nodes, the size limits and the palette.
 * Text from them reaches the page through textContent only, never as HTML.
 *
 * nodes, edges and network (vis-network's data and network for the view on screen) are
 * globals, as in pyvis's pages: the tests and benchmarks drive the page through them.
 */
var nodes, edges, network;
var KG = {};

(function () {
  "use strict";

  var $ = KG.$ = function (id) { return document.getElementById(id); };
  function readJSON(id) { return JSON.parse($(id).textContent); }

  // ---- The data and its indexes -------------------------------------------------------------

  var D = KG.data = readJSON("kg-data");
  KG.view = readJSON("kg-view");
  KG.claims = D.network === "claims";
  KG.byId = {};  // node id -> {kind: "actor"|"article"|"concept"|"quote", index}
  [["actor", D.actors], ["article", D.articles], ["concept", D.concepts], ["quote", D.quotes]]
    .forEach(function (group) {
      group[1].forEach(function (item, i) { KG.byId[item.id] = {kind: group[0], index: i}; });
    });
  function lists(n) { var out = []; for (var i = 0; i < n; i++) out.push([]); return out; }
  KG.quotesOf = lists(D.actors.length);  // actor -> quote indexes
  KG.quotesIn = lists(D.articles.length);  // article -> quote indexes
  KG.quotesAbout = lists(D.concepts.length);  // concept -> quote indexes
  D.quotes.forEach(function (q, i) {
    if (q.speaker !== null) KG.quotesOf[q.speaker].push(i);
    if (q.article !== null) KG.quotesIn[q.article].push(i);
    q.stances.forEach(function (s) { KG.quotesAbout[s.concept].push(i); });
  });
  KG.rolesOf = lists(D.actors.length);  // actor -> roles (either end)
  D.roles.forEach(function (r) { KG.rolesOf[r.person].push(r); KG.rolesOf[r.organisation].push(r); });
  KG.actorsIn = lists(D.articles.length);  // article -> actors it names
  D.actors.forEach(function (a, i) { a.articles.forEach(function (art) { KG.actorsIn[art].push(i); }); });
  KG.dates = Object.keys(D.quotes.reduce(function (seen, q) { if (q.date) seen[q.date] = 1; return seen; }, {}))
    .sort();
  KG.cueClasses = Object.keys(D.quotes.reduce(function (seen, q) {
    if (q.cue_class) seen[q.cue_class] = 1; return seen;
  }, {})).sort();

  // ---- Building blocks: text goes in with textContent only ----------------------------------

  KG.el = function (tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  KG.plural = function (n, word) { return n + " " + word + (n === 1 ? "" : "s"); };
  KG.number = function (x) { return Math.round(x) === x ? String(x) : x.toFixed(2); };

  // ---- Filters: what the controls ask for, and which quotes pass ----------------------------

  KG.filter = {concept: -1, kind: "", article: -1, cue: "", from: 0, to: Math.max(KG.dates.length - 1, 0),
               tiesOnly: KG.view.ties_only, roles: true};

  KG.dateWindow = function () {  // [first, last] ISO dates, or null when the whole range is kept
    var f = KG.filter;
    if (!KG.dates.length || (f.from === 0 && f.to === KG.dates.length - 1)) return null;
    return [KG.dates[f.from], KG.dates[f.to]];
  };
  KG.stanceShown = function (s) { return KG.filter.concept < 0 || s.concept === KG.filter.concept; };
  KG.actorKindShown = function (i) { return !KG.filter.kind || D.actors[i].kind === KG.filter.kind; };

  // A quote passes when its article, cue class, date, concept and speaker's kind pass; with a
  // date window undated quotes are out; with an actor kind, quotes of unknown speakers are out.
  KG.quoteShown = function (q) {
    var f = KG.filter, window = KG.dateWindow();
    if (f.article >= 0 && q.article !== f.article) return false;
    if (f.cue && q.cue_class !== f.cue) return false;
    if (window && !(q.date && q.date >= window[0] && q.date <= window[1])) return false;
    if (f.concept >= 0 && !q.stances.some(KG.stanceShown)) return false;
    if (f.kind && (q.speaker === null || !KG.actorKindShown(q.speaker))) return false;
    return true;
  };
  KG.shownQuotes = function () {
    var out = [];
    D.quotes.forEach(function (q, i) { if (KG.quoteShown(q)) out.push(i); });
    return out;
  };

  // ---- Ties: congruence and conflict, from the stances of the quotes shown ------------------
  //
  // As kg.discourse: a[i][c][k] = actor i's quotes taking side k (agree, disagree) on concept c;
  // congruence(i, j) = sum over c, k of a[i][c][k] * a[j][c][k]; conflict(i, j) = sum over c of
  // a[i][c][agree] * a[j][c][disagree] + a[i][c][disagree] * a[j][c][agree]. Raw counts. Pairs come
  // from each (concept, side) cell, so the work is the sum of the cells' sizes squared; a cell of more
  // than view.max_cell actors ties everyone to everyone and is left out (KG.ties says which).

  function cellsOf(quotes) {  // concept -> {agree: {actor: n}, disagree: {actor: n}}
    var cells = {};
    quotes.forEach(function (qi) {
      var q = D.quotes[qi];
      if (q.speaker === null) return;
      q.stances.forEach(function (s) {
        if (s.agreement === "neutral" || !KG.stanceShown(s)) return;
        var cell = cells[s.concept] || (cells[s.concept] = {agree: {}, disagree: {}});
        cell[s.agreement][q.speaker] = (cell[s.agreement][q.speaker] || 0) + 1;
      });
    });
    return cells;
  }

  KG.ties = function (quotes) {
    var found = {}, skipped = [], cap = KG.view.max_cell;
    function add(relation, a, b, count, concept) {
      if (a === b) return;
      var lo = Math.min(a, b), hi = Math.max(a, b), id = relation + ":" + lo + ":" + hi;
      var tie = found[id] || (found[id] = {id: id, relation: relation, a: lo, b: hi, count: 0, concepts: []});
      tie.count += count;
      if (tie.concepts.indexOf(concept) < 0) tie.concepts.push(concept);
    }
    var cells = cellsOf(quotes);
    Object.keys(cells).forEach(function (key) {
      var c = +key, agree = Object.keys(cells[c].agree), disagree = Object.keys(cells[c].disagree);
      if (agree.length > cap || disagree.length > cap) { skipped.push(c); return; }
      ["agree", "disagree"].forEach(function (side) {
        var counts = cells[c][side], actors = Object.keys(counts);
        for (var x = 0; x < actors.length; x++) {
          for (var y = x + 1; y < actors.length; y++) {
            add("congruence", +actors[x], +actors[y], counts[actors[x]] * counts[actors[y]], c);
          }
        }
      });
      agree.forEach(function (a) {
        disagree.forEach(function (d) {
          add("conflict", +a, +d, cells[c].agree[a] * cells[c].disagree[d], c);
        });
      });
    });
    var list = Object.keys(found).map(function (id) { return found[id]; });
    list.sort(function (x, y) { return y.count - x.count || (x.id < y.id ? -1 : 1); });
    return {list: list, skipped: skipped};
  };

  // Ties of a discourse-network page: as the network gives them, those on the concept picked.
  KG.networkTies = function () {
    var c = KG.filter.concept;
    return D.ties.map(function (t, i) {
      var stance = t.relation === "stance";
      return {id: "tie:" + i, relation: t.relation, a: t.source, b: t.target, count: t.count, weight: t.weight,
              concepts: stance ? [t.target] : t.concepts, tie: t};
    }).filter(function (t) {
      return (c < 0 || t.concepts.indexOf(c) >= 0) && KG.actorKindShown(t.a) &&
        (t.relation === "stance" || KG.actorKindShown(t.b));
    });
  };

  // Each shown actor's stance counts, for the table: actor -> {agree: n, disagree: n}.
  KG.sides = function (quotes) {
    var sides = {};
    quotes.forEach(function (qi) {
      var q = D.quotes[qi];
      if (q.speaker === null) return;
      var s = sides[q.speaker] || (sides[q.speaker] = {agree: 0, disagree: 0, neutral: 0});
      q.stances.forEach(function (st) { if (KG.stanceShown(st)) s[st.agreement] += 1; });
    });
    return sides;
  };
})();
