// TypeScript declarations for qpanel app scripts: the `pn` global and the
// host's globals (timers, queueMicrotask, console). For editor completion in
// .js and .ts app scripts: put this file next to your script, or reference it
// with `/// <reference path="qpanel.d.ts" />`. docs/API.md explains each name.
//
// tests/docs checks this file against the running API in both directions, so
// keep its regular shape (the test's parser reads exactly this):
//   - one declaration per line, ending with `;` (or `{` for a block);
//   - blocks: `declare namespace pn {`, `namespace NAME {`, `interface NAME
//     [extends A, B] {`, `class NAME {`, each closed by a line holding `}`;
//   - in a namespace: `function NAME(...): TYPE;`, `const NAME: TYPE;`,
//     `let NAME: TYPE;`, `type NAME = ...;` (a type only, not a runtime name);
//   - in an interface or class: `[readonly] NAME[?]: TYPE;`,
//     `NAME(...): TYPE;`, `constructor(...);`;
//   - at the top: `declare function NAME(...): TYPE;`,
//     `declare var NAME: TYPE;`, `interface NAME {`;
//   - comments on their own lines (`//` or `/** ... */` blocks).
// A function's return type (its first declaration's, for overloads) or a
// property's type that names an interface or class here is checked too: the
// test builds the object and compares its members with the declaration.

declare namespace pn {
    /** What `param.watch` and `on_click` callbacks receive. */
    interface Event {
        /** The param that changed ('value', 'clicks', …). */
        readonly name: string;
        readonly old: any;
        readonly new: any;
        /** 'changed', or 'triggered' for param.trigger(). */
        readonly type: string;
        /** The component whose param changed. */
        readonly obj: Component;
    }
    /** A sync or async callback; several events of one batch arrive as several arguments. */
    type WatchCallback = (...events: Event[]) => unknown;
    /** How triggers that come while a run is in flight are handled (default: each runs concurrently). */
    interface CallbackOptions {
        /** A new trigger cancels the run still in flight. */
        exclusive?: boolean;
        /** At most this many runs at once; more wait their turn (FIFO). */
        concurrency_limit?: number;
    }
    interface WatchOptions extends CallbackOptions {
        /** Only call back when the value really changed (default true). */
        onlychanged?: boolean;
    }
    interface ServableOptions {
        /** The window title. */
        title?: string;
    }
    /** `component.param`: watchers on the component's params. */
    interface ParamApi {
        watch(callback: WatchCallback, names?: string | string[], options?: WatchOptions): number;
        unwatch(watcher: number): boolean;
        trigger(name: string): void;
    }

    /** Params every component has. */
    interface ComponentParams {
        name?: string;
        loading?: boolean;
        visible?: boolean;
        width?: number | null;
        height?: number | null;
    }
    /** Every widget, indicator, pane and layout. */
    interface Component {
        /** Label (widgets) or title. Default ''. */
        name: string;
        /** Spinner overlay over the component while true. Default false. */
        loading: boolean;
        /** Default true. */
        visible: boolean;
        /** Fixed width in pixels, or null to size to content. Default null. */
        width: number | null;
        /** Fixed height in pixels, or null. Default null. */
        height: number | null;
        param: ParamApi;
        /** Shows the component in the app's window (several stack vertically). */
        servable(options?: ServableOptions): this;
        /** "Button 'Run'": the component's type and name. */
        toString(): string;
    }

