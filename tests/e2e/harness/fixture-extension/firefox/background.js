// Leaky fixture: the background sends a remote request on start, which the harness must block and blame on it, and
// logs an error the harness must collect.
fetch('http://harness-check.example/from-background').catch(() => {});
console.error('leaky fixture: error from the background');
