// expect: pn.fetch: unknown option 'retries'
// at: 4
const before = 1;
const w = pn.fetch('http://127.0.0.1:9/', {retries: 3});
