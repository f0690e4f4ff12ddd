const buf = new ArrayBuffer(8);
const view = new DataView(buf);
view.setUint16(0, 0x1234);
const bytes = new Uint8Array(buf);
console.log(bytes[0], bytes[1], view.getUint16(0, true), buf.byteLength);
const f = Float64Array.from([1.5, 2.5]);
console.log(f.length, f.reduce((a, b) => a + b), Array.from(new Int8Array([127, 128, 255])).join());
console.log(Array.from(new Uint8Array([3, 1, 2]).sort()).join(), new Uint8Array([1, 2, 3]).subarray(1).length);
