// expect: undefinedWidget
// at: 4
const row = pn.Row();
row.append(undefinedWidget);
