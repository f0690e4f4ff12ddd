// A runaway loop in a timer callback: only --timeout (or the watchdog) ends it.
console.log("start");
setTimeout(() => { while (true) {} }, 10);
