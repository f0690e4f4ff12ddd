let depth = 0;
function again() {
  depth++;
  if (depth < 50) Promise.resolve().then(again);
  else console.log("drained", depth);
}
setTimeout(() => console.log("timer after", depth), 0);
Promise.resolve().then(again);
