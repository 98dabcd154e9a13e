import CFFmpeg
import Foundation

/// FFmpeg's capture devices — camera (v4l2), screen (x11grab), microphone (pulse, alsa) and the
/// lavfi test sources — live in libavdevice, which brings libavfilter and some 80 libraries
/// more (speech synthesis, OpenGL, SDL, OCR…): 16 MiB of pages resident from the moment they
/// are linked, which a show from a file or a network feed never uses. So libavdevice is not
/// linked but loaded the first time an input names a format FFmpeg does not know without it.
enum CaptureDevices {
    /// Loads libavdevice and registers its devices (once); false when it cannot be loaded.
    static func load() -> Bool { loaded }

    private static let loaded: Bool = {
        guard let library = dlopen("libavdevice.so.\(LIBAVDEVICE_VERSION_MAJOR)", RTLD_NOW | RTLD_LOCAL),
              let register = dlsym(library, "avdevice_register_all") else { return false }
        unsafeBitCast(register, to: (@convention(c) () -> Void).self)()
        return true
    }()
}
