// expect: nothing
// then: close
const t = pn.widgets.StaticText({name: 'Out'});
setTimeout(() => { t.value = 'too late'; console.log('timer ran after close'); }, 50);
