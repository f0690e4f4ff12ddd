// expect: Missing semicolon
// at: 4
const a = 1;
const b = (a + 2));
