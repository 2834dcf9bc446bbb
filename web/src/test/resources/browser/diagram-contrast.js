// Measures, in the page, the contrast of every text and line of every drawn diagram (pre.mermaid svg) against
// what is painted behind it. Returns a list of {kind, what, text, fg, bg, ratio}; the test sets the bars
// (WCAG 2.1: 4.5:1 for text, 3:1 for the lines and arrowheads that carry meaning).
function parse(css) {
  var m = /rgba?\(([^)]+)\)/.exec(css || '');
  if (!m) { return null; }
  var p = m[1].split(/[\s,\/]+/).filter(function (s) { return s.length; }).map(parseFloat);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function over(top, below) {
  var a = top.a + below.a * (1 - top.a);
  if (a === 0) { return { r: 0, g: 0, b: 0, a: 0 }; }
  function mix(k) { return (top[k] * top.a + below[k] * below.a * (1 - top.a)) / a; }
  return { r: mix('r'), g: mix('g'), b: mix('b'), a: a };
}
function luminance(c) {
  function lin(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
function ratio(a, b) {
  var la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
function show(c) { return 'rgb(' + [c.r, c.g, c.b].map(Math.round).join(', ') + ')'; }
var SHAPES = { rect: 1, circle: 1, ellipse: 1, polygon: 1, path: 1 };
/** The colour one element paints over its box, or null when it paints nothing there. */
function paint(el) {
  var cs = getComputedStyle(el);
  var c;
  if (el instanceof SVGElement) {
    if (!SHAPES[el.localName] && el.localName !== 'svg') { return null; }
    c = parse(el.localName === 'svg' ? cs.backgroundColor : cs.fill);
    if (c && el.localName !== 'svg') { c.a *= parseFloat(cs.fillOpacity); }
  } else {
    c = parse(cs.backgroundColor);
  }
  if (!c) { return null; }
  c.a *= parseFloat(cs.opacity);
  return c.a > 0 ? c : null;
}
/** What is painted at (x, y) under the elements in skip (and under everything drawn above them). */
function behind(x, y, skip) {
  var stack = document.elementsFromPoint(x, y);
  var start = 0;
  stack.forEach(function (e, i) { if (skip.indexOf(e) >= 0) { start = i + 1; } });
  var layers = [];
  for (var i = start; i < stack.length; i++) {
    if (skip.indexOf(stack[i]) >= 0) { continue; }
    var c = paint(stack[i]);
    if (c) { layers.push(c); if (c.a >= 1) { break; } }
  }
  var bg = { r: 255, g: 255, b: 255, a: 1 };
  for (var k = layers.length - 1; k >= 0; k--) { bg = over(layers[k], bg); }
  return bg;
}
function centre(el) {
  el.scrollIntoView({ block: 'center', inline: 'center' });
  var r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
}
function describe(el) {
  return el.localName + (el.getAttribute('class') ? '.' + el.getAttribute('class').trim().split(/\s+/).join('.') : '');
}
var found = [];
document.querySelectorAll('pre.mermaid svg').forEach(function (svg) {
  // texts: svg <text> (or its innermost <tspan>s) and the HTML labels mermaid puts in <foreignObject>
  var texts = [];
  svg.querySelectorAll('text').forEach(function (t) {
    if (!t.textContent.trim() || t.closest('marker, defs')) { return; }
    var spans = Array.prototype.filter.call(t.querySelectorAll('tspan'), function (s) {
      return !s.querySelector('tspan') && s.textContent.trim();
    });
    (spans.length ? spans : [t]).forEach(function (e) { texts.push(e); });
  });
  svg.querySelectorAll('foreignObject *').forEach(function (e) {
    var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
    if (own) { texts.push(e); }
  });
  texts.forEach(function (e) {
    var p = centre(e);
    if (!p) { return; }
    var cs = getComputedStyle(e);
    var fg = parse(e instanceof SVGElement ? cs.fill : cs.color);
    if (!fg) { fg = { r: 0, g: 0, b: 0, a: 1 }; }
    var skip = [e];
    for (var a = e.parentElement; a && a !== svg; a = a.parentElement) { if (a.localName === 'text') { skip.push(a); } }
    var bg = behind(p.x, p.y, skip);
    if (e.classList.contains('sequenceNumber')) {
      // mermaid draws the number's disc as the message line's start marker, which hit testing does not see
      var disc = svg.querySelector('marker[id$="-sequencenumber"] circle');
      if (disc) { bg = over(paint(disc) || { r: 0, g: 0, b: 0, a: 0 }, bg); }
    }
    var seen = over(fg, bg);
    found.push({ kind: 'text', what: describe(e), text: e.textContent.trim().slice(0, 60), fg: show(seen),
      bg: show(bg), ratio: ratio(seen, bg) });
  });
  // lines: connectors drawn as stroked lines or unfilled paths, measured at their middle
  svg.querySelectorAll('line, path, polyline').forEach(function (e) {
    if (e.closest('marker, defs')) { return; }
    var cs = getComputedStyle(e);
    var stroke = parse(cs.stroke);
    if (!stroke || parseFloat(cs.strokeWidth) === 0 || parse(cs.fill) && parse(cs.fill).a > 0) { return; }
    stroke.a *= parseFloat(cs.strokeOpacity) * parseFloat(cs.opacity);
    if (stroke.a === 0 || typeof e.getTotalLength !== 'function') { return; }
    e.scrollIntoView({ block: 'center', inline: 'center' });
    var length = e.getTotalLength();
    if (!(length > 0)) { return; }
    var mid = e.getPointAtLength(length / 2);
    var m = e.getScreenCTM();
    var x = m.a * mid.x + m.c * mid.y + m.e, y = m.b * mid.x + m.d * mid.y + m.f;
    var skip = Array.prototype.filter.call(document.elementsFromPoint(x, y), function (o) {
      return o.localName === 'line' || o.localName === 'polyline' || o.localName === 'path' && !paint(o)
        || o.localName === 'text' || o.localName === 'tspan';
    });
    skip.push(e);
    var bg = behind(x, y, skip);
    var seen = over(stroke, bg);
    found.push({ kind: 'line', what: describe(e), text: '', fg: show(seen), bg: show(bg), ratio: ratio(seen, bg) });
  });
  // arrowheads and other markers: their fill against the diagram's own background
  var box = svg.getBoundingClientRect();
  svg.scrollIntoView({ block: 'center' });
  box = svg.getBoundingClientRect();
  var page = behind(box.left + 2, box.top + 2, Array.prototype.slice.call(svg.querySelectorAll('*')).concat([svg]));
  var used = {};
  svg.querySelectorAll('[marker-end], [marker-start], [marker-mid]').forEach(function (e) {
    ['marker-end', 'marker-start', 'marker-mid'].forEach(function (a) {
      var m = /url\(["']?#([^"')]+)/.exec(e.getAttribute(a) || '');
      if (m) { used[m[1]] = true; }
    });
  });
  svg.querySelectorAll('marker path, marker circle, marker polygon').forEach(function (e) {
    if (!used[e.closest('marker').id]) { return; }
    var cs = getComputedStyle(e);
    var c = parse(cs.fill) || parse(cs.stroke);
    if (!c || c.a === 0) { return; }
    var seen = over(c, page);
    found.push({ kind: 'marker', what: describe(e.closest('marker')) + '#' + e.closest('marker').id, text: '',
      fg: show(seen), bg: show(page), ratio: ratio(seen, page) });
  });
});
return found;
