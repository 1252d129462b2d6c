/* The page, part 3 of 4: tooltips' text, the side panel and the article view.
 *
 * The panel shares the side column with the "most quoted" table: opening it hides the table,
 * closing it (Escape, the Back button, a click on the background) brings the table back and
 * returns the focus to where it was. Nothing here changes the size of the network's canvas.
 */
(function () {
  "use strict";

  var D = KG.data, $ = KG.$, el = KG.el;
  var TIP_QUOTE = 200;  // characters of a quote in a tooltip

  function shorten(text, n) { return text.length <= n ? text : text.slice(0, n - 1) + "\u2026"; }
  function actorOf(id) { var f = KG.byId[id]; return f && f.kind === "actor" ? D.actors[f.index] : null; }
  function relationWord(r) { return r === "congruence" ? "take the same side" : "take opposite sides"; }

  // ---- Tooltips: one line or a few, plain text --------------------------------------------

  KG.describe = function (id) {
    var f = KG.byId[id];
    if (!f) return id;
    if (f.kind === "actor") {
      var a = D.actors[f.index];
      return [a.name + " (" + a.kind + ")"].concat(a.roles.slice(0, 3))
        .concat([KG.plural(a.n_quotes, KG.claims ? "quote" : "statement") + "; click for details"]).join("\n");
    }
    if (f.kind === "quote") {
      var q = D.quotes[f.index];
      return speakerName(q) + " (" + (q.cue || "no cue") + "):\n\u201c" + shorten(q.content, TIP_QUOTE) + "\u201d";
    }
    if (f.kind === "article") {
      var art = D.articles[f.index];
      return [art.title, art.date, art.publication].filter(Boolean).join("\n");
    }
    return D.concepts[f.index].label + " (concept)";
  };
  KG.describeEdge = function (kg) {
    if (kg.role) return D.actors[kg.role.person].name + ": " + kg.role.title;
    if (kg.stance) return kg.stance.agreement + " (" + kg.stance.confidence.toFixed(2) + ")";
    if (kg.relation === "stance") {
      return D.actors[kg.a].name + " on " + D.concepts[kg.b].label + ": " + stanceCounts(kg.tie);
    }
    return D.actors[kg.a].name + " and " + D.actors[kg.b].name + " " + relationWord(kg.relation) + " on " +
      conceptLabels(kg.concepts) + " (weight " + KG.number(kg.weight === undefined ? kg.count : kg.weight) + ")";
  };
  function conceptLabels(list) { return list.map(function (c) { return D.concepts[c].label; }).join("; "); }
  function stanceCounts(t) { return t.agree + " agree, " + t.disagree + " disagree, " + t.neutral + " neutral"; }
  function speakerName(q) { return q.speaker !== null ? D.actors[q.speaker].name : (q.speaker_name || "unknown speaker"); }

  // ---- Building blocks --------------------------------------------------------------------

  function nameOf(id) {
    var f = KG.byId[id];
    return f.kind === "actor" ? D.actors[f.index].name : f.kind === "article" ? D.articles[f.index].title
      : f.kind === "concept" ? D.concepts[f.index].label : speakerName(D.quotes[f.index]);
  }
  function link(id, label) {  // a name that opens its panel
    var b = el("button", label || nameOf(id), "kg-link");
    b.type = "button";
    b.addEventListener("click", function () { KG.open(id); KG.select(id, false); });
    return b;
  }
  function field(name, value) { var p = el("p"); p.append(el("b", name + ": "), value); return p; }
  function list(items, make) { var ul = el("ul"); items.forEach(function (x) { ul.append(make(x)); }); return ul; }
  function item() { var li = el("li"); li.append.apply(li, arguments); return li; }
  function button(text, action) {
    var b = el("button", text); b.type = "button"; b.addEventListener("click", action); return b;
  }
  function badge(s) {
    return el("span", s.agreement + " \u00b7 " + D.concepts[s.concept].label + " \u00b7 " + s.confidence.toFixed(2),
      "kg-badge kg-" + s.agreement);
  }

  function quoteItem(qi, withSpeaker) {
    var q = D.quotes[qi], li = el("li", null, "kg-quote");
    li.append(el("blockquote", "\u201c" + q.content + "\u201d"));
    var meta = el("div", null, "kg-meta");
    if (withSpeaker) meta.append(q.speaker !== null ? link(D.actors[q.speaker].id) : speakerName(q), " \u00b7 ");
    meta.append((q.cue || "no cue") + (q.cue_class ? " (" + q.cue_class + ")" : ""));
    if (q.article !== null) meta.append(" \u00b7 ", link(D.articles[q.article].id, D.articles[q.article].title));
    if (q.date) meta.append(" \u00b7 " + q.date);
    li.append(meta);
    if (q.stances.length) {
      var badges = el("div", null, "kg-badges");
      q.stances.forEach(function (s) { badges.append(badge(s)); });
      li.append(badges);
    }
    if (q.article !== null) li.append(button("Show in article", function () { KG.showInArticle(qi); }));
    return li;
  }
  function quoteList(quotes, withSpeaker) {
    return list(quotes, function (qi) { return quoteItem(qi, withSpeaker); });
  }

  // ---- Panels, one per kind of node, and one for a tie --------------------------------------

  function actorTies(i) {  // the ties of actor i in the view on screen, by relation
    var by = {congruence: [], conflict: [], stance: []};
    (KG.shownTies || []).forEach(function (t) { if (t.a === i || (t.b === i && t.relation !== "stance")) by[t.relation].push(t); });
    return by;
  }
  function tieItem(t, i) {
    var other = t.relation === "stance" ? D.concepts[t.b].id : D.actors[t.a === i ? t.b : t.a].id;
    var li = item(link(other), " \u00b7 weight " + KG.number(t.weight === undefined ? t.count : t.weight));
    if (t.relation === "stance") li.append(" \u00b7 " + stanceCounts(t.tie));
    else li.append(el("div", "on " + conceptLabels(t.concepts), "kg-meta"));
    li.append(" ", button("Details", function () { KG.openTie(t); }));
    return li;
  }
  function fillActor(body, i) {
    var a = D.actors[i], ties = actorTies(i);
    if (a.aliases.length) body.append(field("Also called", a.aliases.join(", ")));
    if (a.roles.length) body.append(el("h3", "Roles"), list(a.roles, function (r) { return el("li", r); }));
    [["congruence", "Same side as"], ["conflict", "Opposite side to"], ["stance", "Concepts"]].forEach(function (r) {
      if (ties[r[0]].length) {
        body.append(el("h3", r[1] + " (" + ties[r[0]].length + ")"),
          list(ties[r[0]], function (t) { return tieItem(t, i); }));
      }
    });
    if (!KG.claims) return;
    var shown = KG.quotesOf[i].filter(function (qi) { return KG.quoteShown(D.quotes[qi]); });
    body.append(el("h3", "Quotes (" + shown.length + (shown.length < KG.quotesOf[i].length ? " of " + KG.quotesOf[i].length
      + ", as filtered" : "") + ")"), quoteList(shown, false));
    body.append(el("h3", "Articles (" + a.articles.length + ")"), list(a.articles, function (art) {
      return item(link(D.articles[art].id, D.articles[art].title), " " + D.articles[art].date);
    }));
  }
  function fillArticle(body, i) {
    var art = D.articles[i];
    [["Date", art.date], ["Publication", art.publication], ["Author", art.author]].forEach(function (f) {
      if (f[1]) body.append(field(f[0], f[1]));
    });
    if (/^https?:\/\//i.test(art.url)) {
      var a = el("a", art.url); a.href = art.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      body.append(field("Link", a));
    }
    if (art.text !== null) body.append(button("Read the article", function () { KG.showArticle(i, null); }));
    body.append(el("h3", "People and organisations (" + KG.actorsIn[i].length + ")"),
      list(KG.actorsIn[i], function (a) { return item(link(D.actors[a].id), " (" + D.actors[a].kind + ")"); }));
    body.append(el("h3", "Quotes (" + KG.quotesIn[i].length + ")"), quoteList(KG.quotesIn[i], true));
  }
  function fillConcept(body, i) {
    var c = D.concepts[i], sides = {agree: {}, disagree: {}, neutral: {}};
    if (c.source) body.append(field("Source", c.source === "key_phrase" ? "key phrase" : c.source));
    body.append(button("Show the ties on this concept only", function () { KG.pickConcept(i); }));
    KG.quotesAbout[i].forEach(function (qi) {
      var q = D.quotes[qi];
      q.stances.forEach(function (s) {
        if (s.concept === i && q.speaker !== null) sides[s.agreement][q.speaker] = (sides[s.agreement][q.speaker] || 0) + 1;
      });
    });
    ["agree", "disagree", "neutral"].forEach(function (side) {
      var who = Object.keys(sides[side]);
      if (who.length) {
        body.append(el("h3", side + " (" + who.length + ")"), list(who, function (a) {
          return item(link(D.actors[+a].id), " \u00d7" + sides[side][a]);
        }));
      }
    });
    if (!KG.claims) {
      var ties = (KG.shownTies || []).filter(function (t) { return t.relation === "stance" && t.b === i; });
      body.append(el("h3", "Actors (" + ties.length + ")"), list(ties, function (t) {
        return item(link(D.actors[t.a].id), " \u00b7 " + stanceCounts(t.tie));
      }));
    }
    if (KG.claims) body.append(el("h3", "Quotes (" + KG.quotesAbout[i].length + ")"), quoteList(KG.quotesAbout[i], true));
  }
  function fillQuote(body, i) {
    body.append(quoteList([i], true));
    var q = D.quotes[i];
    if (q.quote_type) body.append(field("Type", q.quote_type));
    if (q.sentence) body.append(field("Sentence", el("span", q.sentence, "kg-sentence")));
  }

  // The panel of a tie: for each concept behind it, what each side said.
  KG.openTie = function (t) {
    var body = openPanel(KG.describeEdge(t), t.relation + " tie");
    if (t.relation === "stance" || !KG.claims) {
      body.append(field("Weight", KG.number(t.weight === undefined ? t.count : t.weight)));
      if (t.count) body.append(field("Raw count", String(t.count)));
      body.append(el("h3", "Concepts"), list(t.concepts, function (c) { return item(link(D.concepts[c].id)); }));
      return;
    }
    body.append(field("Weight (raw count)", String(t.count)));
    t.concepts.forEach(function (c) {
      body.append(el("h3", D.concepts[c].label));
      [t.a, t.b].forEach(function (who) {
        var said = KG.quotesOf[who].filter(function (qi) {
          var q = D.quotes[qi];
          return KG.quoteShown(q) && q.stances.some(function (s) { return s.concept === c && s.agreement !== "neutral"; });
        });
        body.append(el("h4", D.actors[who].name), quoteList(said, false));
      });
    });
  };

  // ---- Opening and closing the panel --------------------------------------------------------

  var returnFocus = null;
  function openPanel(title, kind, keepFocus) {
    if ($("kg-panel").hidden) returnFocus = document.activeElement;
    var body = $("kg-panel-body");
    body.replaceChildren(el("h2", title), el("div", kind, "kg-meta"));
    $("kg-table-box").hidden = true;
    $("kg-article-view").hidden = true;
    body.hidden = false;
    $("kg-panel").hidden = false;
    $("kg-panel").scrollTop = 0;
    body.firstChild.tabIndex = -1;
    if (!keepFocus) body.firstChild.focus({preventScroll: true});
    return body;
  }
  KG.open = function (id, keepFocus) {  // a node's panel; the focus moves to it unless `keepFocus`
    var f = KG.byId[id];
    if (!f) return;
    var title = nameOf(id);
    var kind = f.kind === "actor" ? D.actors[f.index].kind : f.kind;
    var body = openPanel(title, kind, keepFocus);
    ({actor: fillActor, article: fillArticle, concept: fillConcept, quote: fillQuote})[f.kind](body, f.index);
  };
  KG.openEdge = function (id) {
    var e = edges.get(id);
    if (!e || !e.kg) return;
    if (e.kg.role) KG.open(D.actors[e.kg.role.person].id);
    else if (e.kg.stance) KG.open(D.quotes[e.kg.quote].id);
    else KG.openTie(e.kg);
  };
  KG.closePanel = function () {
    if ($("kg-panel").hidden) return;
    $("kg-panel").hidden = true;
    $("kg-table-box").hidden = false;
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    returnFocus = null;
  };
  KG.back = function () {  // Escape: from the article view to the panel it came from, else close
    if (!$("kg-article-view").hidden) { $("kg-article-view").hidden = true; $("kg-panel-body").hidden = false;
      var b = $("kg-panel-body").querySelector("h2"); if (b) b.focus({preventScroll: true}); return; }
    KG.closePanel();
  };

  // ---- The article view: the text with the quote, its cue and its speaker highlighted -------

  // Spans of text between the boundaries of all marks, each with the classes of the marks over it.
  function markedText(text, marks) {
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(Math.max(0, Math.min(m[0], text.length)), Math.max(0, Math.min(m[1], text.length))); });
    cuts = cuts.filter(function (x, i, all) { return all.indexOf(x) === i; }).sort(function (a, b) { return a - b; });
    var out = document.createDocumentFragment();
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1], classes = marks.filter(function (m) { return m[0] <= from && to <= m[1]; })
        .map(function (m) { return m[2]; });
      out.append(classes.length ? el("mark", text.slice(from, to), classes.join(" ")) : text.slice(from, to));
    }
    return out;
  }
  KG.showArticle = function (ai, qi) {
    var art = D.articles[ai], view = $("kg-article-view"), marks = [];
    if (qi !== null) {
      var q = D.quotes[qi];
      q.parts.forEach(function (p) { marks.push([p[0], p[1], "kg-hl-quote"]); });
      if (q.cue_span.length) marks.push([q.cue_span[0], q.cue_span[1], "kg-hl-cue"]);
      if (q.speaker_span.length) marks.push([q.speaker_span[0], q.speaker_span[1], "kg-hl-speaker"]);
    }
    var text = el("div", null, "kg-article-text");
    text.append(art.text === null ? el("p", "The text of this article is not in the page (a page holds up to " +
      KG.view.text_budget.toLocaleString("en") + " characters of article text); records.jsonl has it.") : markedText(art.text, marks));
    view.replaceChildren(el("h2", art.title), el("div", [art.date, art.publication].filter(Boolean).join(" \u00b7 "), "kg-meta"));
    if (qi !== null) {
      var key = el("div", null, "kg-key");
      key.append(el("mark", "quote", "kg-hl-quote"), " ", el("mark", "cue", "kg-hl-cue"), " ", el("mark", "speaker", "kg-hl-speaker"));
      view.append(key);
    }
    view.append(button("Back", KG.back), text);
    $("kg-panel-body").hidden = true;
    view.hidden = false;
    view.firstChild.tabIndex = -1;
    view.firstChild.focus({preventScroll: true});
    var first = view.querySelector("mark.kg-hl-quote");
    $("kg-panel").scrollTop = 0;
    if (first) first.scrollIntoView({block: "center"});
  };
  KG.showInArticle = function (qi) {
    if (D.quotes[qi].article === null) return;
    if ($("kg-panel").hidden) KG.open(D.quotes[qi].id);
    KG.showArticle(D.quotes[qi].article, qi);
  };
})();
