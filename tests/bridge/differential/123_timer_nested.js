setTimeout(() => {
  console.log("outer");
  setTimeout(() => console.log("inner"), 0);
  Promise.resolve().then(() => console.log("outer micro"));
}, 0);
setTimeout(() => console.log("second"), 0);
