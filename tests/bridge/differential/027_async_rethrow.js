async function thrower() {
  await null;
  throw new TypeError("nope");
}
async function caller() {
  try {
    await thrower();
  } finally {
    console.log("caller finally");
  }
}
caller().catch((e) => console.log("outer", e.name, e.message));
