console.log(0.1 + 0.2, (1234.5678).toFixed(2), (255).toString(16), parseInt("ff", 16), Number("0x10"), (1e21).toString());
console.log(Math.trunc(-4.7), Math.sign(-3), Math.cbrt(27), Math.hypot(3, 4), Math.log2(8), Number.EPSILON > 0);
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.MAX_SAFE_INTEGER, (123.456).toPrecision(4));
console.log(1 / 3, 100 / 3, 2 ** -1074, 1e300 * 1e10, -1e-7, 123456789012345680000);
