#pragma once
// Encoded images for tests that serve or decode pictures (image panes, the
// examples' fetches through a local server).

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QImage>

namespace qpanel::test {

/// A size.width() x size.height() image of one colour, encoded as `format` ("JPG", "PNG").
inline QByteArray solidImageBytes(QSize size, QColor colour, const char* format = "JPG") {
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

}  // namespace qpanel::test
