// expect: nterrupt
// at: file
// needs: watchdog
pn.state.add_periodic_callback(() => {
  while (true) {}
}, {period: 10, count: 1});
