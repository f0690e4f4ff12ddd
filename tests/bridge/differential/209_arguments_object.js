function sloppy(a) { a = 2; return arguments[0]; }
function strict(a) { "use strict"; a = 2; return arguments[0]; }
function count() { return arguments.length + ":" + Array.prototype.slice.call(arguments).join(); }
console.log(sloppy(1), strict(1), count(1, 2, 3), count());
