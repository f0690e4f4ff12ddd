// expect: column 'y' has 1 values but 'x' has 3
// at: 4
const before = 1;
const w = new pn.models.ColumnDataSource({data: {x: [1, 2, 3], y: [1]}});
