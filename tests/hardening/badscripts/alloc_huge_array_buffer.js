// expect: RangeError
// at: 3
const bytes = new ArrayBuffer(1e15);
