// Valid modern JavaScript; --check must not run it (nothing is logged).
console.log('top level ran');

async function load(ms) {
  await pn.sleep(ms);
  return {...{a: 1}, b: 2};
}

load(10).then((v) => console.log('resolved', v));
