// Soak app: the streaming and periodic examples at a faster pace, plus a
// bound function and widget updates. The soak driver clicks the button and
// moves the slider; RSS must stay flat once the rollover windows are full.
const cds = new pn.models.ColumnDataSource({data: {t: [], v: []}});
const fig = pn.plotting.figure({title: 'Random walk', width: 600, height: 300});
fig.line({x: 't', y: 'v', source: cds});
const clicked = new pn.models.ColumnDataSource({data: {x: [0], y: [0]}});
const fig2 = pn.plotting.figure({title: 'Clicks', width: 600, height: 300});
fig2.line({x: 'x', y: 'y', source: clicked});

const status = pn.widgets.StaticText({value: 'starting'});
const progress = pn.indicators.Progress({value: 0, max: 100});
const button = pn.widgets.Button({name: 'Stream'});
const slider = pn.widgets.IntSlider({name: 'n', start: 0, end: 1000, value: 0});

let t = 0, v = 0, ticks = 0;
const tick = pn.io.with_lock(async () => {
  await pn.sleep(5);
  v += Math.random() - 0.5;
  cds.stream({t: [t++], v: [v]}, 2000);
});
pn.state.add_periodic_callback(tick, 20);
pn.state.add_periodic_callback(() => {
  ticks += 1;
  progress.value = ticks % 101;
  status.value = `ticks ${ticks}, points ${t}`;
}, 50);

button.on_click(pn.io.with_lock(async () => {
  await pn.sleep(50);
  const x = clicked.data.x[clicked.data.x.length - 1];
  const xs = [], ys = [];
  for (let i = 1; i <= 5; i++) { xs.push(x + i); ys.push(Math.sin((x + i) / 10)); }
  clicked.stream({x: xs, y: ys}, 1000);
}));

const view = pn.bind(async (n) => {
  await pn.sleep(10);
  return `**n = ${n}**, squared ${n * n}`;
}, slider);

pn.Column(pn.Row(button, slider, status, progress), view, pn.pane.Chart(fig), pn.pane.Chart(fig2)).servable();
