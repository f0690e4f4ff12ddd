const id = setTimeout(() => console.log("cleared, never"), 1);
clearTimeout(id);
setTimeout((a, b) => console.log("args", a, b), 1, "x", "y");
let n = 0;
const iv = setInterval(() => {
  n++;
  console.log("interval", n);
  if (n === 3) clearInterval(iv);
}, 1);
clearTimeout(undefined);
clearTimeout(12345);
