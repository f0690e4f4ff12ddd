#include "python/pyconvert.h"

#include <QThread>
#include <cstring>

namespace qpanel::python {

namespace {
// Leaked on purpose: released before the interpreter ends (clearWrapperFactory).
py::object* wrapperFactory = nullptr;
}  // namespace

void requireOwnThread(const QObject* object) {
    if (object->thread() == QThread::currentThread()) return;
    throw std::runtime_error(
        "qpanel components and charts can only be used on the GUI thread, not from a worker "
        "thread (run_in_executor, asyncio.to_thread, threading): return the result to the "
        "callback and use it there, or hand it over with loop.call_soon_threadsafe()");
}

Component* ComponentRef::require() const {
    if (!component) throw ParamError("this component no longer exists (its app was closed)");
    requireOwnThread(component.data());
    return component.data();
}

void setWrapperFactory(py::object factory) {
    clearWrapperFactory();
    wrapperFactory = new py::object(std::move(factory));
}

void clearWrapperFactory() {
    delete wrapperFactory;
    wrapperFactory = nullptr;
}

py::object wrap(Component* component) {
    if (!component) return py::none();
    ComponentRef ref{component};
    if (!wrapperFactory) return py::cast(ref);
    return (*wrapperFactory)(ref);
}

QVariant toVariant(py::handle value) {
    if (value.is_none()) return QVariant();
    if (py::isinstance<py::bool_>(value)) return value.cast<bool>();
    if (py::isinstance<py::int_>(value)) {
        const long long n = value.cast<long long>();
        if (n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max())
            return int(n);
        return n;
    }
    if (py::isinstance<py::float_>(value)) return value.cast<double>();
    if (py::isinstance<py::str>(value)) return QString::fromStdString(value.cast<std::string>());
    if (py::isinstance<py::bytes>(value)) {
        const std::string_view bytes = value.cast<std::string_view>();
        return QByteArray(bytes.data(), qsizetype(bytes.size()));
    }
    if (py::isinstance<py::bytearray>(value) || py::isinstance<py::memoryview>(value)) {
        const py::bytes bytes(py::reinterpret_steal<py::object>(PyBytes_FromObject(value.ptr())));
        return toVariant(bytes);
    }
    if (py::isinstance<ComponentRef>(value))
        return QVariant::fromValue<QObject*>(value.cast<ComponentRef&>().require());
    if (py::hasattr(value, "_c")) return toVariant(value.attr("_c"));
    if (py::isinstance<py::dict>(value)) {
        QVariantMap map;
        for (auto [k, v] : value.cast<py::dict>())
            map.insert(QString::fromStdString(py::str(k)), toVariant(v));
        return map;
    }
    if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
        QVariantList list;
        for (py::handle item : value) list.append(toVariant(item));
        return list;
    }
    // numpy scalars and other numbers.
    if (PyIndex_Check(value.ptr()))
        return toVariant(py::int_(py::reinterpret_borrow<py::object>(value)));
    if (PyFloat_Check(value.ptr()) || PyNumber_Check(value.ptr()))
        return PyFloat_AsDouble(value.ptr());
    throw ParamError(
        QStringLiteral("a %1 cannot be a param value (use None, bool, int, float, str, "
                       "bytes, a list, a dict or a component)")
            .arg(QString::fromStdString(py::str(value.get_type().attr("__name__"))))
            .toStdString());
}

py::object toPython(const QVariant& value) {
    if (!value.isValid() || value.isNull()) {
        if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
            return py::none();
    }
    switch (value.typeId()) {
        case QMetaType::Bool:
            return py::bool_(value.toBool());
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            return py::int_(value.toLongLong());
        case QMetaType::Double:
        case QMetaType::Float:
            return py::float_(value.toDouble());
        case QMetaType::QString:
            return py::str(value.toString().toStdString());
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            return py::bytes(bytes.constData(), size_t(bytes.size()));
        }
        case QMetaType::QStringList:
        case QMetaType::QVariantList: {
            py::list list;
            for (const QVariant& item : value.toList()) list.append(toPython(item));
            return list;
        }
        case QMetaType::QVariantMap: {
            py::dict dict;
            const QVariantMap map = value.toMap();
            for (auto it = map.cbegin(); it != map.cend(); ++it)
                dict[py::str(it.key().toStdString())] = toPython(it.value());
            return dict;
        }
        default:
            break;
    }
    if (Component* component = componentFrom(value)) return wrap(component);
    if (value.canConvert<QString>()) return py::str(value.toString().toStdString());
    return py::none();
}

ColumnDataSource::Columns columnsFrom(py::handle data, const QString& where) {
    if (!py::isinstance<py::dict>(data))
        throw DataError(
            QStringLiteral("%1: data must be a dict of columns, not %2")
                .arg(where, QString::fromStdString(py::str(data.get_type().attr("__name__"))))
                .toStdString());
    ColumnDataSource::Columns columns;
    for (auto [key, value] : data.cast<py::dict>()) {
        const QString name = QString::fromStdString(py::str(key));
        std::vector<double> column;
        if (PyObject_CheckBuffer(value.ptr())) {
            // One float64 view of the whole array (a conversion only if it
            // is another dtype), copied in one block.
            auto array =
                py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(value);
            if (!array) throw py::error_already_set();
            if (array.ndim() != 1)
                throw DataError(QStringLiteral("%1: column '%2' must be one-dimensional, not %3-d")
                                    .arg(where, name)
                                    .arg(array.ndim())
                                    .toStdString());
            column.resize(size_t(array.size()));
            if (!column.empty())
                std::memcpy(column.data(), array.data(), column.size() * sizeof(double));
        } else {
            py::list items(py::reinterpret_borrow<py::object>(value));
            column.reserve(items.size());
            size_t i = 0;
            for (py::handle item : items) {
                const double v = PyFloat_AsDouble(item.ptr());
                if (v == -1.0 && PyErr_Occurred()) {
                    PyErr_Clear();
                    throw DataError(QStringLiteral("%1: column '%2' item %3 is not a number (%4)")
                                        .arg(where, name)
                                        .arg(i)
                                        .arg(QString::fromStdString(py::repr(item)))
                                        .toStdString());
                }
                column.push_back(v);
                ++i;
            }
        }
        columns.append({name, std::move(column)});
    }
    return columns;
}

}  // namespace qpanel::python
