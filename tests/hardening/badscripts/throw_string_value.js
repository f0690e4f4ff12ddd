// expect: plain string thrown
// at: 5
// needs: fix: a non-Error value thrown at the top level is not reported
const n = 0;
if (n === 0) throw 'plain string thrown';
