console.log(0o17, 0b11, 0x1F, 1e3, .5, 5., 1_2.3_4, 0.000_001);
console.log(Number("1_000"), parseInt("1_000"), 2 ** 53 + 1 === 2 ** 53);
