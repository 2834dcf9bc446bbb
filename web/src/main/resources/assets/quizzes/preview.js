// Question previews: a preview is a form so that its fields behave as in a quiz, but it is never sent; pressing
// Enter in one of its fields does nothing.
(function () {
  "use strict";
  document.addEventListener("submit", function (e) {
    if (e.target.closest && e.target.closest("form.preview-form")) { e.preventDefault(); }
  });
})();
