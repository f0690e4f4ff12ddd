// expect: bad device
// at: 5
class Device {
  constructor(port) {
    if (port < 0) throw new RangeError('bad device port ' + port);
  }
}
new Device(-1);
