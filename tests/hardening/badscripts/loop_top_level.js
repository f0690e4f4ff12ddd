// expect: nterrupt
// at: file
// needs: watchdog
let spins = 0;
while (true) { spins++; }
