async function outer() {
  const inner = async (x = await Promise.resolve(5)) => x;
  return inner();
}
outer().then((v) => console.log("default from await", v)).catch((e) => console.log("err", e.constructor.name));