    type ButtonType = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'light';
    interface ButtonParams extends ComponentParams {
        button_type?: ButtonType;
        clicks?: number;
        disabled?: boolean;
    }
    interface Button extends Component {
        /** Default 'default'. */
        button_type: ButtonType;
        /** How often it was clicked; `clicks += 1` clicks it. Default 0. */
        clicks: number;
        /** Default false. */
        disabled: boolean;
        /** Runs `callback` as a task on every click; returns the watcher id. */
        on_click(callback: (event: Event) => unknown, options?: CallbackOptions): number;
    }
    interface ToggleParams extends ComponentParams {
        value?: boolean;
        button_type?: ButtonType;
        disabled?: boolean;
    }
    interface Toggle extends Component {
        value: boolean;
        button_type: ButtonType;
        disabled: boolean;
    }
    interface CheckboxParams extends ComponentParams {
        value?: boolean;
        disabled?: boolean;
    }
    interface Checkbox extends Component {
        value: boolean;
        disabled: boolean;
    }
    interface TextInputParams extends ComponentParams {
        value?: string;
        value_input?: string;
        placeholder?: string;
        disabled?: boolean;
    }
    interface TextInput extends Component {
        /** The committed text (Enter or focus out). Default ''. */
        value: string;
        /** The text as typed, on every keystroke. Default ''. */
        value_input: string;
        placeholder: string;
        disabled: boolean;
    }
    interface TextAreaInputParams extends TextInputParams {
        rows?: number;
    }
    interface TextAreaInput extends Component {
        value: string;
        value_input: string;
        placeholder: string;
        /** Visible lines (≥ 1). Default 2. */
        rows: number;
        disabled: boolean;
    }
    interface SliderParams extends ComponentParams {
        start?: number;
        end?: number;
        step?: number;
        value?: number;
        disabled?: boolean;
    }
    interface Slider extends Component {
        /** Default 0. */
        start: number;
        /** Default 1. */
        end: number;
        /** Default 1 (IntSlider) or 0.1 (FloatSlider). */
        step: number;
        /** Kept within [start, end]. Default 0. */
        value: number;
        disabled: boolean;
    }
    interface SelectParams extends ComponentParams {
        options?: any[];
        value?: any;
        disabled?: boolean;
    }
    interface Select extends Component {
        /** The choices. Default []. */
        options: any[];
        /** One of `options` (the first one when unset). */
        value: any;
        disabled: boolean;
    }
    interface StaticTextParams extends ComponentParams {
        value?: any;
    }
    interface StaticText extends Component {
        /** Shown as text. Default ''. */
        value: any;
    }
    interface ProgressParams extends ComponentParams {
        value?: number;
        max?: number;
        active?: boolean;
    }
    interface Progress extends Component {
        /** 0..max, or -1 for an indeterminate (busy) bar. Default -1. */
        value: number;
        /** Default 100. */
        max: number;
        /** Animates while indeterminate. Default true. */
        active: boolean;
    }
    interface LoadingSpinnerParams extends ComponentParams {
        value?: boolean;
        color?: string;
        size?: number;
    }
    interface LoadingSpinner extends Component {
        /** Spinning while true. Default false. */
        value: boolean;
        /** A CSS/Qt colour name; '' for the palette's. */
        color: string;
        /** Pixels, 8..512. Default 40. */
        size: number;
    }
    interface MarkdownParams extends ComponentParams {
        object?: string;
    }
    interface Markdown extends Component {
        /** Markdown text. Default ''. */
        object: string;
    }
    interface StrParams extends ComponentParams {
        object?: any;
    }
    interface Str extends Component {
        /** Shown as plain text. */
        object: any;
    }
    type ImageObject = ArrayBuffer | ArrayBufferView | string | null;
    interface ImageParams extends ComponentParams {
        object?: ImageObject;
    }
    interface Image extends Component {
        /** Encoded image bytes, or a URL fetched without blocking. */
        object: ImageObject;
        /** Why the last object could not be shown ('' if it could). */
        readonly error: string;
    }
    interface Chart extends Component {
        /** The figure shown. */
        readonly object: unknown;
    }
    /** The pane of a bound function (pn.panel(pn.bind(...))). */
    interface ParamFunction extends Component {
        /** The error of the latest evaluation ('' if it succeeded). */
        readonly error: string;
        /** The component it shows now (the latest run's), null before one; read-only, fires on each render. */
        readonly rendered: Component | null;
    }
    interface CardParams extends ComponentParams {
        title?: string;
        collapsible?: boolean;
        collapsed?: boolean;
    }
    interface Card extends Component {
        title: string;
        /** Default true. */
        collapsible: boolean;
        /** Default false. */
        collapsed: boolean;
    }
    interface TabsParams extends ComponentParams {
        active?: number;
    }
    interface Tabs extends Component {
        /** Index of the shown tab. Default 0. */
        active: number;
    }
    interface Row extends Component {
    }
    interface Column extends Component {
    }
    interface Spacer extends Component {
    }
    /** A reactive function (pn.bind, pn.depends): callable as the original; laid out, its pane. */
    type ReactiveFunction = (...args: any[]) => any;
    /** What layouts hold: components, functions (shown through their pane), or text (shown as Markdown). */
    type LayoutItem = Component | ReactiveFunction | string | number;
    interface PanelOptions {
        /** For generator functions: each yielded value 'replace's the output (default) or is 'append'ed. */
        generator_mode?: 'replace' | 'append';
    }
    interface DependsOptions {
        /** Also run on every change when not laid out (a side-effect callback). */
        watch?: boolean;
        /** With watch: run at once too, not only on the first change (Panel's on_init; default false). */
        on_init?: boolean;
    }
    /** `pn.state.param`: watchers on pn.state's params. */
    interface StateParamApi {
        watch(callback: (event: Event) => unknown, names?: 'busy' | Array<'busy'>, options?: {onlychanged?: boolean}): number;
        unwatch(watcher: number): boolean;
    }

