// expect: with 'new'
// at: 4
const before = 1;
const w = pn.models.ColumnDataSource({data: {x: [1]}});
