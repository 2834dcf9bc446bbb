// Quiz builder: after a slot was moved (a plain form post and a reload), puts the keyboard focus back on the
// control that moved it, so a slot can be moved several places with the same key. Without this script the page
// scrolls to the moved slot.
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  var slot = document.getElementById("slot-" + params.get("moved"));
  if (!slot) { return; }
  var wanted = slot.querySelector("[data-move='" + params.get("by") + "']");
  var candidates = [wanted].concat(Array.prototype.slice.call(slot.querySelectorAll("[data-move]")));
  for (var i = 0; i < candidates.length; i++) {
    if (candidates[i] && !candidates[i].disabled) {
      candidates[i].focus();
      return;
    }
  }
})();
