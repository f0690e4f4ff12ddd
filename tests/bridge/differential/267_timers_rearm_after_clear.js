// The shared timer re-arms when an earlier deadline arrives and survives
// the earliest timer being cleared (it wakes early, finds nothing due).
const slow = setTimeout(() => console.log("slow 40, never"), 40);
setTimeout(() => console.log("fast 5"), 5);
const early = setTimeout(() => console.log("cleared, never"), 2);
clearTimeout(early);
setTimeout(() => {
  console.log("mid 20");
  clearTimeout(slow);
  setTimeout(() => console.log("after clear 10"), 10);
}, 20);
