import CCairo

/// Pango's shaping context for overlay text: font map, font options and language defaults.
/// Owns the `PangoContext`; `deinit` releases it. Text layouts keep their context alive.
///
/// Not shared between threads: each renderer makes its own.
final class TextContext {
    let context: OpaquePointer

    init() throws {
        // The default font map is per thread; the context holds its own reference to it.
        guard let fontMap = pango_cairo_font_map_get_default(),
              let ctx = pango_font_map_create_context(fontMap)
        else { throw ShopcastError(.unavailable, "Pango has no font map (is fontconfig configured?)") }
        context = ctx
        guard let options = cairo_font_options_create() else { return }
        defer { cairo_font_options_destroy(options) }
        // Unhinted metrics keep a line's width the same wherever it lands, so layouts do not
        // shift by a pixel when the countdown ticks; grey antialiasing suits video (no LCD fringes).
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_SLIGHT)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(ctx, options)
    }

    deinit { shim_g_object_unref(UnsafeMutableRawPointer(context)) }
}
