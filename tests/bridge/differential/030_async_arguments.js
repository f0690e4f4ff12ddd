async function f() {
  const first = arguments[0];
  await null;
  console.log(arguments.length, first, arguments[1]);
  const arrow = async () => {
    await null;
    return arguments.length;
  };
  console.log("arrow sees", await arrow(9, 9, 9));
}
f("a", "b", "c");
