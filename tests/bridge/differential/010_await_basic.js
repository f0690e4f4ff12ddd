async function f(x) {
  const y = await x;
  return y * 2;
}
f(21).then((v) => console.log("result", v));
console.log("after call");
