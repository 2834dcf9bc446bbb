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
      themeVariables: {
        primaryColor: '#1f3a4d', primaryTextColor: '#ffffff', primaryBorderColor: '#138a72',
        lineColor: '#c25e00', secondaryColor: '#138a72', tertiaryColor: '#fff4e6', fontSize: '14px'
      },
      sequence: { useMaxWidth: true, mirrorActors: false }
    });
    window.mermaid.run({ querySelector: 'pre.mermaid' }).then(function () {
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
