// Lab submissions: send without reloading, follow queued -> compiling -> testing -> done, draw the feedback.
// What the grader says is put on the page as text (textContent), never as HTML.
(function () {
  'use strict';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var STAGES = ['QUEUED', 'COMPILING', 'TESTING', 'DONE'];

  function poll(id, onUpdate) {
    fetch('/api/submissions/' + id, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        onUpdate(s);
        if (!s.finished) { setTimeout(function () { poll(id, onUpdate); }, 500); }
      })
      .catch(function () { setTimeout(function () { poll(id, onUpdate); }, 2000); });
  }

  // The submission page of one submission still being graded: reload it once grading is done.
  var page = document.querySelector('main[data-submission]');
  if (page && page.getAttribute('data-finished') === 'false') {
    poll(page.getAttribute('data-submission'), function (s) {
      var status = document.getElementById('status');
      if (status) { status.textContent = s.status.toLowerCase(); }
      if (s.finished) { window.location.reload(); }
    });
  }

  var form = document.getElementById('submit-form');
  if (!form) { return; }
  var error = document.getElementById('submit-error');
  var progress = document.getElementById('progress');
  var result = document.getElementById('result');
  var allowance = document.getElementById('allowance');
  var countdown = null;

  function showError(text) {
    error.textContent = text;
    error.classList.remove('hidden');
  }

  function showAllowance(a) {
    if (!a) { return; }
    if (countdown) { clearInterval(countdown); countdown = null; }
    if (a.allowed) {
      allowance.textContent = 'You may submit ' + a.remaining + ' more time(s) now. A submission that does not ' +
        'compile costs no attempt.';
      return;
    }
    var left = Math.ceil(a.retryAfterSeconds);
    function tick() {
      if (left <= 0) {
        clearInterval(countdown);
        allowance.textContent = 'You may submit again now.';
        return;
      }
      var m = Math.floor(left / 60), s = left % 60;
      allowance.textContent = 'Your next submission is allowed in ' + (m ? m + ' min ' : '') + (s || !m ? s + ' s' : '') + '.';
      left -= 1;
    }
    tick();
    countdown = setInterval(tick, 1000);
  }
  var retry = parseInt(allowance.getAttribute('data-retry') || '0', 10);
  if (retry > 0) { showAllowance({ allowed: false, retryAfterSeconds: retry }); }

  function el(name, text, cls) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function stage(status) {
    var at = STAGES.indexOf(status === 'FAILED' ? 'DONE' : status);
    progress.querySelectorAll('.stages li').forEach(function (li, i) {
      li.classList.toggle('past', i < at || (i === at && status === 'DONE'));
      li.classList.toggle('current', i === at && status !== 'DONE');
      if (i === at) { li.setAttribute('aria-current', 'step'); } else { li.removeAttribute('aria-current'); }
    });
  }

  function render(s) {
    stage(s.status);
    var queued = progress.querySelector('.stages li[data-stage="QUEUED"]');
    if (queued) {
      queued.textContent = s.status === 'QUEUED' && s.queuePosition > 0
        ? 'queued: place ' + s.queuePosition + ' in the queue' : 'queued';
    }
    result.textContent = '';
    if (!s.finished) { return; }
    if (s.counted) {
      result.appendChild(el('p', s.scoreText + ' / 100', 'score'));
    } else {
      result.appendChild(el('p', s.status === 'FAILED' ? 'Not graded (costs no attempt)' :
        'Does not compile (costs no attempt)', 'score'));
    }
    if (s.output) { result.appendChild(el('pre', s.output, 'output')); }
    if (s.tests && s.tests.length) {
      var wrap = el('div', null, 'table-scroll');
      var table = el('table', null, 'results');
      var head = el('tr');
      ['Test', 'Points', 'Result', 'What the grader says'].forEach(function (h) {
        var th = el('th', h); th.setAttribute('scope', 'col'); head.appendChild(th);
      });
      var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
      var body = el('tbody');
      s.tests.forEach(function (t) {
        var tr = el('tr');
        var name = el('th', t.number + ' ' + t.name); name.setAttribute('scope', 'row');
        if (!t.visible) { name.appendChild(document.createTextNode(' ')); name.appendChild(el('span', 'hidden', 'badge')); }
        tr.appendChild(name);
        tr.appendChild(el('td', t.score + ' / ' + t.maxScore));
        var partial = !!t.partial;
        tr.appendChild(el('td', t.passed ? 'passed' : partial ? 'partial credit' : 'failed',
          t.passed ? 'test-pass' : partial ? 'test-partial' : 'test-fail'));
        var msg = el('td', t.message, 'message');
        if (t.printed) { msg.appendChild(el('br')); msg.appendChild(el('code', 'It printed: ' + t.printed)); }
        tr.appendChild(msg);
        body.appendChild(tr);
      });
      table.appendChild(body);
      wrap.appendChild(table);
      result.appendChild(wrap);
    }
    var link = el('a', 'Open this submission');
    link.href = '/labs/submissions/' + s.id;
    result.appendChild(el('p')).appendChild(link);
    showAllowance(s.allowance);
    refreshFromPage();
  }

  // After a grading the list of submissions and the allowance are the page's own: take them from a fresh copy.
  function refreshFromPage() {
    fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var history = document.querySelector('section[aria-labelledby="history-heading"]');
        var freshHistory = fresh.querySelector('section[aria-labelledby="history-heading"]');
        if (history && freshHistory) { history.replaceWith(document.importNode(freshHistory, true)); }
        var freshAllowance = fresh.getElementById('allowance');
        if (freshAllowance) {
          var retry = parseInt(freshAllowance.getAttribute('data-retry') || '0', 10);
          if (retry > 0) {
            showAllowance({ allowed: false, retryAfterSeconds: retry });
          } else {
            clearInterval(countdown);
            allowance.textContent = freshAllowance.textContent.trim();
          }
        }
      })
      .catch(function () { /* the page shows the rest after a reload */ });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    error.classList.add('hidden');
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    fetch(form.getAttribute('action'), { // not form.action, which a control named "action" would hide
      method: 'POST', body: new FormData(form), credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (r) {
      return r.json().catch(function () { return { error: 'The kit answered ' + r.status + '.' }; });
    }).then(function (answer) {
      button.disabled = false;
      if (answer.error) { showError(answer.error); showAllowance(answer.allowance); return; }
      progress.classList.remove('hidden');
      document.getElementById('progress-id').textContent = '#' + answer.id;
      stage('QUEUED');
      result.textContent = '';
      progress.scrollIntoView({ block: 'nearest' });
      poll(answer.id, render);
    }).catch(function () {
      button.disabled = false;
      showError('The kit did not answer; check that it is still running, then send again.');
    });
  });

  document.getElementById('source').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
})();
