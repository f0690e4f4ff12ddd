// expect: RangeError: Maximum call stack size exceeded
// at: 3
function down(n) { return down(n + 1) + 1; }
down(0);
