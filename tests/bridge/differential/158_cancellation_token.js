function delay(ms, signal) {
  return new Promise((resolve, reject) => {
    const id = setTimeout(resolve, ms, "done");
    signal.onCancel = () => { clearTimeout(id); reject(new Error("cancelled")); };
  });
}
const signal = {};
delay(50, signal).then(console.log, (e) => console.log(e.message));
setTimeout(() => signal.onCancel(), 1);
