// expect: nothing
// then: wait 20
// then: close
pn.state.execute(async () => {
  try {
    await pn.fetch(pn.env('QPANEL_TEST_SERVER') + '/stall', {timeout: 60000});
    console.log('fetch resumed after close');
  } finally { console.log('finally ran on close'); }
});
