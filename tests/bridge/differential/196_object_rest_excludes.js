const { a, ...others } = Object.create({ inherited: 1 }, { a: { value: 1, enumerable: true }, b: { value: 2, enumerable: true }, c: { value: 3, enumerable: false } });
console.log(a, JSON.stringify(others));
function pick({ id, ...rest }) { return [id, Object.keys(rest).length]; }
console.log(pick({ id: 7, x: 1, y: 2 }).join());
