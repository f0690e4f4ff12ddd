// expect: LoadingSpinner has no parameter 'spinning'
// at: 4
const before = 1;
const w = pn.indicators.LoadingSpinner({spinning: true});