    interface PeriodicCallbackOptions {
        /** Milliseconds between runs. Default 500. */
        period?: number;
        /** Stop after this many runs. */
        count?: number | null;
        /** Stop this many milliseconds after starting. */
        timeout?: number | null;
        /** Start at once. Default true. */
        start?: boolean;
    }
    interface PeriodicCallback {
        start(): void;
        /** Stops future runs; a run in flight finishes. */
        stop(): void;
        readonly running: boolean;
        /** Runs so far. */
        readonly counter: number;
        /** Milliseconds; settable while running. */
        period: number;
    }

    interface FetchOptions {
        /** Default 'GET'. */
        method?: string;
        headers?: Record<string, string>;
        body?: string | ArrayBuffer;
        /** Milliseconds until the request fails with a timeout error. */
        timeout?: number;
    }
    interface Response {
        readonly ok: boolean;
        readonly status: number;
        readonly statusText: string;
        readonly url: string;
        /** Lower-case header names. */
        readonly headers: Record<string, string>;
        bytes(): Promise<ArrayBuffer>;
        arrayBuffer(): Promise<ArrayBuffer>;
        text(): Promise<string>;
        json(): Promise<any>;
    }

    /** Columns of equal length, by name. */
    type ColumnData = Record<string, number[]>;
    interface FigureOptions {
        title?: string;
        /** Pixels. Default 600. */
        width?: number;
        /** Pixels. Default 300. */
        height?: number;
        x_axis_label?: string;
        y_axis_label?: string;
        /** Bokeh's tool names, comma-separated or a list (with HoverTool objects).
         *  Default "pan,wheel_zoom,box_zoom,save,reset,hover"; [] for none. */
        tools?: string | Array<ToolName | models.HoverTool>;
        /** Default "right"; null hides the toolbar. */
        toolbar_location?: "right" | "left" | "above" | "below" | null;
        /** The tool a drag drives. Default "auto" (pan). */
        active_drag?: "auto" | "pan" | "box_zoom" | null;
        /** The tool the wheel drives. Default "auto" (wheel_zoom). */
        active_scroll?: "auto" | "wheel_zoom" | null;
        /** [start, end] fixes the range; a DataRange1d follows the data. Default: follow it all. */
        x_range?: [number, number] | models.Range1d | models.DataRange1d;
        y_range?: [number, number] | models.Range1d | models.DataRange1d;
        /** "datetime": x is ms since the epoch, shown in UTC. Default "linear". */
        x_axis_type?: "linear" | "auto" | "datetime";
    }
    type ToolName = "pan" | "wheel_zoom" | "box_zoom" | "reset" | "save" | "hover";
    interface Legend {
        /** "hide": a click on a legend entry hides (and shows) its line. Default "none". */
        click_policy: "hide" | "none";
        /** Where the legend sits inside the plot. Default "top_right". */
        location: "top_right" | "top_left" | "bottom_left" | "bottom_right" | "top" | "bottom" | "left" | "right" | "center";
    }
    interface LineOptions {
        /** Column name for x. */
        x: string;
        /** Column name for y. */
        y: string;
        source: models.ColumnDataSource;
        /** A colour name or #rrggbb; the palette's next colour when unset. */
        color?: string;
        /** Default 1. */
        line_width?: number;
        legend_label?: string;
    }
    interface Figure {
        /** Draws y against x from `source`; returns the figure. */
        line(options: LineOptions): Figure;
        /** Adds tools to the toolbar (a tool of the same kind is replaced). */
        add_tools(...tools: Array<ToolName | models.HoverTool>): void;
        readonly legend: Legend;
    }

