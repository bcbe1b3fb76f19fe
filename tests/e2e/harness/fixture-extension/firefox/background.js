// Leaky fixture: the background sends a remote request on start, which the harness must block and blame on it, and
// logs an error the harness must collect.
// Sent every second for a while, not once: at start-up the browser may make it before the harness listens.
const leak = () => fetch('http://harness-check.example/from-background').catch(() => {});
leak();
const timer = setInterval(leak, 1000);
setTimeout(() => clearInterval(timer), 30_000);
console.error('leaky fixture: error from the background');
