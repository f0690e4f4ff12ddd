#include "widgets/panes/image.h"

#include <QBuffer>
#include <QImageReader>
#include <QPixmap>

#include "core/runtime.h"
#include "widgets/panes/imageview.h"

namespace qpanel {

Image::Image(const QVariantMap& params, QObject* parent)
    : Image(QStringLiteral("Image"), params, parent) {}

Image::Image(const QVariant& object, QObject* parent)
    : Image(QStringLiteral("Image"), {{QStringLiteral("object"), object}}, parent) {}

Image::Image(QString typeName, const QVariantMap& params, QObject* parent)
    : Component(std::move(typeName), parent) {
    declare({QStringLiteral("object"), QMetaType::fromType<QVariant>(), QVariant(), false, true});
    declare({QStringLiteral("error"), QMetaType::fromType<QString>(), QString(), true});
    connect(this, &Parameterized::paramChanged, this,
            [this](const QString& name, const QVariant& v) {
                if (name == QLatin1String("object")) load(v);
            });
    configure(params);
}

Image::~Image() {
    if (Runtime* runtime = Runtime::ifExists(); runtime && fetchTask_)
        runtime->tasks().cancel(fetchTask_);
}

QWidget* Image::createView() {
    imageView_ = new ImageView;
    return imageView_;
}

void Image::syncView(const QString& name, const QVariant&) {
    if (name != QLatin1String("object") && name != QLatin1String("error")) return;
    if (error().isEmpty())
        imageView_->setImage(image_);
    else
        imageView_->setError(error());
}

void Image::load(const QVariant& object) {
    ++generation_;  // whatever was loading is now stale
    if (fetchTask_) Runtime::instance().tasks().cancel(std::exchange(fetchTask_, 0));
    image_ = QImage();
    setInternal(QStringLiteral("loading"), false);
    setInternal(QStringLiteral("error"), QString());
    if (existingView()) syncView(QStringLiteral("object"), {});
    switch (object.metaType().id()) {
        case QMetaType::UnknownType:
            return show({}, {});
        case QMetaType::QByteArray:
            return decode(object.toByteArray(), {});
        case QMetaType::QImage:
            return show(object.value<QImage>(), {});
        case QMetaType::QPixmap:
            return show(object.value<QPixmap>().toImage(), {});
        case QMetaType::QUrl:
            return fetchUrl(object.toUrl());
        case QMetaType::QString:
            return fetchUrl(QUrl::fromUserInput(object.toString()));
        default:
            show({}, QStringLiteral("%1 cannot show a %2; give it image bytes, a QImage or a URL")
                         .arg(typeName(), QString::fromLatin1(object.metaType().name())));
    }
}

void Image::fetchUrl(const QUrl& url) {
    const quint64 generation = generation_;
    QPointer<Image> self(this);
    auto body = [self, url, generation, options = fetchOptions_]() -> QCoro::Task<> {
        QString failure;
        try {
            const Response response = co_await fetch(url, options);
            if (!self || self->generation_ != generation) co_return;
            if (response.ok()) {
                self->decode(response.body, displayUrl(url));
                co_return;
            }
            failure = QStringLiteral("fetch %1: HTTP %2 %3")
                          .arg(displayUrl(url))
                          .arg(response.status)
                          .arg(response.statusText);
        } catch (const TaskCancelled&) {
            throw;
        } catch (const std::exception& e) {
            failure = QString::fromUtf8(e.what());
        }
        // Shown in the pane, not reported: a broken image is content, not a crash.
        if (self && self->generation_ == generation) self->show({}, failure);
    };
    fetchTask_ = Runtime::instance().spawn(
        std::move(body),
        SpawnOptions{QStringLiteral("%1 fetch %2").arg(label(), displayUrl(url)), this, {}, {}});
    if (generation_ == generation && Runtime::instance().tasks().contains(fetchTask_))
        setInternal(QStringLiteral("loading"), true);
}

void Image::decode(const QByteArray& bytes, const QString& source) {
    QBuffer buffer;
    buffer.setData(bytes);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);  // honour EXIF rotation, as browsers do
    QImage image = reader.read();
    if (!image.isNull()) return show(image, {});
    const QString where = source.isEmpty()
                              ? QStringLiteral("image data (%1 bytes)").arg(bytes.size())
                              : QStringLiteral("%1 (%2 bytes)").arg(source).arg(bytes.size());
    show(
        {},
        QStringLiteral("%1: could not decode %2: %3").arg(typeName(), where, reader.errorString()));
}

void Image::show(const QImage& image, const QString& error) {
    image_ = image;
    fetchTask_ = 0;  // called when a load ends
    setInternal(QStringLiteral("loading"), false);
    setInternal(QStringLiteral("error"), error);
    if (existingView()) syncView(QStringLiteral("object"), {});
    emit loaded();
}

}  // namespace qpanel
