// expect: failed at top level
// at: 4
await pn.sleep(5);
throw new Error('failed at top level after await');
