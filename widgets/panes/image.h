#pragma once
// Panel's Image / JPG / PNG panes. `object` is encoded image bytes
// (QByteArray), a QImage, or a URL (QString or QUrl) fetched asynchronously
// with a timeout, redirect and size limits. The image is scaled to the
// available width keeping its aspect ratio. Failures never throw: the pane
// shows the error (naming the URL) and `error` holds it. Setting a new
// `object` cancels a fetch still in flight; only the latest object shows.
//
//   auto* image = new qpanel::JPG(QUrl("https://picsum.photos/800/300"));
//   image->set("object", bytes);   // re-renders

#include <QImage>

#include "core/fetch.h"
#include "widgets/component.h"

namespace qpanel {

class ImageView;

class Image : public Component {
    Q_OBJECT

public:
    explicit Image(const QVariantMap& params = {}, QObject* parent = nullptr);
    explicit Image(const QVariant& object, QObject* parent = nullptr);
    ~Image() override;

    /// Limits for URL fetches (timeout, size, redirects, which files may be read).
    void setFetchOptions(FetchOptions options) { fetchOptions_ = std::move(options); }
    const FetchOptions& fetchOptions() const { return fetchOptions_; }

    /// The decoded image shown (null while empty, fetching or failed).
    const QImage& image() const { return image_; }
    QString error() const { return get(QStringLiteral("error")).toString(); }

signals:
    /// The shown image or error changed (a load finished).
    void loaded();

protected:
    Image(QString typeName, const QVariantMap& params, QObject* parent);
    QWidget* createView() override;
    void syncView(const QString& name, const QVariant& value) override;

private:
    void load(const QVariant& object);
    void fetchUrl(const QUrl& url);
    void show(const QImage& image, const QString& error);
    void decode(const QByteArray& bytes, const QString& source);

    FetchOptions fetchOptions_;
    QImage image_;
    quint64 generation_ = 0;
    quint64 fetchTask_ = 0;
    ImageView* imageView_ = nullptr;
};

/// Panel's JPG pane (decodes any format Qt knows; the name is Panel's).
class JPG : public Image {
    Q_OBJECT

public:
    explicit JPG(const QVariantMap& params = {}, QObject* parent = nullptr)
        : Image(QStringLiteral("JPG"), params, parent) {}
    explicit JPG(const QVariant& object, QObject* parent = nullptr)
        : Image(QStringLiteral("JPG"), {{QStringLiteral("object"), object}}, parent) {}
};

class PNG : public Image {
    Q_OBJECT

public:
    explicit PNG(const QVariantMap& params = {}, QObject* parent = nullptr)
        : Image(QStringLiteral("PNG"), params, parent) {}
    explicit PNG(const QVariant& object, QObject* parent = nullptr)
        : Image(QStringLiteral("PNG"), {{QStringLiteral("object"), object}}, parent) {}
};

}  // namespace qpanel
