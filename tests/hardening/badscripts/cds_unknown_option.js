// expect: unknown option 'columns'
// at: 4
const before = 1;
const w = new pn.models.ColumnDataSource({columns: {x: [1]}});
