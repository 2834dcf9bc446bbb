// Quiz attempt page: saves each answer to the server as it is given, shows when it was saved, counts down the time
// left (the deadline is kept on the server, so a reload or another browser shows the same time) and submits the
// attempt when the time is up. Without this script the form's buttons still save every answer.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  var problem = document.getElementById("save-problem");
  var pending = {};
  var timers = {};

  function csrfHeaders(headers) {
    var meta = document.querySelector("meta[name=csrf-token]");
    var field = form && form.querySelector("input[type=hidden][name=_csrf]");
    var token = meta ? meta.content : field ? field.value : null;
    if (token) { headers["X-CSRF-Token"] = token; }
    return headers;
  }

  function valuesOf(section) {
    var field = section.id;
    var single = [], parts = [];
    section.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (el.name === field) {
        if (el.type === "radio" || el.type === "checkbox") {
          if (el.checked) { single.push(el.value); }
        } else {
          single.push(el.value);
        }
      } else if (el.name.indexOf(field + ".") === 0) {
        parts.push([parseInt(el.name.substring(field.length + 1), 10), el.value]);
      }
    });
    if (parts.length) {
      parts.sort(function (a, b) { return a[0] - b[0]; });
      return parts.map(function (p) { return p[1]; });
    }
    return single;
  }

  function status(section, text) {
    var s = section.querySelector(".save-state");
    if (s) { s.textContent = text; }
  }

  function countAnswered() {
    var n = 0;
    form.querySelectorAll("section.question").forEach(function (section) {
      if (valuesOf(section).some(function (v) { return v && v.trim() !== ""; })) { n++; }
    });
    var counter = document.getElementById("answered-count");
    if (counter && form.dataset.paged === "false") {
      counter.textContent = n;
    }
  }

  function save(section) {
    var position = section.dataset.position;
    clearTimeout(timers[position]);
    pending[position] = true;
    status(section, "Saving…");
    return fetch("/quizzes/attempts/" + form.dataset.attempt + "/answers/" + position, {
      method: "POST",
      headers: csrfHeaders({"Content-Type": "application/json", "Accept": "application/json"}),
      body: JSON.stringify({values: valuesOf(section)}),
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          var refused = new Error(body.error || ("the server answered " + response.status));
          refused.refused = response.status === 400;
          throw refused;
        }
        delete pending[position];
        var time = new Date(body.savedAt);
        status(section, "Saved " + time.toLocaleTimeString());
        section.querySelector(".save-state").dataset.saved = body.savedAt;
        problem.hidden = true;
      });
    }).catch(function (error) {
      status(section, "Not saved");
      problem.textContent = error.refused
        ? "Question " + position + ": " + error.message
        : "Your answer to question " + position + " is not saved yet (" + error.message +
          "). It is still on this page; check your connection and change it again, or use Save answers.";
      problem.hidden = false;
    });
  }

  function later(section, delay) {
    var position = section.dataset.position;
    pending[position] = true;
    clearTimeout(timers[position]);
    timers[position] = setTimeout(function () { save(section); }, delay);
  }

  function flush() {
    var saves = [];
    form.querySelectorAll("section.question").forEach(function (section) {
      if (pending[section.dataset.position]) { saves.push(save(section)); }
    });
    return Promise.all(saves);
  }

  if (form) {
    form.addEventListener("change", function (e) {
      var section = e.target.closest("section.question");
      if (section) { save(section); countAnswered(); }
    });
    form.addEventListener("input", function (e) {
      var section = e.target.closest("section.question");
      if (section && (e.target.tagName === "TEXTAREA" || e.target.type === "text")) { later(section, 700); countAnswered(); }
    });
    window.addEventListener("beforeunload", function (e) {
      if (Object.keys(pending).length) { e.preventDefault(); e.returnValue = ""; }
    });
    form.addEventListener("submit", function () { pending = {}; });
  }

  var clock = document.getElementById("time-left");
  if (clock) {
    var end = Date.now() + parseInt(clock.dataset.remainingMs, 10);
    var tick = function () {
      var left = Math.max(0, end - Date.now());
      var s = Math.floor(left / 1000);
      var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
      clock.textContent = (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
      if (left <= 60000) { clock.classList.add("low"); }
      if (left === 0) {
        clearInterval(timer);
        if (form) {
          flush().then(function () {
            var action = document.createElement("input");
            action.type = "hidden"; action.name = "action"; action.value = "timeout";
            form.appendChild(action);
            pending = {};
            form.submit();
          });
        } else {
          window.location.reload();
        }
      }
    };
    var timer = setInterval(tick, 1000);
    tick();
  }
})();
