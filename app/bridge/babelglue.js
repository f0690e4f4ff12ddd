// Glue evaluated after babel.min.js in the transpiler's own engine.
// __qpanelTranspile(source, sourceFileName, isTypeScript) -> JSON string:
// {code, map, topLevelAwait} or {error: {message, line, column}} (line/column 1-based).
(function (global) {
    'use strict';

    // Babel's generator trims with trimRight/trimLeft (e.g. a script that ends
    // in a comment); Qt 6.4's engine has none of the trim aliases.
    [['trimEnd', /\s+$/], ['trimRight', /\s+$/], ['trimStart', /^\s+/], ['trimLeft', /^\s+/]]
        .forEach(function (alias) {
            if (typeof String.prototype[alias[0]] === 'function') return;
            Object.defineProperty(String.prototype, alias[0], {
                value: function () { return String(this).replace(alias[1], ''); },
                writable: true, configurable: true,
            });
        });

    // Forms Babel passes through untouched but Qt 6.4's engine cannot run.
    function unsupportedForms(api) {
        function fail(path, what) {
            var err = path.buildCodeFrameError(what);
            var start = path.node.loc && path.node.loc.start;
            if (start) err.qpanelLoc = {line: start.line, column: start.column};
            throw err;
        }
        return {
            visitor: {
                BigIntLiteral: function (path) {
                    fail(path, 'BigInt literals are not supported by the Qt 6.4 JavaScript engine');
                },
                RegExpLiteral: function (path) {
                    if (/\(\?<[=!]/.test(path.node.pattern))
                        fail(path, 'regular expression lookbehind (?<= / (?<! is not supported ' +
                                       'by the Qt 6.4 JavaScript engine');
                },
                Import: function (path) {
                    fail(path, 'dynamic import() is not supported in app scripts');
                },
                MetaProperty: function (path) {
                    if (path.node.meta.name === 'import')
                        fail(path, 'import.meta is not supported in app scripts');
                },
            },
        };
    }

    function isProtoKey(t, node) {
        return t.isIdentifier(node, {name: '__proto__'}) || t.isStringLiteral(node, {value: '__proto__'});
    }

    // V4 makes `{__proto__: p}` an own property instead of the prototype.
    // Babel's own bundle hits this too: its named-group maps come out with a
    // stray computed ["__proto__"]: null entry, which we drop.
    function protoLiterals(api) {
        var t = api.types;
        return {
            visitor: {
                ObjectExpression: function (path) {
                    var props = path.node.properties;
                    for (var i = 0; i < props.length; i++) {
                        var p = props[i];
                        if (!t.isObjectProperty(p) || !isProtoKey(t, p.key)) continue;
                        if (p.computed) {
                            if (t.isNullLiteral(p.value)) props.splice(i--, 1);
                            continue;
                        }
                        if (p.shorthand) continue;
                        props.splice(i, 1);
                        var setProto = t.memberExpression(t.identifier('Object'), t.identifier('setPrototypeOf'));
                        path.replaceWith(t.callExpression(setProto, [path.node, p.value]));
                        return;
                    }
                },
            },
        };
    }

    function containsTopLevelAwait(path) {
        var found = false;
        path.traverse({
            Function: function (p) { p.skip(); },
            AwaitExpression: function (p) { found = true; p.stop(); },
            ForOfStatement: function (p) {
                if (p.node.await) { found = true; p.stop(); }
            },
        });
        return found;
    }

    // A script is no module, so top-level await runs inside an async arrow (the
    // script's completion value is its promise; the host watches it for rejection).
    var sawTopLevelAwait = false;
    function topLevelAwait(api) {
        var t = api.types;
        return {
            visitor: {
                Program: function (path) {
                    if (!containsTopLevelAwait(path)) return;
                    sawTopLevelAwait = true;
                    var body = path.node.body;
                    var arrow = t.arrowFunctionExpression([], t.blockStatement(body, path.node.directives), true);
                    path.node.directives = [];
                    path.node.body = [t.expressionStatement(t.callExpression(arrow, []))];
                },
            },
        };
    }

    // Async functions use qpanel's driver (__qpanel.asyncToGenerator,
    // polyfills.js) instead of the helper Babel would inline: same order of
    // ticks, fewer objects per call and per await.
    function asyncDriver(api) {
        var t = api.types;
        return {
            pre: function (file) {
                file.set('helperGenerator', function (name) {
                    if (name === 'asyncToGenerator')
                        return t.memberExpression(t.identifier('__qpanel'), t.identifier('asyncToGenerator'));
                    return undefined;
                });
            },
        };
    }

    // node skips a "#!" first line; V4 does not know it.
    function hashbang() {
        return {visitor: {Program: function (path) { path.node.interpreter = null; }}};
    }

    function cleanMessage(message) {
        var first = String(message).split('\n')[0];
        return first.replace(/^\/?script\.[jt]s: /, '').replace(/ \(\d+:\d+\)$/, '');
    }

    global.__qpanelTranspile = function (source, sourceFileName, isTypeScript) {
        // V4 6.4 finds u-flag matches only at index 0: rewrite them without u.
        var presets = [['env', {targets: {chrome: '51'}, modules: false,
                                include: ['transform-unicode-regex']}]];
        if (isTypeScript) presets.push(['typescript', {}]);
        sawTopLevelAwait = false;
        try {
            var result = Babel.transform(source, {
                filename: isTypeScript ? 'script.ts' : 'script.js',
                sourceFileName: sourceFileName,
                presets: presets,
                plugins: [hashbang, unsupportedForms, protoLiterals, topLevelAwait, asyncDriver],
                retainLines: true,
                sourceType: 'script',
                parserOpts: {allowAwaitOutsideFunction: true},
                sourceMaps: true,
                babelrc: false,
                configFile: false,
                comments: true,
            });
            return JSON.stringify({code: result.code, map: result.map, topLevelAwait: sawTopLevelAwait});
        } catch (e) {
            var loc = e.qpanelLoc || e.loc || {line: 0, column: 0};
            var message = cleanMessage(e.message);
            if (e.reasonCode === 'ImportOutsideModule')
                message = 'import/export (ES module syntax) is not supported in app scripts; ' +
                          'an app script is a plain script that uses the global pn object';
            return JSON.stringify({error: {message: message, line: loc.line, column: loc.column + 1}});
        }
    };
})(this);
