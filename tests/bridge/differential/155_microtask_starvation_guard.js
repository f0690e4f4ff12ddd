let count = 0;
function spin() {
  if (++count < 1000) queueMicrotask(spin);
}
setTimeout(() => console.log("timer sees", count), 0);
spin();
