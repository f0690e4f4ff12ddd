// expect: plain string thrown
// at: 4
const n = 0;
if (n === 0) throw 'plain string thrown';
