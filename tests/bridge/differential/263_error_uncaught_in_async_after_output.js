(async () => {
  console.log("starts");
  await null;
  console.log("still fine");
  try {
    JSON.parse("{");
  } catch (e) {
    console.log("handled", e.name);
  }
})();