    namespace widgets {
        function Button(params?: ButtonParams): Button;
        function Toggle(params?: ToggleParams): Toggle;
        function Checkbox(params?: CheckboxParams): Checkbox;
        function TextInput(params?: TextInputParams): TextInput;
        function TextAreaInput(params?: TextAreaInputParams): TextAreaInput;
        function IntSlider(params?: SliderParams): Slider;
        function FloatSlider(params?: SliderParams): Slider;
        function Select(params?: SelectParams): Select;
        function StaticText(params?: StaticTextParams): StaticText;
    }
    namespace indicators {
        function Progress(params?: ProgressParams): Progress;
        function LoadingSpinner(params?: LoadingSpinnerParams): LoadingSpinner;
    }
    namespace pane {
        function Markdown(object?: string | MarkdownParams, params?: MarkdownParams): Markdown;
        function Str(object?: any, params?: StrParams): Str;
        function Image(object?: ImageObject | ImageParams, params?: ImageParams): Image;
        function JPG(object?: ImageObject | ImageParams, params?: ImageParams): Image;
        function PNG(object?: ImageObject | ImageParams, params?: ImageParams): Image;
        function Chart(figure: Figure): Chart;
        /** Panel's name for Chart. */
        function Bokeh(figure: Figure): Chart;
    }
    namespace state {
        /** True while any task of the app is in flight. */
        const busy: boolean;
        const param: StateParamApi;
        /** Runs `fn` (sync or async) as a task on a later event-loop pass. */
        function execute(fn: () => unknown): void;
        function add_periodic_callback(callback: () => unknown, period?: number | PeriodicCallbackOptions): PeriodicCallback;
    }
    namespace config {
        /** Replaces the default error report (console + stderr) for the app's callbacks and tasks; null restores it. */
        let exception_handler: ((error: any) => void) | null;
    }
    namespace io {
        /** Marks `fn` to run with the document lock held (for direct chart-model edits). */
        function with_lock<F extends (...args: any[]) => any>(fn: F): F;
    }
    namespace plotting {
        function figure(options?: FigureOptions): Figure;
    }
    namespace models {
        class ColumnDataSource {
            constructor(options?: {data?: ColumnData});
            /** A copy of the columns; assigning replaces them all. */
            data: ColumnData;
            /** Appends rows, keeping at most `rollover` rows. */
            stream(data: ColumnData, rollover?: number | null): void;
            /** Replaces values: {column: [[index, value], …]}. */
            patch(patches: Record<string, Array<[number, number]>>): void;
        }
        /** tooltips: [label, field] pairs; "@col" is the hovered row's value of
         *  that column, "$x", "$y", "$index", "$name" its x, y, row and line label. */
        class HoverTool {
            constructor(options?: {tooltips?: Array<[string, string]>; mode?: string});
            tooltips: Array<[string, string]>;
        }
        /** A fixed range. */
        class Range1d {
            constructor(options?: {start?: number; end?: number});
            start: number;
            end: number;
        }
        /** A range following the data; follow "end" with follow_interval: the latest data. */
        class DataRange1d {
            constructor(options?: {start?: number | null; end?: number | null; follow?: "start" | "end" | null; follow_interval?: number | null});
            start: number | null;
            end: number | null;
            follow: "start" | "end" | null;
            follow_interval: number | null;
        }
    }

    function Row(...items: Array<LayoutItem | ComponentParams>): Row;
    function Column(...items: Array<LayoutItem | ComponentParams>): Column;
    function Card(...items: Array<LayoutItem | CardParams>): Card;
    function Tabs(...tabs: Array<[string, LayoutItem] | TabsParams>): Tabs;
    function Spacer(params?: ComponentParams): Spacer;
    /** A reactive function: re-runs `fn` with each widget's value when one changes; latest wins. */
    function bind<F extends (...values: any[]) => any>(fn: F, ...args: any[]): F;
    /** `pn.depends(slider, {watch: true})(fn)`: fn re-runs with the widgets' values when one changes. */
    function depends(...args: Array<Component | DependsOptions>): <F extends (...values: any[]) => any>(fn: F) => F;
    /** The pane for a function (bound or not); a component as is; anything else as Markdown text. */
    function panel(object: ReactiveFunction, options?: PanelOptions): ParamFunction;
    function panel(object: Component | string | number): Component;
    /** Resolves after `ms` milliseconds; rejects with CancelledError if the task is cancelled. */
    function sleep(ms: number): Promise<void>;
    /** HTTP(S), or a file under the script's folder; rejects with an error naming the URL (query values hidden). */
    function fetch(url: string, options?: FetchOptions): Promise<Response>;
    /** A QPANEL_* or user-allowed (--allow-env) environment variable, or `fallback` ('' by default). */
    function env(name: string, fallback?: string): string;
}

interface Console {
    log(...values: any[]): void;
    info(...values: any[]): void;
    debug(...values: any[]): void;
    warn(...values: any[]): void;
    error(...values: any[]): void;
}
declare var console: Console;
declare function setTimeout(callback: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearTimeout(id?: number): void;
declare function setInterval(callback: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearInterval(id?: number): void;
declare function queueMicrotask(callback: () => void): void;
