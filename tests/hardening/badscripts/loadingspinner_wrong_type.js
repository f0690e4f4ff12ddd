// expect: LoadingSpinner.value
// at: 4
const before = 1;
const w = pn.indicators.LoadingSpinner({value: 'spin'});
