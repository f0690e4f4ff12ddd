async function fib(n) {
  if (n < 2) return n;
  return (await fib(n - 1)) + (await fib(n - 2));
}
fib(12).then((v) => console.log("fib", v));
