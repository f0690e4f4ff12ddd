// expect: RangeError
// at: 4
// needs: fix: stack overflow is reported at line 1 with a 1000-line stack
function down(n) { return down(n + 1) + 1; }
down(0);
