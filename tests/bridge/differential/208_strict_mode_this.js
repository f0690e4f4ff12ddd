"use strict";
function f() { return this; }
console.log(f(), typeof (() => this)());
try { undeclared = 1; } catch (e) { console.log(e.name); }
try { Object.defineProperty({}, "x", { value: 1 }).x = 2; } catch (e) { console.log(e.name); }
