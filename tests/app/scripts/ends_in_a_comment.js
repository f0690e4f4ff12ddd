// A script that ends in a comment after async code (Babel trims it).
async function main() {
  await pn.sleep(5);
  console.log("done");
}
main();
// the end
