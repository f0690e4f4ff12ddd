// expect: interval failed
// at: 5
let n = 0;
const id = setInterval(() => {
  if (++n === 3) { clearInterval(id); throw new Error('interval failed'); }
}, 5);
