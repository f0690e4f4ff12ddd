const text = '{"date":"2020-01-01T00:00:00.000Z","items":[{"n":1},{"n":2}],"drop":"me"}';
const seen = [];
const obj = JSON.parse(text, function (k, v) {
  seen.push(k);
  if (k === "drop") return undefined;
  if (k === "date") return new Date(v).getUTCFullYear();
  if (k === "n") return v * 100;
  return v;
});
console.log(JSON.stringify(obj), seen.join("|"));
