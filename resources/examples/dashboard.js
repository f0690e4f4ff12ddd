// A dashboard combining the other examples: sidebar controls, a streaming chart, an image and a background job.
// A periodic callback streams a noisy signal into the chart under the
// document lock; the Select sets its period and the Toggle pauses it. The
// slider picks the image (fetched asynchronously; a failed fetch is shown in
// the pane). "Run job" drives a progress bar from an async callback; a new
// click restarts the job. IMAGE_URL may be overridden with QPANEL_IMAGE_URL.
const IMAGE_URL = pn.env('QPANEL_IMAGE_URL', 'https://picsum.photos/800/300?image={index}');

// ---- sidebar controls ------------------------------------------------------
const image_index = pn.widgets.IntSlider({name: 'Image', start: 0, end: 10, value: 1});
const period = pn.widgets.Select({name: 'Update every', options: ['250 ms', '500 ms', '1000 ms'], value: '500 ms'});
const streaming = pn.widgets.Toggle({name: 'Streaming', value: true});
const run = pn.widgets.Button({name: 'Run job', button_type: 'primary'});
const reset = pn.widgets.Button({name: 'Reset chart'});

// ---- streaming chart -------------------------------------------------------
const cds = new pn.models.ColumnDataSource({data: {t: [], value: [], mean: []}});
const fig = pn.plotting.figure({title: 'Signal', height: 280, x_axis_label: 'tick', y_axis_label: 'value'});
fig.line({x: 't', y: 'value', source: cds, legend_label: 'value', line_width: 1});
fig.line({x: 't', y: 'mean', source: cds, color: 'orange', legend_label: 'running mean', line_width: 2});

let t = 0, value = 0, mean = 0;
const tick = pn.io.with_lock(async () => {
  await pn.sleep(5);                          // pretend to read an instrument
  value += (Math.random() - 0.5) * 2;
  mean += (value - mean) * 0.1;
  cds.stream({t: [t++], value: [value], mean: [mean]}, 300);
});
const streamer = pn.state.add_periodic_callback(tick, 500);

period.param.watch((e) => { streamer.period = parseInt(e.new, 10); }, 'value');
streaming.param.watch((e) => { if (e.new) streamer.start(); else streamer.stop(); }, 'value');
reset.on_click(pn.io.with_lock(async () => {
  t = 0; value = 0; mean = 0;
  cds.data = {t: [], value: [], mean: []};
}));

// ---- image -----------------------------------------------------------------
async function load_image(index) {
  const url = IMAGE_URL.replace('{index}', index);
  try {
    const resp = await pn.fetch(url, {timeout: 8000});
    if (!resp.ok) return pn.pane.Markdown(`**Image ${index} unavailable**: ${resp.status} ${resp.statusText} from ${url}`);
    return pn.pane.JPG(await resp.bytes());
  } catch (e) {
    if (e.name === 'CancelledError') throw e;  // a newer index replaced this one
    return pn.pane.Markdown(`**Image ${index} unavailable**: ${e.message}`);
  }
}

// ---- background job with progress ----------------------------------------
const progress = pn.indicators.Progress({value: 0, max: 100, active: false});
const job_status = pn.widgets.StaticText({value: 'Idle'});

run.on_click(async (event) => {
  progress.active = true;
  for (let step = 0; step <= 20; step++) {
    progress.value = step * 5;
    job_status.value = `Job ${event.new}: step ${step} of 20`;
    await pn.sleep(100);
  }
  progress.active = false;
  job_status.value = `Job ${event.new} finished`;
}, {exclusive: true});

// ---- layout ----------------------------------------------------------------
const sidebar = pn.Column(pn.pane.Markdown('### Controls'), image_index, period, streaming, run, reset, {width: 240});
const main = pn.Column(
  pn.pane.Chart(fig),
  pn.Row(pn.Card(progress, job_status, {title: 'Job'}),
         pn.Card(pn.bind(load_image, image_index), {title: 'Image'})));

pn.Row(sidebar, main).servable({title: 'qpanel dashboard'});
