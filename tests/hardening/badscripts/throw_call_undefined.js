// expect: TypeError
// at: 4
const config = {};
config.load();
