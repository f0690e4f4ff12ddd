#include "bridge/stacktrace.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

namespace qpanel {

bool parseStackFrame(const QString& text, StackFrame& frame) {
    static const QRegularExpression pattern(QStringLiteral("^(.*)@(.+):(\\d+)$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch()) return false;
    frame = {match.captured(1), match.captured(2), match.captured(3).toInt()};
    return true;
}

QString collapseRepeatedFrames(const QString& stack) {
    // Fewer repeats than this are left alone: they read fine as they are.
    constexpr qsizetype kFoldAfter = 3;
    const QStringList lines = stack.split(QLatin1Char('\n'));
    QStringList out;
    for (qsizetype i = 0; i < lines.size();) {
        qsizetype run = 1;
        while (i + run < lines.size() && lines[i + run] == lines[i]) ++run;
        if (run <= kFoldAfter) {
            for (qsizetype k = 0; k < run; ++k) out << lines[i];
        } else {
            StackFrame frame;
            const QString where = parseStackFrame(lines[i], frame)
                                      ? QStringLiteral("%1 at %2:%3")
                                            .arg(frame.function, frame.fileName)
                                            .arg(frame.line)
                                      : lines[i];
            out << lines[i]
                << QStringLiteral("… %1 more frames of %2")
                       .arg(QLocale(QLocale::English).toString(run - 1), where);
        }
        i += run;
    }
    return out.join(QLatin1Char('\n'));
}

QString stackForUsers(const QString& stack) {
    QStringList kept;
    bool userFrame = false;
    for (const QString& line : stack.split(QLatin1Char('\n'))) {
        StackFrame frame;
        const bool isFrame = parseStackFrame(line, frame);
        if (isFrame && frame.fileName.startsWith(QLatin1String("qrc:/qpanel/"))) continue;
        userFrame = userFrame || isFrame;
        kept << line;
    }
    return collapseRepeatedFrames(userFrame ? kept.join(QLatin1Char('\n')) : stack);
}

bool recursingFrame(const QString& stack, StackFrame& frame) {
    const QStringList lines = stack.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    StackFrame top;
    if (lines.size() < 3 || !parseStackFrame(lines[0], top) || !parseStackFrame(lines[1], frame))
        return false;
    return frame.function == top.function && frame.fileName == top.fileName;
}

}  // namespace qpanel
