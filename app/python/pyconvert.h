#pragma once
// Values between Python and qpanel params (GIL held): None, bool, int,
// float, str, bytes, lists, dicts, and components (Python wrappers of
// qpanel components, see panel.py) both ways.

#include <QVariant>

#include "plots/columndatasource.h"
#include "python/pyref.h"
#include "widgets/component.h"

namespace qpanel::python {

/// What Python code holds for one qpanel component: a guarded pointer (the
/// app may close while Python still refers to it).
/// qpanel's objects live on the GUI thread: from a worker thread (an
/// executor job, asyncio.to_thread, threading) they are refused, not raced.
void requireOwnThread(const QObject* object);

struct ComponentRef {
    QPointer<Component> component;
    Component* require() const;  ///< throws ParamError once the component is gone
};

/// Param value from Python; a wrapper (anything with `_c`) becomes its Component*.
QVariant toVariant(py::handle value);
/// Python value for a param value; a component becomes its Python wrapper.
py::object toPython(const QVariant& value);
/// The Python wrapper of a component (made by panel.py's wrapper factory).
py::object wrap(Component* component);
/// panel.py registers the function that makes wrappers: fn(ComponentRef) -> wrapper.
void setWrapperFactory(py::object factory);
void clearWrapperFactory();

/// {name: list | range | numpy array | any sequence of numbers} as source
/// columns. Arrays (anything with the buffer protocol) are read as one
/// float64 block, without a Python object per element.
ColumnDataSource::Columns columnsFrom(py::handle data, const QString& where);

}  // namespace qpanel::python
