// expect: nobody handles this
// at: 3
const p = Promise.reject(new Error('nobody handles this'));
