const big = 1_000_000;
const hex = 0xff_ff;
const bin = 0b1010_0001;
const frac = 1_000.000_5;
console.log(big, hex, bin, frac, 1e1_0);
