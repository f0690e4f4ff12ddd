// expect: nterrupt
// at: 5
// needs: memory limit
const hoard = [];
while (true) hoard.push(new Array(1e6).fill(1));
