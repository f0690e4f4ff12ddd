// Loads fine; a timer callback throws 50 ms later.
console.log('loaded');
setTimeout(() => {
  throw new Error('thrown from a timer');
}, 50);
