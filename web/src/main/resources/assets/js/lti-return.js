// Posts the signed content selection back to the learning platform as soon as the page has loaded (the page's
// button does the same for a browser without scripts).
document.getElementById('lti-return').submit();
