// Question editor: "Add more rows" adds one blank row and "Remove" takes a row away right on the page, and the
// list of problems gets the focus when the page shows one. Without this script the same buttons ask the server,
// which shows the form again with three more blank rows or without the row; nothing is saved either way.
(function () {
  "use strict";
  var form = document.getElementById("question-form");
  var problems = document.getElementById("problems");
  if (problems) { problems.focus(); }
  if (!form) { return; }
  var rows = form.querySelector(".answer-rows");
  if (!rows) { return; }

  function allRows() { return Array.prototype.slice.call(rows.querySelectorAll(".answer-row")); }

  function renumber() {
    allRows().forEach(function (row, i) {
      row.querySelectorAll(".row-number").forEach(function (n) { n.textContent = String(i + 1); });
    });
  }

  function firstField(row) { return row.querySelector("input, textarea, select"); }

  // A copy of a row for index n: names row.n.x, ids f-row-n-x, no values, no problems.
  function blankRow(from, n) {
    var copy = from.cloneNode(true);
    copy.id = "row-" + n;
    copy.setAttribute("data-index", String(n));
    copy.querySelectorAll(".field-error").forEach(function (e) { e.parentNode.removeChild(e); });
    copy.querySelectorAll(".invalid").forEach(function (e) { e.classList.remove("invalid"); });
    copy.querySelectorAll("[id], [for], [name], [aria-describedby]").forEach(function (el) {
      ["id", "for", "aria-describedby"].forEach(function (a) {
        var v = el.getAttribute(a);
        if (v) {
          v = v.replace(/f-row-\d+-/g, "f-row-" + n + "-").replace(/\s*\S+-error\b/g, "").trim();
          if (v) { el.setAttribute(a, v); } else { el.removeAttribute(a); }
        }
      });
      var name = el.getAttribute("name");
      if (name && /^row\.\d+\./.test(name)) { el.setAttribute("name", name.replace(/^row\.\d+\./, "row." + n + ".")); }
      if (el.name === "remove") { el.value = String(n); }
      if (el.tagName === "INPUT" || el.tagName === "TEXTAREA") {
        el.value = "";
        el.removeAttribute("aria-invalid");
      }
    });
    return copy;
  }

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var list = allRows();
    if (button.name === "action" && button.value === "rows" && list.length > 0 && list.length < 100) {
      event.preventDefault();
      var next = 0;
      list.forEach(function (r) { next = Math.max(next, parseInt(r.getAttribute("data-index"), 10) + 1); });
      var row = blankRow(list[list.length - 1], next);
      list[list.length - 1].parentNode.insertBefore(row, list[list.length - 1].nextSibling);
      renumber();
      firstField(row).focus();
    } else if (button.name === "remove" && list.length > 1) {
      event.preventDefault();
      var at = list.indexOf(button.closest(".answer-row"));
      var gone = list[at];
      var focus = list[at + 1] || list[at - 1];
      gone.parentNode.removeChild(gone);
      renumber();
      firstField(focus).focus();
    }
  });
})();
