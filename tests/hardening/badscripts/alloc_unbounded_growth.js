// expect: nterrupt
// at: file
// limit: 200
// needs: watchdog
// Memory grows without bound; the script time limit stops it before the
// machine runs out (QJSEngine has no heap limit to set).
const hoard = [];
while (true) hoard.push(new Array(1e6).fill(1));
