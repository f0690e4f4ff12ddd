const composed = "\u00e9", decomposed = "e\u0301";
console.log(composed === decomposed, composed.normalize() === decomposed.normalize(), composed.length, decomposed.normalize("NFC").length);
console.log("😀".length, Array.from("😀😁").length, "😀".codePointAt(0).toString(16), "\u{1F600}" === "😀");
