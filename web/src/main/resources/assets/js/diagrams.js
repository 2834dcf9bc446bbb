// Renders every <pre class="mermaid"> block with the mermaid library served from the kit's own jar.
(function () {
  'use strict';
  function start() {
    if (!window.mermaid) {
      document.querySelectorAll('pre.mermaid').forEach(function (pre) {
        pre.classList.add('diagram-unavailable');
      });
      return;
    }
    window.mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'base',
      // Every colour a diagram draws with is named here, not left for the theme to derive: the base theme takes
      // the message text, message lines and loop texts of sequence diagrams from primaryTextColor, which is the
      // white of the dark boxes, and so drew them white on the page. Each text pair meets WCAG AA (4.5:1) and
      // each line 3:1 against the page (white, or the lesson's #f3f6f8); DiagramContrastBrowserIT measures it.
      themeVariables: {
        fontSize: '14px',
        // boxes: white text on the kit's dark blue
        primaryColor: '#1f3a4d', primaryTextColor: '#ffffff', primaryBorderColor: '#138a72',
        actorBkg: '#1f3a4d', actorTextColor: '#ffffff', actorBorder: '#138a72', labelBoxBkgColor: '#1f3a4d',
        labelBoxBorderColor: '#138a72', labelTextColor: '#ffffff',
        // edge labels of flowcharts: white on the kit's dark green
        secondaryColor: '#0f6e5b', edgeLabelBackground: '#0f6e5b',
        // subgraphs: dark text on a pale warm background
        tertiaryColor: '#fff4e6', clusterBkg: '#fff4e6', clusterBorder: '#a84f00', titleColor: '#1b2733',
        // what is drawn on the page itself: ink text, ink messages, orange flowchart lines, grey lifelines
        textColor: '#1b2733', signalColor: '#1b2733', signalTextColor: '#1b2733', loopTextColor: '#1b2733',
        lineColor: '#c25e00', arrowheadColor: '#1b2733', actorLineColor: '#4a5a68',
        sequenceNumberColor: '#ffffff',
        // notes: ink on pale yellow
        noteBkgColor: '#fff5ad', noteTextColor: '#1b2733', noteBorderColor: '#a84f00'
      },
      sequence: { useMaxWidth: true, mirrorActors: false }
    });
    window.mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
      // a diagram keeps a readable size (its own, up to 560 px); a narrower screen scrolls it sideways
      document.querySelectorAll('pre.mermaid svg').forEach(function (svg) {
        var natural = parseFloat(svg.style.maxWidth);
        if (natural > 0) { svg.style.minWidth = Math.min(natural, 560) + 'px'; }
      });
      document.documentElement.dataset.diagrams = 'rendered';
    }).catch(function (err) {
      document.documentElement.dataset.diagrams = 'failed';
      if (window.console) { console.error('diagram could not be drawn', err); }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
