// Knowledge checks: turns each <div class="knowledge-check"> of a lesson or handout into a small form. The
// questions come from the page's checks API without their answers; an answer is graded by the server, which
// also records a signed-in student's progress. Every text is inserted as text, never as HTML.
(function () {
  "use strict";
  var article = document.querySelector("article[data-checks]");
  if (!article || !window.fetch) { return; }
  var api = article.getAttribute("data-checks");
  var boxes = article.querySelectorAll(".knowledge-check");
  if (boxes.length === 0) { return; }
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function choiceList(view, kind, name) {
    var fieldset = el("fieldset", { "class": "check-options" });
    fieldset.appendChild(el("legend", { "class": "visually-hidden" }, "Answers"));
    view.options.forEach(function (o, i) {
      var id = name + "-" + i;
      var label = el("label", { "for": id });
      var input = el("input", { type: kind, name: name, value: o.value, id: id });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + o.label));
      fieldset.appendChild(label);
    });
    return { node: fieldset, values: function () {
      return Array.prototype.filter.call(fieldset.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    }, restore: function (values) {
      Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (i) {
        i.checked = values.indexOf(i.value) >= 0;
      });
    } };
  }

  function selects(view, name, labels, placeholder) {
    var wrap = el("div", { "class": "check-selects" });
    var list = [];
    labels.forEach(function (text, i) {
      var id = name + "-s" + i;
      var row = el("div", { "class": "check-select-row" });
      row.appendChild(el("label", { "for": id }, text));
      var select = el("select", { id: id });
      select.appendChild(el("option", { value: "" }, placeholder));
      view.options.forEach(function (o) { select.appendChild(el("option", { value: o.value }, o.label)); });
      row.appendChild(select);
      wrap.appendChild(row);
      list.push(select);
    });
    return { node: wrap, values: function () { return list.map(function (s) { return s.value; }); },
      restore: function (values) { list.forEach(function (s, i) { s.value = values[i] || ""; }); } };
  }

  function textInput(name, numeric) {
    var id = name + "-text";
    var wrap = el("div", { "class": "check-text" });
    wrap.appendChild(el("label", { "for": id }, numeric ? "Your number" : "Your answer"));
    var input = el("input", { id: id, type: "text", autocomplete: "off", inputmode: numeric ? "decimal" : "text" });
    wrap.appendChild(input);
    return { node: wrap, values: function () { return [input.value]; },
      restore: function (values) { input.value = values[0] || ""; } };
  }

  // The grade of an answer: just given, or (earlier) the one the student gave last time, shown on a revisit.
  function showResult(result, a, earlier) {
    result.textContent = "";
    result.className = "check-result notice " + (a.correct ? "success" : a.fraction > 0 ? "partial" : "error");
    if (earlier) { result.appendChild(el("p", { "class": "hint" }, "Your last answer, kept from your earlier visit:")); }
    result.appendChild(el("strong", {}, a.correct ? "Right." : a.fraction > 0
      ? "Partly right (" + Math.round(a.fraction * 100) + " %)." : "Not quite."));
    (a.feedback || []).forEach(function (f) { result.appendChild(el("p", {}, f)); });
    if (a.generalFeedback) { result.appendChild(el("p", { "class": "hint" }, a.generalFeedback)); }
    if (!a.correct) { result.appendChild(el("p", { "class": "hint" }, "Change your answer and check again.")); }
  }

  function build(box, view) {
    var name = "check-" + view.index;
    var form = el("form", { "class": "check-form", novalidate: "" });
    form.appendChild(el("p", { "class": "check-eyebrow" }, "Knowledge check"));
    form.appendChild(el("p", { "class": "check-question", id: name + "-q" }, view.text));
    form.setAttribute("aria-labelledby", name + "-q");
    var input;
    if (view.type === "single" || view.type === "truefalse") {
      input = choiceList(view, "radio", name);
    } else if (view.type === "multiple") {
      form.appendChild(el("p", { "class": "hint" }, "Pick every answer that applies."));
      input = choiceList(view, "checkbox", name);
    } else if (view.type === "matching") {
      input = selects(view, name, view.prompts, "Choose…");
    } else if (view.type === "ordering") {
      form.appendChild(el("p", { "class": "hint" }, "Put the items in order: first at the top."));
      input = selects(view, name, view.options.map(function (_, i) { return "Position " + (i + 1); }), "Choose…");
    } else if (view.type === "numeric" || view.type === "short") {
      input = textInput(name, view.type === "numeric");
    } else {
      return false;
    }
    form.appendChild(input.node);
    var button = el("button", { type: "submit", "class": "button primary" }, "Check my answer");
    form.appendChild(button);
    var result = el("div", { "class": "check-result", role: "status", "aria-live": "polite" });
    form.appendChild(result);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var values = input.values();
      if (values.length === 0 || values.every(function (v) { return v === ""; })) {
        result.className = "check-result notice error";
        result.textContent = "Choose or type an answer first.";
        return;
      }
      button.disabled = true;
      fetch(api + "/" + view.index, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": token },
        body: JSON.stringify({ values: values })
      }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      }).then(function (answer) {
        result.textContent = "";
        if (!answer.ok) {
          result.className = "check-result notice error";
          result.textContent = answer.body.error || "The answer could not be checked; try again.";
          return;
        }
        showResult(result, answer.body, false);
      }).catch(function () {
        result.className = "check-result notice error";
        result.textContent = "The kit did not answer. Check your connection and try again.";
      }).then(function () { button.disabled = false; });
    });
    if (view.answer && input.restore) {
      input.restore(view.answer.values || []);
      showResult(result, view.answer, true);
    }
    box.textContent = "";
    box.appendChild(form);
    box.classList.add("knowledge-check-ready");
    return true;
  }

  fetch(api, { credentials: "same-origin", headers: { "Accept": "application/json" } })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (views) {
      var byIndex = {};
      views.forEach(function (v) { byIndex[v.index] = v; });
      Array.prototype.forEach.call(boxes, function (box, i) {
        if (byIndex[i]) { build(box, byIndex[i]); }
      });
    })
    .catch(function () { /* the readable fallback stays in place */ });
})();
