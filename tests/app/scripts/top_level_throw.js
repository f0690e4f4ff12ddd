// Throws at top level after logging one line.
console.log('before the throw');

function explode() {
  throw new Error('top-level failure');
}
explode();
console.log('never printed');
