let x = 2;
x **= 10;
console.log(2 ** 3 ** 2, (-2) ** 2, x);
