// expect: 'let' is disallowed
// at: 3
let let = 3;
