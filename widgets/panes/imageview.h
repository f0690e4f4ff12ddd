#pragma once
// Draws an image scaled to the available width keeping its aspect ratio
// (never above its natural size), or an error box in its place.

#include <QImage>
#include <QWidget>

namespace qpanel {

class ErrorBox;

class ImageView : public QWidget {
    Q_OBJECT

public:
    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void setError(const QString& message);
    const QImage& image() const { return image_; }
    QString error() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    /// Where the image is drawn for the current size.
    QRect imageRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QImage image_;
    ErrorBox* errorBox_;
};

}  // namespace qpanel
