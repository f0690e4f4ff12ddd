// expect: rejected with a plain string
// at: file
// A non-Error value has no stack: the error names the file only.
const p = Promise.reject('rejected with a plain string');
