// expect: Unexpected token
// at: 3
const f = (x) = > x * 2;
