// Quiz builder: a filter for the fixed-question picker, so that a long bank is searched, not scrolled.
(function () {
  "use strict";
  var select = document.getElementById("fixed-question");
  var row = document.getElementById("fixed-filter-row");
  var filter = document.getElementById("fixed-filter");
  var count = document.getElementById("fixed-filter-count");
  if (!select || !row || !filter) { return; }
  row.hidden = false;
  var options = Array.prototype.slice.call(select.options, 1);

  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (w) { return w !== ""; });
    var shown = 0;
    var first = null;
    options.forEach(function (o) {
      var text = o.getAttribute("data-search") || o.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      o.hidden = !match;
      o.disabled = !match;
      if (match) { shown++; if (!first) { first = o; } }
    });
    if (select.selectedOptions.length && select.selectedOptions[0].hidden) { select.value = ""; }
    if (words.length && shown === 1 && first) { select.value = first.value; }
    count.textContent = words.length ? shown + " of " + options.length + " questions match" : "";
  }

  filter.addEventListener("input", apply);
  filter.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); select.focus(); }
  });
})();
