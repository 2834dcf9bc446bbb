// Live lab console: controls over fetch (with the page's CSRF token), the run over Server-Sent Events.
// Everything that comes from the lab is put on the page as text (textContent), never as HTML.
(function () {
  'use strict';
  var main = document.querySelector('main.console');
  if (!main) { return; }
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var SVG = 'http://www.w3.org/2000/svg';
  var X = { meter: 80, gateway: 240, cloud: 400, hvac: 560 };
  var STEPS = ['SPIKE', 'ALERT', 'REPORT', 'PREDICTION', 'COMMAND', 'CONFIRMATION'];
  var MAX_LOG = 300;
  var source = null;
  var cycle = 0;
  var points = [];
  var message = document.getElementById('console-message');
  var runInfo = document.getElementById('run-info');
  var logRows = document.getElementById('log-rows');
  var showReadings = document.getElementById('show-readings');

  function say(text, isError) {
    message.textContent = text;
    message.classList.remove('hidden');
    message.classList.toggle('error', !!isError);
    message.classList.toggle('success', !isError);
    message.setAttribute('role', isError ? 'alert' : 'status');
  }

  // a start waiting in the queue can be stopped (it leaves the queue), nothing else
  function setRunning(running) {
    main.setAttribute('data-running', running ? 'true' : 'false');
    if (running) { main.setAttribute('data-queued', 'false'); }
    var queued = isQueued();
    document.querySelectorAll('[data-needs-run]').forEach(function (b) {
      if (!b.hasAttribute('data-always-off')) { b.disabled = !running && !(queued && b.hasAttribute('data-or-queued')); }
    });
  }

  function isQueued() {
    return main.getAttribute('data-queued') === 'true';
  }

  // the start waits for a free slot: its place and expected wait, as the kit says them
  function showQueued(place) {
    main.setAttribute('data-queued', 'true');
    runInfo.textContent = place.message;
    setRunning(false);
  }

  function isRunning() {
    return main.getAttribute('data-running') === 'true';
  }

  // The address comes from the attribute: form.action would be the form's own control when one is named
  // "action" (as the uplink forms' is), and the request would go to "/labs/[object HTMLInputElement]".
  // Whatever the answer, the controls come back as the run's state says; only a clear answer changes that state.
  // A form with several buttons (the plug form) says which one was pressed: its name and value go along, as
  // they would without a script.
  function post(form, submitter) {
    var body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    var button = submitter || form.querySelector('button[type="submit"]');
    if (button) { button.disabled = true; }
    return fetch(form.getAttribute('action'), {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (answer) {
        if (!r.ok && !answer.error) { answer = { error: 'The kit answered ' + r.status + '.' }; }
        return answer;
      });
    }).then(function (answer) {
      if (answer.error || typeof answer.message !== 'string') {
        say(answer.error || 'The kit gave an answer this page does not understand; reload it to see the run.', true);
        return null;
      }
      say(answer.message, false);
      return answer;
    }).catch(function () {
      say('The kit did not answer; check that it is still running.', true);
      return null;
    }).then(function (answer) {
      if (button && !button.hasAttribute('data-always-off')) { button.disabled = false; }
      setRunning(isRunning());
      return answer;
    });
  }

  document.getElementById('start-form').addEventListener('submit', function (e) {
    e.preventDefault();
    post(e.target).then(function (answer) {
      if (answer && answer.run) { showRun(answer.run); connect(); }
      else if (answer && answer.queued) { showQueued(answer.queued); connect(); }
    });
  });
  document.querySelectorAll('form.control-form').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var spiking = form.getAttribute('action') === '/labs/live/spike';
      post(form, e.submitter).then(function (answer) {
        // the steps of the cycle the spike starts come next: bring them into view
        if (answer && spiking) { document.getElementById('cycle-heading').scrollIntoView({ block: 'start' }); }
        if (answer && answer.run) { showRun(answer.run); }
        if (answer && answer.run === null && !answer.queued) {
          main.setAttribute('data-queued', 'false');
          setRunning(false);
          runInfo.textContent = 'No run is going.';
          var mqtt = document.getElementById('run-mqtt');
          if (mqtt) { mqtt.hidden = true; }
        }
        if (answer && answer.runs) { showRuns(answer.runs); }
      });
    });
  });

  // ---- the instructor's list of live runs ----
  var runsRows = document.getElementById('runs-rows');

  function stopForm(run) {
    var form = document.createElement('form');
    form.method = 'post';
    form.setAttribute('action', '/labs/live/runs/stop');
    form.className = 'runs-stop-form';
    [['_csrf', csrf], ['account', String(run.accountId)]].forEach(function (f) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = f[0];
      input.value = f[1];
      form.appendChild(input);
    });
    var button = document.createElement('button');
    button.type = 'submit';
    button.className = 'button';
    button.textContent = 'Stop';
    button.setAttribute('aria-label', 'Stop the run of ' + run.name);
    form.appendChild(button);
    return form;
  }

  function showRuns(runs) {
    if (!runsRows) { return; }
    runsRows.textContent = '';
    if (runs.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'no-runs';
      var td = document.createElement('td');
      td.colSpan = 5;
      td.textContent = 'No run is going on this kit.';
      empty.appendChild(td);
      runsRows.appendChild(empty);
      return;
    }
    runs.forEach(function (run) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-account', String(run.accountId));
      [run.name + ' (' + run.username + ')', run.area + ': ' + run.meters + ' meters, ' + run.mode, run.started,
       run.state].forEach(function (text) {
        var cell = document.createElement('td');
        cell.textContent = text;
        tr.appendChild(cell);
      });
      var action = document.createElement('td');
      action.appendChild(stopForm(run));
      tr.appendChild(action);
      runsRows.appendChild(tr);
    });
  }

  function refreshRuns() {
    fetch('/labs/live/runs', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) { if (answer && answer.runs) { showRuns(answer.runs); } })
      .catch(function () { /* the next refresh tries again */ });
  }

  if (runsRows) {
    runsRows.addEventListener('submit', function (e) {
      var form = e.target.closest('form.runs-stop-form');
      if (!form) { return; }
      e.preventDefault();
      post(form).then(function (answer) {
        if (answer && answer.runs) { showRuns(answer.runs); } else { refreshRuns(); }
      });
    });
    setInterval(refreshRuns, 5000);
  }
  var brokerButton = document.querySelector('form[action="/labs/live/broker"] button');
  if (brokerButton && brokerButton.disabled) { brokerButton.setAttribute('data-always-off', ''); }

  function showRun(run) {
    runInfo.textContent = 'Area ' + run.area + ': ' + run.meters + ' meters, ' + run.mode + ' mode, ' + run.network +
      ', ' + run.gateway + ', over ' + (run.protocol || 'MQTT') + '; broker ' + run.broker +
      (run.lwm2m ? '; LwM2M server ' + run.lwm2m : '') + '.';
    var mqtt = document.getElementById('run-mqtt');
    if (mqtt) {
      mqtt.hidden = !run.watch;
      document.getElementById('run-mqtt-user').textContent = run.mqttUser || '';
      document.getElementById('run-mqtt-password').textContent = run.mqttPassword || '';
      document.getElementById('run-mqtt-watch').textContent = run.watch || '';
    }
    var list = document.getElementById('meter-ids');
    list.textContent = '';
    (run.meterIds || []).forEach(function (id) {
      var o = document.createElement('option');
      o.value = id;
      list.appendChild(o);
    });
    setRunning(run.running);
  }

  function connect() {
    if (source) { source.close(); }
    resetCycle(0);
    points = [];
    drawChart();
    logRows.textContent = '';
    document.getElementById('hvac-rows').textContent = '';
    deviceRows.textContent = '';
    devices = {};
    source = new EventSource('/labs/live/events');
    source.addEventListener('device', function (e) { onDevice(JSON.parse(e.data)); });
    source.addEventListener('run', function (e) { showRun(JSON.parse(e.data)); });
    source.addEventListener('wire', function (e) { onWire(JSON.parse(e.data)); });
    source.addEventListener('queued', function (e) { showQueued(JSON.parse(e.data)); });
    // the kit sends what happened in batches: [name, data] pairs, in order
    source.addEventListener('batch', function (e) {
      var charted = false;
      JSON.parse(e.data).forEach(function (item) {
        if (item[0] === 'entry') { onEntry(item[1]); }
        if (item[0] === 'hvac') { onHvac(item[1]); }
        if (item[0] === 'device') { onDevice(item[1]); }
        if (item[0] === 'wire') { onWire(item[1]); }
        if (item[0] === 'load') {
          points.push(item[1]);
          if (points.length > 120) { points.shift(); }
          charted = true;
        }
      });
      if (charted) { drawChart(); }
    });
    source.addEventListener('end', function (e) {
      var end = JSON.parse(e.data);
      runInfo.textContent = 'The run ' + end.reason + '.';
      main.setAttribute('data-queued', 'false');
      setRunning(false);
      source.close();
    });
    source.addEventListener('none', function () { setRunning(false); source.close(); });
  }

  // ---- bytes and times per protocol ----
  function onWire(wire) {
    var rows = document.getElementById('wire-rows');
    if (!rows) { return; }
    rows.textContent = '';
    wire.rows.forEach(function (r) {
      var tr = document.createElement('tr');
      var steps = r.steps || {};
      function ms(key) { return steps[key] === undefined || steps[key] < 0 ? '–' : steps[key] + ' ms'; }
      [r.protocol, r.cycle ? String(r.cycle) : '–', String(r.messages), String(r.packets), r.bytes + ' B',
       r.bytesWithHeaders + ' B', r.readingBytes < 0 ? '–' : r.readingBytes + ' B', r.airNbIotMs + ' ms',
       r.airLteMMs + ' ms', ms('ALERT'), ms('REPORT'), ms('COMMAND'), ms('CONFIRMATION')].forEach(function (text, i) {
        var cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) { cell.scope = 'row'; cell.title = r.counted; }
        cell.textContent = text;
        tr.appendChild(cell);
      });
      rows.appendChild(tr);
    });
    document.getElementById('wire-hint').dataset.network = wire.network;
  }

  // ---- the sequence of the current cycle ----
  function resetCycle(number) {
    cycle = number;
    document.getElementById('sequence-steps').textContent = '';
    document.getElementById('cycle-number').textContent = number ? 'cycle ' + number : '';
    document.querySelectorAll('#steps li').forEach(function (li) {
      li.classList.remove('done');
      var figure = li.querySelector('.step-time').textContent.split(' · ')[0];
      li.querySelector('.step-time').textContent = figure + ' · waiting';
    });
  }

  function svg(name, attrs, text) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) { el.textContent = text; }
    document.getElementById('sequence-steps').appendChild(el);
    return el;
  }

  // a label goes above its arrow, or below it (labelBelow) where another arrow's label is just above
  function arrow(from, to, y, label, labelBelow) {
    svg('line', { x1: from, x2: to, y1: y, y2: y, 'class': 'arrow', 'marker-end': 'url(#arrowhead)' });
    svg('text', { x: (from + to) / 2, y: labelBelow ? y + 16 : y - 6, 'text-anchor': 'middle' }, label);
  }

  function mark(x, y, label) {
    svg('circle', { cx: x, cy: y, r: 7, 'class': 'mark' });
    svg('text', { x: x + 12, y: y + 4 }, label);
  }

  function drawStep(key, ms) {
    var i = STEPS.indexOf(key);
    var y = 62 + i * 50;
    var t = ' (' + ms + ' ms)';
    if (key === 'SPIKE') { mark(X.meter, y, '15 kW spike' + t); }
    if (key === 'ALERT') { arrow(X.meter, X.gateway, y, 'alert' + t); }
    if (key === 'REPORT') { arrow(X.gateway, X.cloud, y, 'area demand report' + t); }
    if (key === 'PREDICTION') { mark(X.cloud, y, 'overload predicted' + t); }
    if (key === 'COMMAND') {
      arrow(X.cloud, X.gateway, y - 10, 'demand response');
      arrow(X.gateway, X.hvac, y + 10, 'set point +2 °C' + t, true);
    }
    if (key === 'CONFIRMATION') { arrow(X.hvac, X.gateway, y, 'confirmed' + t); }
  }

  function onMilestone(e) {
    if (e.milestone === 'SPIKE') { resetCycle(e.cycle); }
    if (!e.cycle || e.cycle !== cycle) { return; }
    var li = document.querySelector('#steps li[data-milestone="' + e.milestone + '"]');
    if (e.milestone === 'HVAC_ACTION') {
      li = document.querySelector('#steps li[data-milestone="CONFIRMATION"]');
      if (li) { li.querySelector('.step-label').title = e.detail; }
      return;
    }
    if (!li || li.classList.contains('done')) { return; }
    var ms = Math.max(0, e.cycleMs);
    li.classList.add('done');
    var figure = li.querySelector('.step-time').textContent.split(' · ')[0];
    li.querySelector('.step-time').textContent = figure + ' · here: ' + ms + ' ms — ' + e.detail;
    drawStep(e.milestone, ms);
  }

  // ---- the message log ----
  function onEntry(e) {
    if (e.kind === 'MILESTONE') { onMilestone(e); }
    var reading = e.kind === 'MESSAGE' && /\/reading$/.test(e.topic || '');
    var status = e.kind === 'MESSAGE' && /\/status$/.test(e.topic || '');
    var tr = document.createElement('tr');
    tr.className = 'log-' + e.kind.toLowerCase() + (reading ? ' reading' : '') +
      (status && /last will/.test(e.detail || '') ? ' log-will' : '');
    if (reading && !showReadings.checked) { tr.hidden = true; }
    [(e.t / 1000).toFixed(3) + ' s',
     (e.from || '') + (e.to ? ' → ' + e.to : ''),
     e.topic || (e.milestone ? e.milestone.toLowerCase().replace('_', ' ') : e.kind.toLowerCase()),
     e.kind === 'MESSAGE' ? e.payload : e.detail].forEach(function (text, i) {
      var td = document.createElement('td');
      if (i === 3 && status) {
        td.appendChild(document.createTextNode(e.detail + ': '));
      }
      if (i === 3 && e.kind === 'MESSAGE') {
        var code = document.createElement('code');
        code.textContent = text;
        td.appendChild(code);
      } else {
        td.textContent = text;
      }
      tr.appendChild(td);
    });
    logRows.insertBefore(tr, logRows.firstChild);
    while (logRows.children.length > MAX_LOG) { logRows.removeChild(logRows.lastChild); }
    document.getElementById('log-count').textContent = 'newest first, last ' + MAX_LOG + ' kept';
  }
  showReadings.addEventListener('change', function () {
    document.querySelectorAll('#log-rows tr.reading').forEach(function (tr) { tr.hidden = !showReadings.checked; });
  });

  // ---- devices: their retained status (online, or offline from the last will) ----
  var deviceRows = document.getElementById('device-rows');
  var deviceSummary = document.getElementById('device-summary');
  var devices = {};
  var KINDS = { gateway: 'gateway', cloud: 'utility cloud', hvac: 'HVAC unit', meter: 'meter' };

  function onDevice(d) {
    var tr = deviceRows.querySelector('tr[data-device="' + CSS.escape(d.device) + '"]');
    if (!tr) {
      tr = document.createElement('tr');
      tr.setAttribute('data-device', d.device);
      for (var i = 0; i < 4; i++) { tr.appendChild(document.createElement(i === 0 ? 'th' : 'td')); }
      tr.firstChild.setAttribute('scope', 'row');
      deviceRows.appendChild(tr);
    }
    tr.className = 'device-' + d.state;
    var cells = tr.children;
    cells[0].textContent = d.device;
    cells[1].textContent = KINDS[d.kind] || d.kind;
    cells[2].textContent = d.state === 'offline' ? 'offline (last will)' : d.state;
    cells[3].textContent = d.t === null ? '–' : (d.t / 1000).toFixed(3) + ' s';
    devices[d.device] = d;
    summarise();
  }

  function summarise() {
    var meters = 0, online = 0, offline = [];
    Object.keys(devices).forEach(function (id) {
      var d = devices[id];
      if (d.kind === 'meter') { meters++; }
      if (d.kind === 'meter' && d.state === 'online') { online++; }
      if (d.state === 'offline') { offline.push(id); }
    });
    deviceSummary.textContent = online + ' of ' + meters + ' meters online' +
      (offline.length ? '; offline (last will): ' + offline.join(', ') + '.' : '; no device is offline.');
  }

  // ---- HVAC units ----
  function onHvac(h) {
    var rows = document.getElementById('hvac-rows');
    var tr = rows.querySelector('tr[data-device="' + CSS.escape(h.device) + '"]');
    if (!tr) {
      tr = document.createElement('tr');
      tr.setAttribute('data-device', h.device);
      for (var i = 0; i < 5; i++) { tr.appendChild(document.createElement(i === 0 ? 'th' : 'td')); }
      tr.firstChild.setAttribute('scope', 'row');
      rows.appendChild(tr);
    }
    var cells = tr.children;
    cells[0].textContent = h.device;
    // the exact conversion (a 2 °C step is 3.6 °F); the figure rounds it to whole °F
    cells[1].textContent = h.setpointC.toFixed(1) + ' °C (' + (h.setpointC * 9 / 5 + 32).toFixed(1) + ' °F)';
    cells[2].textContent = h.indoorC.toFixed(1) + ' °C';
    cells[3].textContent = h.powerKw === null ? '–' : h.powerKw.toFixed(2) + ' kW';
    cells[4].textContent = h.event || '';
  }

  // ---- the load chart ----
  function drawChart() {
    var chart = document.getElementById('load-chart');
    Array.prototype.slice.call(chart.querySelectorAll('g.plot')).forEach(function (g) { chart.removeChild(g); });
    var g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'plot');
    chart.appendChild(g);
    var latest = document.getElementById('load-latest');
    if (points.length === 0) { latest.textContent = 'No area report yet.'; return; }
    var left = 52, right = 590, top = 12, bottom = 210;
    var lo = Infinity, hi = -Infinity;
    points.forEach(function (p) {
      [p.loadKw, p.forecastKw, p.capacityKw].forEach(function (v) { lo = Math.min(lo, v); hi = Math.max(hi, v); });
    });
    lo = Math.floor(lo * 0.9); hi = Math.ceil(hi * 1.05);
    if (hi <= lo) { hi = lo + 1; }
    var t0 = points[0].t, t1 = points[points.length - 1].t;
    function x(t) { return t1 === t0 ? (left + right) / 2 : left + (t - t0) / (t1 - t0) * (right - left); }
    function y(v) { return bottom - (v - lo) / (hi - lo) * (bottom - top); }
    function add(name, attrs, text) {
      var el = document.createElementNS(SVG, name);
      Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
      if (text !== undefined) { el.textContent = text; }
      g.appendChild(el);
    }
    add('line', { x1: left, x2: right, y1: bottom, y2: bottom, 'class': 'axis' });
    add('line', { x1: left, x2: left, y1: top, y2: bottom, 'class': 'axis' });
    add('text', { x: left - 6, y: y(hi) + 4, 'text-anchor': 'end' }, hi + ' kW');
    add('text', { x: left - 6, y: y(lo) + 4, 'text-anchor': 'end' }, lo + ' kW');
    add('text', { x: left, y: bottom + 22 }, (t0 / 1000).toFixed(0) + ' s');
    add('text', { x: right, y: bottom + 22, 'text-anchor': 'end' }, (t1 / 1000).toFixed(0) + ' s after start');
    ['capacityKw', 'forecastKw', 'loadKw'].forEach(function (key) {
      var d = points.map(function (p) { return x(p.t).toFixed(1) + ',' + y(p[key]).toFixed(1); }).join(' ');
      add('polyline', { points: d, 'class': 'series ' + key });
    });
    var p = points[points.length - 1];
    var scaled = p.meters && p.metersReporting < p.meters
      ? ' (' + p.metersReporting + ' of ' + p.meters + ' meters reported ' + p.reportedKw +
        ' kW in time; the cloud scales that to all ' + p.meters + ')'
      : '';
    latest.textContent = 'Latest report: area load ' + p.loadKw + ' kW' + scaled + ', forecast for the next ' +
      (p.horizon > 1 ? p.horizon + ' reports ' : 'report ') + p.forecastKw + ' kW, feeder capacity ' +
      p.capacityKw + ' kW' + (p.forecastKw > p.capacityKw ? ': overload predicted.' : '.');
  }

  // the arrowhead marker for the sequence
  (function () {
    var defs = document.createElementNS(SVG, 'defs');
    var marker = document.createElementNS(SVG, 'marker');
    [['id', 'arrowhead'], ['viewBox', '0 0 10 10'], ['refX', '10'], ['refY', '5'], ['markerWidth', '8'],
     ['markerHeight', '8'], ['orient', 'auto-start-reverse']].forEach(function (a) { marker.setAttribute(a[0], a[1]); });
    var path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
    marker.appendChild(path);
    defs.appendChild(marker);
    document.getElementById('sequence').appendChild(defs);
  })();

  setRunning(isRunning());
  if (isRunning() || isQueued()) { connect(); }
})();
