console.log(Math.round(2.5), Math.round(-2.5), Math.round(-0.4), Math.floor(-1.5), Math.ceil(1.2), Math.abs(-3));
console.log(Math.max(), Math.min(), Math.max(1, NaN), Math.pow(2, 10), Math.sqrt(16), Math.fround(5.5), Math.clz32(1));
console.log(Math.sinh(0), Math.log10(1000), Math.expm1(0), Math.log1p(0), Math.atan2(1, 1).toFixed(4), Math.imul(3, 4));
