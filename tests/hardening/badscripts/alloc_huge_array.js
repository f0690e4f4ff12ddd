// expect: 4294967296 out of range
// at: 4
const rows = 4294967296;
const table = new Array(rows);
