// expect: Progress has no parameter 'maximum'
// at: 4
const before = 1;
const w = pn.indicators.Progress({maximum: 10});
