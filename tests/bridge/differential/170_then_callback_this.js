"use strict";
Promise.resolve().then(function () { console.log("this in then", this === undefined); });
(async function () { console.log("this in strict async fn", this === undefined); })();
