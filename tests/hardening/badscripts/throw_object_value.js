// expect: uncaught value { code: 1 } thrown
// at: 4
const failed = true;
if (failed) throw {code: 1};
