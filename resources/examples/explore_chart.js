// Exploring a live chart with Bokeh's tools. Drag to pan, use the wheel to
// zoom around the cursor, pick box zoom in the toolbar and drag a box (Escape
// cancels), hover for the nearest values, click a legend entry to hide its
// line; a zoomed view stays put while data streams in until you reset it
// (toolbar or double-click). The x axis follows the latest 400 points.
const cds = new pn.models.ColumnDataSource({data: {t: [], price: [], mean: []}});
const p = pn.plotting.figure({
  title: 'Live price', width: 700, height: 320, x_axis_label: 't',
  x_range: new pn.models.DataRange1d({follow: 'end', follow_interval: 400}),
});
p.line({x: 't', y: 'price', source: cds, legend_label: 'price'});
p.line({x: 't', y: 'mean', source: cds, legend_label: 'moving mean', line_width: 2});
p.legend.click_policy = 'hide';

function randn() {  // standard normal sample (Box-Muller)
  return Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());
}

const state = {t: 0, price: 100, mean: 100};
pn.state.add_periodic_callback(pn.io.with_lock(async () => {
  const t = [], price = [], mean = [];
  for (let i = 0; i < 5; i++) {
    state.price += randn() * 0.5;
    state.mean += (state.price - state.mean) / 20;
    t.push(state.t++);
    price.push(state.price);
    mean.push(state.mean);
  }
  cds.stream({t, price, mean}, 5000);
}), 50);
pn.Column(pn.pane.Chart(p)).servable();
