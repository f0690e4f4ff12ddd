// The `_qpanel` module: qpanel's C++ components for panel.py and bokeh.py
// (the Python halves of the API). Components, sources, figures and periodic
// callbacks are guarded references: once their app closes, using them is a
// clear error, never a crash. C++ errors become Python exceptions at the
// calling line (ParamError/DataError: ValueError; LockRequiredError:
// RuntimeError naming pn.io.with_lock).

#include "python/qpanelmodule.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>
#include <QTimer>
#include <cstdio>

#include "core/periodiccallback.h"
#include "core/reactive.h"
#include "plots/bokehoptions.h"
#include "plots/chartpane.h"
#include "plots/columndatasource.h"
#include "plots/figure.h"
#include "python/pyapp.h"
#include "python/pyconvert.h"
#include "python/pytaskhandle.h"
#include "session/componentfactory.h"
#include "widgets/layoutoptions.h"
#include "widgets/layouts/listlayout.h"
#include "widgets/layouts/tabs.h"
#include "widgets/panes/panel.h"
#include "widgets/panes/reactivepane.h"

namespace qpanel::python {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
std::string ss(const QString& s) {
    return s.toStdString();
}

struct SourceRef {
    QPointer<ColumnDataSource> source;
    ColumnDataSource* require() const {
        if (!source)
            throw ParamError("this ColumnDataSource no longer exists (its app was closed)");
        requireOwnThread(source.data());
        return source.data();
    }
};
struct FigureRef {
    QPointer<Figure> figure;
    Figure* require() const {
        if (!figure) throw ParamError("this figure no longer exists (its app was closed)");
        requireOwnThread(figure.data());
        return figure.data();
    }
};
struct PeriodicRef {
    QPointer<PeriodicCallback> periodic;
    PeriodicCallback* require() const {
        if (!periodic)
            throw ParamError("this periodic callback no longer exists (its app was closed)");
        requireOwnThread(periodic.data());
        return periodic.data();
    }
};
struct Policy {
    std::shared_ptr<PolicyState> state;
};
/// A bound function (pn.bind): panel.py refreshes it when a user
/// param.Parameterized dependency changes, and lays it out as a pane.
struct ReactiveRef {
    QPointer<Reactive> reactive;
};

Document* appDocument(const char* what) {
    return PyApp::require(what).document();
}

/// Parents a new object to the app's document, which owns it.
template <typename T>
T* adopt(T* object) {
    if (!object->parent()) object->setParent(appDocument("qpanel"));
    return object;
}

Component* componentOf(py::handle value) {
    const QVariant v = toVariant(value);
    if (Component* c = componentFrom(v)) return c;
    return adopt(panel(v));
}

py::object eventsTuple(const Events& events) {
    py::list list;
    for (const Event& e : events)
        list.append(
            py::make_tuple(ss(e.name), toPython(e.oldValue), toPython(e.newValue), ss(e.type)));
    return py::make_tuple(list);
}

std::shared_ptr<PolicyState> policyFrom(const std::string& mode, int limit) {
    if (mode == "exclusive") return std::make_shared<PolicyState>(CallbackPolicy::exclusive());
    if (mode == "limit")
        return std::make_shared<PolicyState>(CallbackPolicy::limitedTo(std::max(1, limit)));
    if (mode != "concurrent")
        throw ParamError("unknown callback mode '" + mode + "' (concurrent, exclusive or limit)");
    return std::make_shared<PolicyState>(CallbackPolicy::concurrent());
}

/// What a bound function's (awaited) result shows.
QCoro::Task<QVariant> settledValue(QPointer<PyApp> app, PyRef awaitable) {
    PyRef result = co_await app->drive(std::move(awaitable));
    if (!app) co_return QVariant();
    PyApp::Enter enter(app.data());
    co_return toVariant(*result);
}

/// A Python async generator as a stream: each step is driven like an await
/// of the task, each yielded value shown in turn (Panel's generator panes).
QCoro::AsyncGenerator<QVariant> streamedValues(QPointer<PyApp> app, PyRef generator) {
    for (;;) {
        if (!app) co_return;
        PyRef step;
        {
            PyApp::Enter enter(app.data());
            step = share(py::module_::import("qpanel_runtime").attr("next_step")(*generator));
        }
        PyRef pair = co_await app->drive(std::move(step));
        if (!app) co_return;
        QVariant value;
        bool done = false;
        {
            PyApp::Enter enter(app.data());
            const py::tuple t = pair->cast<py::tuple>();
            done = t[0].cast<bool>();
            if (!done) value = toVariant(t[1]);
        }
        if (done) co_return;
        co_yield value;
    }
}

void registerComponents(py::module_& m) {
    py::class_<ComponentRef>(m, "Component")
        .def_property_readonly("alive", [](const ComponentRef& r) { return !r.component.isNull(); })
        .def_property_readonly(
            "id",
            [](const ComponentRef& r) { return reinterpret_cast<std::uintptr_t>(r.require()); })
        .def_property_readonly("type_name",
                               [](const ComponentRef& r) { return ss(r.require()->typeName()); })
        .def_property_readonly("label",
                               [](const ComponentRef& r) { return ss(r.require()->label()); })
        .def("param_names",
             [](const ComponentRef& r) {
                 std::vector<std::string> names;
                 for (const QString& n : r.require()->paramNames()) names.push_back(ss(n));
                 return names;
             })
        .def("has_param", [](const ComponentRef& r,
                             const std::string& n) { return r.require()->hasParam(qs(n)); })
        .def("get", [](const ComponentRef& r,
                       const std::string& n) { return toPython(r.require()->get(qs(n))); })
        .def("set", [](const ComponentRef& r, const std::string& n,
                       py::handle v) { r.require()->set(qs(n), toVariant(v)); })
        .def("set_layout_option",
             [](const ComponentRef& r, const std::string& n, py::handle v) {
                 if (!r.require()->setLayoutOption(qs(n), toVariant(v)))
                     PyApp::require("a layout option")
                         .warnOnce(qs("layout option " + n), layoutoptions::ignoredWarning(qs(n)));
             })
        // set() if the component has the param, else false (Viewable.__setattr__).
        .def("set_if_param",
             [](const ComponentRef& r, const std::string& n, py::handle v) {
                 Component* c = r.require();
                 const QString name = qs(n);
                 if (!c->hasParam(name)) return false;
                 c->set(name, toVariant(v));
                 return true;
             })
        .def("update",
             [](const ComponentRef& r, const py::dict& values) {
                 QList<std::pair<QString, QVariant>> list;
                 for (auto [k, v] : values) list.append({qs(py::str(k)), toVariant(v)});
                 r.require()->update(list);
             })
        .def("trigger",
             [](const ComponentRef& r, const std::string& n) { r.require()->trigger(qs(n)); })
        .def("watch",
             [](const ComponentRef& r, const std::vector<std::string>& names, py::object relay,
                bool onlychanged, const std::string& origin) {
                 Component* c = r.require();
                 QStringList list;
                 for (const auto& n : names) list << qs(n);
                 QPointer<PyApp> app(&PyApp::require("param.watch"));
                 PyRef fn = share(std::move(relay));
                 const QString where = qs(origin);
                 // A sync C++ watcher: param semantics (it runs inside the
                 // set); the relay starts async callbacks as tasks.
                 return c->watch(
                     list,
                     [app, fn, where](const Events& events) {
                         if (!app) return;
                         PyRef args;
                         {
                             PyApp::Enter enter(app.data());
                             args = share(eventsTuple(events));
                         }
                         try {
                             app->call(fn, args);
                         } catch (const PythonError& error) {
                             app->report(error, where);
                         }
                     },
                     WatchOptions{onlychanged, {}, where});
             })
        .def("unwatch",
             [](const ComponentRef& r, int id) { return r.component && r.component->unwatch(id); })
        .def("append",
             [](const ComponentRef& r, py::handle child) {
                 auto* list = qobject_cast<ListLayout*>(r.require());
                 if (!list)
                     throw ParamError(
                         ss(r.require()->typeName() + QStringLiteral(" cannot hold children")));
                 list->append(componentOf(child));
             })
        .def("append_tab",
             [](const ComponentRef& r, const std::string& title, py::handle child) {
                 auto* tabs = qobject_cast<Tabs*>(r.require());
                 if (!tabs) throw ParamError("append_tab: not a Tabs layout");
                 tabs->append(qs(title), componentOf(child));
             })
        .def("objects",
             [](const ComponentRef& r) {
                 py::list out;
                 if (auto* list = qobject_cast<ListLayout*>(r.require()))
                     for (Component* c : list->objects()) out.append(wrap(c));
                 return out;
             })
        .def("servable", [](const ComponentRef& r,
                            const std::string& title) { r.require()->servable(qs(title)); })
        .def("rendered",
             [](const ComponentRef& r) -> py::object {
                 auto* pane = qobject_cast<ReactivePane*>(r.require());
                 if (!pane)
                     throw ParamError(
                         ss(r.require()->label() + QStringLiteral(" has no rendered object")));
                 return wrap(pane->rendered());
             })
        .def("__eq__", [](const ComponentRef& a,
                          const ComponentRef& b) { return a.component == b.component; })
        .def("__hash__",
             [](const ComponentRef& r) { return std::hash<const void*>()(r.component.data()); });

    m.def("names", [](int group) {
        std::vector<std::string> out;
        for (const QString& n : componentNames(ComponentGroup(group))) out.push_back(ss(n));
        return out;
    });
    m.def("create", [](int group, const std::string& kind, py::handle params) {
        const QVariantMap map = toVariant(params).toMap();
        return ComponentRef{adopt(createComponent(ComponentGroup(group), qs(kind), map))};
    });
    m.def("panel", [](py::handle value) { return wrap(componentOf(value)); });
}

void registerCallbacks(py::module_& m) {
    py::class_<Policy>(m, "Policy")
        .def(py::init([](const std::string& mode, int limit) {
                 return Policy{policyFrom(mode, limit)};
             }),
             py::arg("mode") = "concurrent", py::arg("limit") = 0);

    m.def(
        "spawn",
        [](py::object fn, py::tuple args, const std::string& origin, bool withLock,
           py::object policy) {
            PyApp& app = PyApp::require("qpanel callback");
            std::shared_ptr<PolicyState> state;
            if (!policy.is_none()) state = policy.cast<Policy&>().state;
            return app.spawn(share(std::move(fn)), share(std::move(args)), qs(origin), withLock,
                             std::move(state));
        },
        py::arg("fn"), py::arg("args"), py::arg("origin"), py::arg("with_lock") = false,
        py::arg("policy") = py::none());

    m.def("execute", [](py::object fn, bool withLock, const std::string& origin) {
        PyApp& app = PyApp::require("pn.state.execute");
        QPointer<PyApp> self(&app);
        PyRef f = share(std::move(fn));
        PyRef args = share(py::tuple());
        Runtime::instance().execute(Runtime::Body([self, f, args, withLock]() {
                                        return PyApp::runCall(self, f, args, withLock);
                                    }),
                                    SpawnOptions{qs(origin), app.document()});
    });

    py::class_<ReactiveRef>(m, "Reactive")
        .def_property_readonly("alive", [](const ReactiveRef& r) { return !r.reactive.isNull(); })
        .def("refresh",
             [](const ReactiveRef& r) {
                 if (r.reactive) r.reactive->refresh();
             })
        .def("pane", [](const ReactiveRef& r) {
            if (!r.reactive) throw ParamError("this bound function no longer exists");
            return ComponentRef{adopt(new ReactivePane(r.reactive.data()))};
        });

    m.def("bind", [](py::object fn, py::list deps, bool watch, bool onInit,
                     const std::string& origin) {
        PyApp& app = PyApp::require("pn.bind");
        QList<Reactive::Argument> arguments;
        for (py::handle dep : deps) {
            const py::tuple d = dep.cast<py::tuple>();
            if (d[0].is_none())
                arguments.append({nullptr, {}, toVariant(d[2])});
            else
                arguments.append(
                    {d[0].cast<ComponentRef&>().require(), qs(d[1].cast<std::string>()), {}});
        }
        QPointer<PyApp> self(&app);
        PyRef f = share(std::move(fn));
        auto evaluator = [self, f](const QVariantList& values) -> Reactive::Evaluation {
            if (!self) return QVariant();
            PyRef args;
            {
                PyApp::Enter enter(self.data());
                py::tuple t(values.size());
                for (qsizetype i = 0; i < values.size(); ++i) t[size_t(i)] = toPython(values[i]);
                args = share(std::move(t));
            }
            PyRef result = self->call(f, args);
            PyApp::Enter enter(self.data());
            if (PyAsyncGen_CheckExact(result->ptr()))
                return streamedValues(self, std::move(result));
            if (self->isAwaitable(result)) return settledValue(self, std::move(result));
            return toVariant(*result);
        };
        Reactive::Options options;
        options.watch = watch;
        options.onInit = onInit;
        options.origin = qs(origin);
        return ReactiveRef{new Reactive(std::move(evaluator), arguments, options, app.document())};
    });

    m.def("busy", [] { return Runtime::ifExists() && Runtime::ifExists()->busy(); });
    m.def("on_busy", [](py::object fn) {
        // Queued: busy flips inside task bookkeeping, where script code must not run.
        PyApp& app = PyApp::require("pn.state.param.watch(busy)");
        QPointer<PyApp> self(&app);
        PyRef f = share(std::move(fn));
        auto last = std::make_shared<bool>(Runtime::instance().busy());
        return QObject::connect(
                   &Runtime::instance(), &Runtime::busyChanged, &app,
                   [self, f, last](bool now) {
                       if (!self || now == *last) return;
                       const bool old = std::exchange(*last, now);
                       PyRef args;
                       {
                           PyApp::Enter enter(self.data());
                           args = share(py::make_tuple(old, now));
                       }
                       try {
                           self->call(f, args);
                       } catch (const PythonError& error) {
                           self->report(error, QStringLiteral("pn.state.param.watch(busy)"));
                       }
                   },
                   Qt::QueuedConnection)
                   ? 1
                   : 0;
    });

    m.def("add_periodic",
          [](py::object fn, int period, std::optional<int> count, std::optional<int> timeout,
             bool start, bool withLock, bool isAsync, const std::string& origin) {
              PyApp& app = PyApp::require("pn.state.add_periodic_callback");
              QPointer<PyApp> self(&app);
              PyRef f = share(std::move(fn));
              PyRef args = share(py::tuple());
              PeriodicCallback::Options o;
              o.periodMs = period;
              o.count = count;
              o.timeoutMs = timeout;
              o.start = start;
              o.origin = qs(origin);
              Callback<> body;
              if (isAsync || withLock) {
                  body = [self, f, args, withLock]() -> QCoro::Task<> {
                      return PyApp::runCall(self, f, args, withLock);
                  };
              } else {
                  body = [self, f, args, where = o.origin]() {
                      if (!self) return;
                      try {
                          self->call(f, args);
                      } catch (const PythonError& error) {
                          self->report(error, where);
                      }
                  };
              }
              return PeriodicRef{new PeriodicCallback(body, o, app.document())};
          });
    py::class_<PeriodicRef>(m, "Periodic")
        .def("start", [](const PeriodicRef& p) { p.require()->start(); })
        .def("stop", [](const PeriodicRef& p) { p.require()->stop(); })
        .def_property_readonly("running",
                               [](const PeriodicRef& p) { return p.require()->running(); })
        .def_property_readonly("counter",
                               [](const PeriodicRef& p) { return p.require()->counter(); })
        .def_property_readonly("skipped",
                               [](const PeriodicRef& p) { return p.require()->skipped(); })
        .def_property(
            "period", [](const PeriodicRef& p) { return p.require()->period(); },
            [](const PeriodicRef& p, int ms) { p.require()->setPeriod(ms); });

    py::class_<TaskHandle>(m, "Task")
        .def(
            "cancel",
            [](TaskHandle& t, py::object) {
                DriveState& s = *t.state;
                if (s.done) return false;
                ++s.cancelling;
                if (s.waiting)
                    s.waiting->attr("cancel")();
                else
                    s.cancelPending = true;
                return true;
            },
            py::arg("msg") = py::none())
        .def("cancelling", [](const TaskHandle& t) { return t.state->cancelling; })
        .def("uncancel",
             [](TaskHandle& t) {
                 return t.state->cancelling = std::max(0, t.state->cancelling - 1);
             })
        .def("done", [](const TaskHandle& t) { return t.state->done; })
        .def("cancelled", [](const TaskHandle& t) { return t.state->cancelled; })
        .def("get_name", [](const TaskHandle& t) { return ss(t.state->name); })
        .def("get_coro",
             [](const TaskHandle& t) {
                 return t.state->coroutine ? *t.state->coroutine : py::none();
             })
        .def("get_loop",
             [](const TaskHandle& t) { return t.state->loop ? *t.state->loop : py::none(); })
        .def("__repr__",
             [](const TaskHandle& t) { return "<qpanel Task " + ss(t.state->name) + ">"; });
}

void registerCharts(py::module_& m) {
    py::class_<SourceRef>(m, "Source")
        .def(py::init([](py::handle data) {
            Document::Scope scope(appDocument("ColumnDataSource"));
            return SourceRef{
                adopt(new ColumnDataSource(columnsFrom(data, QStringLiteral("ColumnDataSource"))))};
        }))
        .def("column_names",
             [](const SourceRef& s) {
                 std::vector<std::string> out;
                 for (const QString& n : s.require()->columnNames()) out.push_back(ss(n));
                 return out;
             })
        .def("column",
             [](const SourceRef& s, const std::string& name) {
                 ColumnDataSource* cds = s.require();
                 if (!cds->columnNames().contains(qs(name))) throw py::key_error(name);
                 std::vector<double> values = cds->column(qs(name));
                 py::array_t<double> out(py::ssize_t(values.size()));
                 if (!values.empty())
                     std::memcpy(out.mutable_data(), values.data(), values.size() * sizeof(double));
                 return out;
             })
        .def_property_readonly("rows", [](const SourceRef& s) { return s.require()->rowCount(); })
        .def("set_data",
             [](const SourceRef& s, py::handle data) {
                 s.require()->setData(columnsFrom(data, QStringLiteral("ColumnDataSource.data")));
             })
        .def(
            "stream",
            [](const SourceRef& s, py::handle data, std::optional<long long> rollover) {
                std::optional<ColumnDataSource::Index> limit;
                if (rollover) limit = ColumnDataSource::Index(*rollover);
                s.require()->stream(columnsFrom(data, QStringLiteral("ColumnDataSource.stream")),
                                    limit);
            },
            py::arg("data"), py::arg("rollover") = py::none())
        .def("patch", [](const SourceRef& s, const py::dict& patches) {
            QList<std::pair<QString, QList<std::pair<ColumnDataSource::Index, double>>>> changes;
            for (auto [k, v] : patches) {
                QList<std::pair<ColumnDataSource::Index, double>> list;
                for (py::handle pair : v) {
                    const py::tuple p = py::tuple(py::reinterpret_borrow<py::object>(pair));
                    if (p.size() != 2)
                        throw DataError("ColumnDataSource.patch: each change is (index, value)");
                    list.append(
                        {ColumnDataSource::Index(p[0].cast<long long>()), p[1].cast<double>()});
                }
                changes.append({qs(py::str(k)), list});
            }
            s.require()->patch(changes);
        });

    py::class_<FigureRef>(m, "Figure")
        .def(py::init([](const std::string& title, int width, int height, const std::string& xLabel,
                         const std::string& yLabel, const py::dict& interaction) {
            FigureOptions f;
            f.title = qs(title);
            f.width = width;
            f.height = height;
            f.xAxisLabel = qs(xLabel);
            f.yAxisLabel = qs(yLabel);
            // tools=, toolbar_location=, active_*=, x_range=, y_range= (bokeh.py
            // turned tool and range objects into plain records).
            for (auto [name, value] : interaction)
                applyFigureOption(f, qs(py::str(name)), toVariant(value));
            return FigureRef{adopt(new Figure(f))};
        }))
        .def("add_tools",
             [](const FigureRef& f, py::handle tools) {
                 f.require()->addTools(
                     toolsFromVariant(toVariant(tools), QStringLiteral("figure.add_tools")));
             })
        .def("set_legend_option",
             [](const FigureRef& f, const std::string& name, py::handle value) {
                 applyLegendOption(*f.require(), qs(name), toVariant(value));
             })
        .def("line",
             [](const FigureRef& f, const std::string& x, const std::string& y,
                const SourceRef& source, std::optional<std::string> color, double lineWidth,
                const std::string& legend) {
                 LineGlyph glyph;
                 glyph.x = qs(x);
                 glyph.y = qs(y);
                 glyph.source = source.require();
                 if (color) {
                     glyph.color = QColor(qs(*color));
                     if (!glyph.color.isValid())
                         throw ParamError("figure.line: '" + *color + "' is not a colour");
                 }
                 glyph.lineWidth = lineWidth;
                 glyph.legendLabel = qs(legend);
                 f.require()->line(glyph);
             })
        .def("set_title",
             [](const FigureRef& f, const std::string& t) { f.require()->setTitle(qs(t)); })
        .def("chart", [](const FigureRef& f) {
            Document::Scope scope(appDocument("pn.pane.Bokeh"));
            return ComponentRef{adopt(new ChartPane(f.require()))};
        });
}

void registerHost(py::module_& m) {
    m.def("write", [](bool error, const std::string& text) {
        // print() in a plain asyncio task or callback: its app's Console too.
        if (PyApp* app = PyApp::ofRunningCode()) {
            app->write(error, qs(text));
            return;
        }
        std::fputs(text.c_str(), error ? stderr : stdout);
    });
    m.def("set_wrapper", [](py::object factory) { setWrapperFactory(std::move(factory)); });
    m.def("set_exception_handler", [](py::object handler) {
        PyApp& app = PyApp::require("pn.config.exception_handler");
        if (handler.is_none()) {
            Runtime::instance().setExceptionHandler(app.document(), {});
            return;
        }
        QPointer<PyApp> self(&app);
        PyRef h = share(std::move(handler));
        Runtime::instance().setExceptionHandler(app.document(), [self,
                                                                 h](const ErrorReport& report) {
            if (!self) return;
            PyRef exception;
            if (const std::exception_ptr current = std::current_exception()) {
                try {
                    std::rethrow_exception(current);
                } catch (const PythonError& e) {
                    exception = e.exception();
                } catch (const std::exception&) {
                    // A C++ error: the handler gets a RuntimeError with its message.
                }
            }
            PyRef args;
            {
                PyApp::Enter enter(self.data());
                py::object value =
                    exception
                        ? *exception
                        : py::module_::import("builtins").attr("RuntimeError")(ss(report.message));
                args = share(py::make_tuple(value));
            }
            try {
                self->call(h, args);
            } catch (const PythonError& error) {
                // The handler itself failed: both errors go to the app's
                // Console by the default report (as in JavaScript).
                ErrorReport failed{
                    QStringLiteral("pn.config.exception_handler failed: %1").arg(error.what()),
                    report.origin,
                    error.location(),
                    error.stack(),
                    report.taskId,
                    report.owner};
                Runtime::instance().reportByDefault(failed);
                Runtime::instance().reportByDefault(report);
            }
        });
    });
    m.def("resource", [](const std::string& path) -> py::object {
        QFile file(qs(path));
        if (!file.open(QIODevice::ReadOnly)) return py::none();
        const QByteArray bytes = file.readAll();
        return py::bytes(bytes.constData(), size_t(bytes.size()));
    });
    // The process environment now (os.environ is a copy from start-up).
    m.def("environ", [] {
        py::dict out;
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString& key : env.keys()) out[py::str(ss(key))] = py::str(ss(env.value(key)));
        return out;
    });
    m.def("env", [](const std::string& name) -> py::object {
        if (!qEnvironmentVariableIsSet(name.c_str())) return py::none();
        return py::str(qEnvironmentVariable(name.c_str()).toStdString());
    });
}

}  // namespace

void registerQpanelModule(py::module_& m) {
    m.doc() = "qpanel's C++ components, for panel.py and bokeh.py";
    registerComponents(m);
    registerCallbacks(m);
    registerCharts(m);
    registerHost(m);
}

}  // namespace qpanel::python

PYBIND11_EMBEDDED_MODULE(_qpanel, m) {
    qpanel::python::registerQpanelModule(m);
}

namespace qpanel::python {
void linkQpanelModule() {}
}  // namespace qpanel::python
