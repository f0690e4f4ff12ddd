// expect: Progress.max
// at: 4
const before = 1;
const w = pn.indicators.Progress({max: 'full'});
