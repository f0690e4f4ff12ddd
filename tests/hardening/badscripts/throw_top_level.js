// expect: the app could not start
// at: 4
const x = 1;
throw new Error('the app could not start');
