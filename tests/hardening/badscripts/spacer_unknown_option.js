// expect: Spacer has no parameter 'size'
// at: 4
const before = 1;
const w = pn.Spacer({size: 3});
