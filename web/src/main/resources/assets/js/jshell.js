// Lesson notebooks: every <pre class="jshell-cell"> becomes a Java cell the student edits and runs in a JShell
// session on the server (see docs/jshell.md). Everything the server sends back is inserted as text, never HTML.
(function () {
  'use strict';

  var config = document.getElementById('jshell-config');
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var api = '/api/jshell/sessions';
  var session = null;      // {id, timeLimitMs}
  var opening = null;      // the pending request that opens the session
  var cells = [];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function post(path, body) {
    return fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'X-CSRF-Token': csrfMeta ? csrfMeta.content : ''
      },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : {}; } catch (e) { data = { error: 'The server answered ' + r.status + '.' }; }
        if (!r.ok) {
          var err = new Error(data.error || ('The server answered ' + r.status + '.'));
          err.status = r.status;
          err.code = data.code;
          throw err;
        }
        return data;
      });
    }, function () {
      throw new Error('The server cannot be reached; check the connection and try again.');
    });
  }

  function openSession() {
    if (session) { return Promise.resolve(session); }
    if (!opening) {
      opening = post(api, { lesson: config.dataset.lesson }).then(function (s) {
        session = s;
        opening = null;
        return s;
      }, function (e) { opening = null; throw e; });
    }
    return opening;
  }

  /** Calls the session; a session the server closed (idle, reset elsewhere) is replaced once, with its reason. */
  function call(action, body) {
    return openSession().then(function (s) {
      return post(api + '/' + encodeURIComponent(s.id) + '/' + action, body).catch(function (e) {
        if (e.status === 410) { session = null; }
        throw e;
      });
    });
  }

  function Cell(pre, index) {
    var self = this;
    this.index = index;
    var box = el('div', 'jshell');
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', 'Java cell ' + (index + 1));
    var bar = el('div', 'jshell-bar');
    this.runButton = el('button', 'jshell-run', 'Run');
    this.runButton.type = 'button';
    this.runButton.title = 'Run this cell (Ctrl+Enter; Shift+Enter runs and moves to the next cell)';
    var runAll = el('button', 'jshell-run-all', 'Run all');
    runAll.type = 'button';
    runAll.title = 'Run every cell of this lesson from the top';
    var reset = el('button', 'jshell-reset', 'Reset');
    reset.type = 'button';
    reset.title = 'Forget everything the cells defined and start a fresh JShell';
    this.state = el('span', 'jshell-state');
    this.state.setAttribute('aria-live', 'polite');
    bar.appendChild(this.runButton);
    bar.appendChild(runAll);
    bar.appendChild(reset);
    bar.appendChild(this.state);
    var area = el('textarea', 'jshell-source');
    area.value = pre.textContent.replace(/\n$/, '');
    var name = 'Java code of cell ' + (index + 1);
    area.setAttribute('aria-label', name);
    var keys = el('p', 'jshell-keys', 'In the code, Tab indents or completes. To leave the code with the keyboard, '
      + 'press Esc, then Tab (or Shift+Tab). Ctrl+Enter runs the cell.');
    keys.id = 'jshell-keys-' + (index + 1);
    area.setAttribute('aria-describedby', keys.id);
    this.output = el('div', 'jshell-output');
    this.output.setAttribute('role', 'log');
    this.output.setAttribute('aria-live', 'polite');
    this.docs = el('div', 'jshell-docs');
    this.docs.hidden = true;
    box.appendChild(bar);
    box.appendChild(keys);
    box.appendChild(area);
    box.appendChild(this.docs);
    box.appendChild(this.output);
    pre.parentNode.replaceChild(box, pre);
    this.box = box;
    this.marks = [];
    if (window.CodeMirror) {
      this.editor = window.CodeMirror.fromTextArea(area, {
        mode: 'text/x-java', lineNumbers: true, indentUnit: 4, matchBrackets: true, autoCloseBrackets: true,
        viewportMargin: Infinity, screenReaderLabel: name,
        extraKeys: {
          'Ctrl-Enter': function () { self.run(); },
          'Cmd-Enter': function () { self.run(); },
          'Shift-Enter': function () { self.run().then(function () { self.focusNext(); }); },
          'Tab': function (cm) { self.tab(cm); },
          'Ctrl-Space': function (cm) { self.complete(cm); },
          'Shift-Tab': function () { self.showDocs(); },
          'Ctrl-I': function () { self.showDocs(); }
        }
      });
      this.editor.getInputField().setAttribute('aria-describedby', keys.id);
      releaseTabOnEscape(this.editor);
    } else {
      this.editor = null;
      this.area = area;
      area.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); self.run(); }
        if (e.key === 'Enter' && e.shiftKey) { e.preventDefault(); self.run().then(function () { self.focusNext(); }); }
      });
    }
    this.runButton.addEventListener('click', function () { self.run(); });
    runAll.addEventListener('click', runAllCells);
    reset.addEventListener('click', resetNotebook);
  }

  Cell.prototype.code = function () { return this.editor ? this.editor.getValue() : this.area.value; };
  Cell.prototype.cursor = function () {
    return this.editor ? this.editor.indexFromPos(this.editor.getCursor()) : this.area.selectionStart;
  };
  Cell.prototype.focus = function () { if (this.editor) { this.editor.focus(); } else { this.area.focus(); } };
  Cell.prototype.focusNext = function () {
    var next = cells[this.index + 1];
    if (next) { next.focus(); next.box.scrollIntoView({ block: 'nearest' }); }
  };

  Cell.prototype.clear = function () {
    this.output.textContent = '';
    this.marks.forEach(function (m) { m.clear(); });
    this.marks = [];
    this.box.classList.remove('has-error');
  };

  Cell.prototype.line = function (cls, text) {
    var line = el('div', 'jshell-line ' + cls, text);
    this.output.appendChild(line);
    return line;
  };

  Cell.prototype.notice = function (text, offerReplay) {
    var n = this.line('jshell-notice', text);
    if (offerReplay) {
      var b = el('button', 'jshell-replay', 'Replay earlier cells');
      b.type = 'button';
      b.addEventListener('click', function () { replay(n, b); });
      n.appendChild(document.createTextNode(' '));
      n.appendChild(b);
    }
  };

  Cell.prototype.run = function () {
    var self = this;
    this.clear();
    this.busy(true, 'running…');
    return call('eval', { code: this.code() }).then(function (result) {
      self.show(result);
      self.busy(false, 'ran');
      return result;
    }, function (e) {
      self.line('jshell-error', e.message);
      self.busy(false, 'not run');
      return { failed: true, status: e.status };
    });
  };

  Cell.prototype.busy = function (on, text) {
    this.runButton.disabled = on;
    this.box.classList.toggle('running', on);
    this.state.textContent = text;
  };

  Cell.prototype.show = function (result) {
    var self = this;
    if (result.restarted && result.notice) { this.notice(result.notice, result.replayable > 0); }
    result.snippets.forEach(function (s) {
      if (s.output) {
        self.line('jshell-printed', s.output);
      }
      if (s.outputCut) {
        self.line('jshell-notice', '… the output was cut here: a snippet may print at most '
          + Math.round((config.dataset.outputBytes || 16384) / 1024) + ' KB.');
      }
      if (s.status === 'ok' || s.status === 'recoverable') {
        if (s.value !== null && s.value !== undefined && (s.kind === 'expression' || s.kind === 'variable')) {
          self.line('jshell-value', (s.name || '') + ' ==> ' + s.value);
        } else if (s.kind === 'method' || s.kind === 'type') {
          self.line('jshell-defined', 'defined ' + s.kind + ' ' + s.name);
        }
        if (s.exception) { self.line('jshell-notice', s.exception); }
      } else if (s.status === 'exception') {
        self.line('jshell-exception', 'Exception: ' + s.exception);
      } else if (s.status === 'stopped' && result.notice && /time limit/.test(result.notice)) {
        // the cell's notice below says it once: it ran past the time limit
      } else if (s.status === 'stopped' || s.status === 'ended') {
        self.line('jshell-stopped', s.exception);
      }
      (s.diagnostics || []).forEach(function (d) { self.diagnostic(d); });
    });
    if (!result.restarted && result.notice) { this.notice(result.notice, result.replayable > 0); }
  };

  Cell.prototype.diagnostic = function (d) {
    var code = this.code();
    var before = code.slice(0, d.start);
    var lineNo = before.split('\n').length;
    var col = d.start - before.lastIndexOf('\n');
    var line = this.line(d.error ? 'jshell-diagnostic error' : 'jshell-diagnostic warning',
      (d.error ? 'Error' : 'Warning') + ' at line ' + lineNo + ', column ' + col + ': ' + d.message);
    line.dataset.start = d.start;
    line.dataset.end = d.end;
    if (d.error) { this.box.classList.add('has-error'); }
    if (this.editor) {
      var from = this.editor.posFromIndex(d.start);
      var to = this.editor.posFromIndex(Math.max(d.end, d.start + 1));
      this.marks.push(this.editor.markText(from, to, {
        className: d.error ? 'jshell-mark-error' : 'jshell-mark-warning',
        attributes: { title: d.message }
      }));
    }
  };

  /**
   * No keyboard trap (WCAG 2.1.2): Tab and Shift+Tab indent, complete and show documentation in the editor, so
   * Escape releases them, as CodeMirror 6 does by default: after Escape, the next Tab or Shift+Tab is left to the
   * browser and moves the focus out of the editor. Any other key first takes the editor back to editing.
   */
  function releaseTabOnEscape(cm) {
    var released = false;
    cm.on('keydown', function (editor, e) {
      if (e.key === 'Escape') {
        released = true;
      } else if (e.key === 'Tab' && released) {
        e.codemirrorIgnore = true;
        released = false;
      } else if (['Shift', 'Control', 'Alt', 'Meta'].indexOf(e.key) < 0) {
        released = false;
      }
    });
    cm.on('blur', function () { released = false; });
  }

  /** Tab completes after a name or a dot, and indents elsewhere. */
  Cell.prototype.tab = function (cm) {
    var cur = cm.getCursor();
    var before = cm.getLine(cur.line).slice(0, cur.ch);
    if (/[\w.$]$/.test(before) && !cm.somethingSelected()) {
      this.complete(cm);
    } else {
      cm.execCommand('indentMore');
    }
  };

  Cell.prototype.complete = function (cm) {
    var self = this;
    function hint(editor, callback) {
      call('complete', { code: editor.getValue(), cursor: editor.indexFromPos(editor.getCursor()) })
        .then(function (c) {
          callback({
            list: c.suggestions,
            from: editor.posFromIndex(c.anchor),
            to: editor.getCursor()
          });
        }, function (e) { self.state.textContent = e.message; callback(null); });
    }
    hint.async = true;
    cm.showHint({ hint: hint, completeSingle: true });
  };

  Cell.prototype.showDocs = function () {
    var self = this;
    call('docs', { code: this.code(), cursor: this.cursor() }).then(function (r) {
      self.docs.textContent = '';
      self.docs.hidden = false;
      if (!r.docs.length) {
        self.docs.appendChild(el('p', 'jshell-doc-none', 'No documentation for the code at the cursor.'));
      }
      r.docs.forEach(function (d) {
        self.docs.appendChild(el('code', 'jshell-signature', d.signature));
        if (d.javadoc) { self.docs.appendChild(el('pre', 'jshell-javadoc', d.javadoc)); }
      });
      var close = el('button', 'jshell-docs-close', 'Close');
      close.type = 'button';
      close.addEventListener('click', function () { self.docs.hidden = true; self.focus(); });
      self.docs.appendChild(close);
    }, function (e) { self.state.textContent = e.message; });
  };

  function runAllCells() {
    var i = 0;
    function next() {
      if (i >= cells.length) { return Promise.resolve(); }
      var cell = cells[i++];
      return cell.run().then(function (r) {
        var ended = r && r.snippets && r.snippets.some(function (s) { return s.status === 'ended'; });
        if (!ended && !(r && r.failed)) { return next(); }
      });
    }
    return next();
  }

  function resetNotebook() {
    cells.forEach(function (c) { c.clear(); c.state.textContent = ''; });
    var first = cells[0];
    return call('reset', {}).then(function () {
      first.line('jshell-notice', 'The notebook was reset: nothing the cells defined is kept.');
    }, function (e) {
      first.line('jshell-error', e.message);
    });
  }

  function replay(notice, button) {
    button.disabled = true;
    return call('replay', {}).then(function (r) {
      notice.appendChild(el('span', 'jshell-replayed', ' Replayed ' + r.cells + ' earlier cell'
        + (r.cells === 1 ? '' : 's') + (r.failed ? ', ' + r.failed + ' with errors' : '') + '.'
        + (r.notice ? ' ' + r.notice : '')));
    }, function (e) {
      notice.appendChild(el('span', 'jshell-error', ' ' + e.message));
      button.disabled = false;
    });
  }

  function start() {
    var pres = document.querySelectorAll('.lesson-body pre.jshell-cell');
    if (!pres.length || !config) { return; }
    if (config.dataset.signedIn !== 'true') {
      pres.forEach(function (pre) {
        var note = el('p', 'jshell-sign-in');
        var a = el('a', null, 'Sign in');
        a.href = '/sign-in?next=' + encodeURIComponent(location.pathname);
        note.appendChild(a);
        note.appendChild(document.createTextNode(' to edit and run this Java code.'));
        pre.parentNode.insertBefore(note, pre.nextSibling);
      });
      return;
    }
    Array.prototype.forEach.call(pres, function (pre, i) { cells.push(new Cell(pre, i)); });
    document.documentElement.dataset.jshell = 'ready';
    openSession().then(function (s) {
      if (s.resumed && s.cells > 0) {
        cells[0].line('jshell-notice', 'Your notebook for this lesson is still open: what its '
          + s.cells + ' earlier cell run' + (s.cells === 1 ? '' : 's') + ' defined is kept.');
      }
    }, function (e) { cells[0].line('jshell-error', e.message); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
