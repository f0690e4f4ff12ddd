#pragma once

#include <QString>

namespace qpanel {

/// One frame of a V4 stack ("function@file:line").
struct StackFrame {
    QString function;
    QString fileName;
    int line = 0;
};

/// Parses one line of a V4 stack string; false if it is no frame.
bool parseStackFrame(const QString& text, StackFrame& frame);

/// The stack with runs of one repeated frame (deep recursion) folded into
/// "… 1,230 more frames of down at app.js:4", so a console shows few lines.
QString collapseRepeatedFrames(const QString& stack);

/// The stack as users see it: without qpanel's own frames (its qrc: scripts,
/// such as pn.js and the promise machinery, which say nothing about the
/// user's code) unless no other frame is left, then folded as above.
QString stackForUsers(const QString& stack);

/// V4 raises a stack overflow on entering a function, before the call has a
/// line of its own: its top frame says line 1. The recursing call is the
/// frame below, in the same function; that frame, or nothing.
bool recursingFrame(const QString& stack, StackFrame& frame);

}  // namespace qpanel
