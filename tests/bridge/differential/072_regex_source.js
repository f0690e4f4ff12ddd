console.log(/a\/b/.source, new RegExp("a/b").source, String(/x\/y/g), new RegExp("").source, /[/]/.source);
console.log(String(new RegExp("a\nb")), new RegExp("\\\\/").source);
