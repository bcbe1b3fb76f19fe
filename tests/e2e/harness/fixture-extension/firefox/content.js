// Leaky fixture: the content script marks the page and sends a remote request the harness must blame on the extension.
document.documentElement.dataset.backstoryProbe = '1';
fetch('http://harness-check.example/from-content-script').catch(() => {});
