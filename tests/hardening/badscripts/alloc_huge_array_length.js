// expect: RangeError
// at: 4
const a = [];
a.length = -1;
