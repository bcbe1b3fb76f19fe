// Leaky fixture: the background sends a remote request on start, which the harness must block and blame on it.
fetch('http://harness-check.example/from-background').catch(() => {});
