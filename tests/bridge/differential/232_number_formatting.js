console.log((1234.5).toFixed(0), (0.000001234).toString(), (1e-7).toFixed(10), (255).toString(2), (-255).toString(36));
console.log((12.345).toExponential(2), (0).toFixed(2), (1.005).toFixed(2), Number.parseFloat("3.14abc"), +"", +" 42 ", +"4x");
console.log(Number.MAX_VALUE > 1e308, Number.MIN_VALUE, 0.1 * 3, 9007199254740993, 2 ** 31 | 0, -7 % 3, 7 >>> 1);
