// The C surface of Cairo and Pango that shopcast draws overlays with. Seen only from
// ShopcastCore/Graphics. Function-like macros used from Swift are exposed once, prefixed `shim_`.
#ifndef SHOPCAST_CCAIRO_SHIM_H
#define SHOPCAST_CCAIRO_SHIM_H

#include <cairo.h>
#include <pango/pangocairo.h>

static const int shim_PANGO_SCALE = PANGO_SCALE;

/// Drops a reference on any GObject (PangoContext, PangoLayout, PangoFontMap ...).
static inline void shim_g_object_unref(void *object) { g_object_unref(object); }

#endif
