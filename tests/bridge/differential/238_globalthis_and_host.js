console.log(typeof globalThis.setTimeout, typeof globalThis.queueMicrotask, typeof globalThis.console.log, typeof globalThis.Promise);
globalThis.sharedValue = 41;
console.log(sharedValue + 1);
var declared = "var at top";
console.log(typeof globalThis.Math.max, typeof structuredCloneLike);
