import CCairo

/// How a run of overlay text looks.
struct TextStyle {
    var family: String
    /// CSS-like weight: 400 regular, 600 semibold, 700 bold, 800 extra bold.
    var weight: Int = 400
    /// Font size in frame pixels (em size).
    var size: Double
    /// Fixed-width digits, so a ticking countdown does not jitter.
    var tabularDigits = false
    var strikethrough = false
    /// Extra space between letters in pixels (small caps labels).
    var letterSpacing: Double = 0
    /// When false, characters missing from `family` draw as boxes instead of falling back to
    /// another font: only tests want that, to prove fallback is what draws CJK and Arabic.
    var fontFallback = true
    /// The first `bytes` bytes of the text (UTF-8) set bold, and in `color` when given: a chat
    /// entry's author before what they wrote, on the same lines.
    var lead: (bytes: Int, color: RGBAColor?)?
}

/// Horizontal placement of lines inside a layout's width. Right-to-left paragraphs mirror it.
enum TextAlignment {
    case leading, center, trailing
}

/// One shaped block of text (a product name, a price) ready to measure and draw.
/// Owns the `PangoLayout` (and its font description and attributes while setting up); `deinit`
/// releases it. Keeps its `TextContext` alive.
final class TextLayout {
    private let owner: TextContext
    private let layout: OpaquePointer

    /// Shapes `text`. With a `width`, lines wrap at word (then character) boundaries; beyond
    /// `maxLines` the last line ends in an ellipsis. Without a width the text stays on one line.
    init(_ text: String, style: TextStyle, context: TextContext, width: Double? = nil, maxLines: Int = 1,
         alignment: TextAlignment = .leading) throws {
        guard let l = pango_layout_new(context.context) else { throw ShopcastError(.internal, "cannot create a text layout") }
        owner = context
        layout = l
        guard let font = pango_font_description_new() else { throw ShopcastError(.internal, "cannot create a font description") }
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, style.family)
        pango_font_description_set_weight(font, PangoWeight(rawValue: UInt32(style.weight)))
        pango_font_description_set_absolute_size(font, style.size * Double(shim_PANGO_SCALE))
        pango_layout_set_font_description(layout, font)

        guard let attrs = pango_attr_list_new() else { throw ShopcastError(.internal, "cannot create text attributes") }
        defer { pango_attr_list_unref(attrs) }
        // pango_attr_list_insert takes ownership of each attribute.
        if style.tabularDigits { pango_attr_list_insert(attrs, pango_attr_font_features_new("tnum 1")) }
        if style.strikethrough { pango_attr_list_insert(attrs, pango_attr_strikethrough_new(1)) }
        if style.letterSpacing != 0 {
            pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(Int32(style.letterSpacing * Double(shim_PANGO_SCALE))))
        }
        if !style.fontFallback { pango_attr_list_insert(attrs, pango_attr_fallback_new(0)) }
        if let lead = style.lead, lead.bytes > 0 {
            func ranged(_ attribute: UnsafeMutablePointer<PangoAttribute>?) {
                guard let attribute else { return }
                attribute.pointee.start_index = 0
                attribute.pointee.end_index = UInt32(lead.bytes)
                pango_attr_list_insert(attrs, attribute)
            }
            ranged(pango_attr_weight_new(PangoWeight(rawValue: 700)))
            if let c = lead.color {
                func channel(_ v: Double) -> UInt16 { UInt16(max(0, min(1, v)) * 65535) }
                ranged(pango_attr_foreground_new(channel(c.red), channel(c.green), channel(c.blue)))
            }
        }
        pango_layout_set_attributes(layout, attrs)

        // Right-to-left scripts (Arabic) lay out right to left and mirror the alignment.
        pango_layout_set_auto_dir(layout, 1)
        switch alignment {
        case .leading: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .trailing: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        if let width {
            pango_layout_set_width(layout, Int32(max(1, width) * Double(shim_PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
            // A negative height limits the paragraph to that many lines.
            pango_layout_set_height(layout, Int32(-max(1, maxLines)))
        }
        // Newlines in product data would break the line budget; treat them as spaces.
        let flat = text.map { $0.isNewline ? " " : String($0) }.joined()
        pango_layout_set_text(layout, flat, -1)
    }

    deinit { shim_g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// The logical size in pixels (line boxes, not ink): what spacing is computed from.
    var size: (width: Double, height: Double) {
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_size(layout, &w, &h)
        return (Double(w) / Double(shim_PANGO_SCALE), Double(h) / Double(shim_PANGO_SCALE))
    }

    /// The inked rectangle relative to the layout's top-left corner.
    var inkRect: Rect {
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(layout, &ink, &logical)
        let s = Double(shim_PANGO_SCALE)
        return Rect(x: Double(ink.x) / s, y: Double(ink.y) / s, width: Double(ink.width) / s, height: Double(ink.height) / s)
    }

    /// Distance from the top of the layout to the first line's baseline.
    var baseline: Double { Double(pango_layout_get_baseline(layout)) / Double(shim_PANGO_SCALE) }

    var lineCount: Int { Int(pango_layout_get_line_count(layout)) }

    /// True when the text did not fit and an ellipsis replaced the rest.
    var isEllipsized: Bool { pango_layout_is_ellipsized(layout) != 0 }

    /// Characters no available font could draw (shown as boxes, "tofu").
    var unknownGlyphCount: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    /// Draws at the context's current point in its current source colour.
    func show(on cr: OpaquePointer) {
        pango_cairo_update_layout(cr, layout)
        pango_cairo_show_layout(cr, layout)
    }
}
