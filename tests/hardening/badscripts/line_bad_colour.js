// expect: 'notacolor' is not a colour
// at: 5
const cds = new pn.models.ColumnDataSource({data: {x: [1], y: [2]}});
const f = pn.plotting.figure({title: 't'});
f.line({x: 'x', y: 'y', source: cds, color: 'notacolor'});
