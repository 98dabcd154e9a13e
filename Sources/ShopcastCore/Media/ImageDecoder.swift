import CFFmpeg

/// Decodes product pictures and backgrounds (PNG, JPEG, WebP, anything FFmpeg's image demuxers
/// read) into straight RGBA, scaled with libswscale. Takes the first frame of the file.
///
/// Self-contained: its FFmpeg objects are owned by the small private classes below, each freeing
/// its object in `deinit`, so every exit path releases everything.
public enum ImageDecoder {
    /// The size of the decoded picture.
    public enum Fit: Equatable, Sendable {
        /// As stored in the file.
        case original
        /// Shrunk (never enlarged) to fit inside the box, keeping the aspect ratio.
        case within(width: Int, height: Int)
        /// Exactly this size (aspect ratio not kept): backgrounds for a given frame size.
        case exactly(width: Int, height: Int)
    }

    /// Decodes the picture at `path`. Throws `.noInput` when the file cannot be opened and
    /// `.badData` when it holds no decodable picture.
    public static func decode(path: String, fit: Fit = .original) throws -> RGBAImage {
        let input = try ImageInput(path: path)
        let frame = try input.decodeFirstFrame()
        let source = frame.pointer.pointee
        let srcW = Int(source.width), srcH = Int(source.height)
        guard srcW > 0, srcH > 0 else { throw ShopcastError(.badData, "\(path): picture has no size") }
        let (dstW, dstH) = size(for: fit, width: srcW, height: srcH)
        let scaler = try Scaler(frame: source, width: dstW, height: dstH, path: path)
        var pixels = [UInt8](repeating: 0, count: dstW * dstH * 4)
        let scaled = pixels.withUnsafeMutableBufferPointer { out -> Int32 in
            var dstData: [UnsafeMutablePointer<UInt8>?] = [out.baseAddress, nil, nil, nil]
            var dstStride: [Int32] = [Int32(dstW * 4), 0, 0, 0]
            var f = source
            return withUnsafePointer(to: &f.data) { data in
                withUnsafePointer(to: &f.linesize) { lines in
                    data.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { srcData in
                        lines.withMemoryRebound(to: Int32.self, capacity: 8) { srcStride in
                            sws_scale(scaler.context, srcData, srcStride, 0, Int32(srcH), &dstData, &dstStride)
                        }
                    }
                }
            }
        }
        // `source` is a plain copy of the AVFrame: the owner must outlive the scale that reads it.
        withExtendedLifetime(frame) {}
        guard scaled == Int32(dstH) else { throw ShopcastError(.badData, "\(path): cannot convert the picture to RGBA") }
        return RGBAImage(width: dstW, height: dstH, pixels: pixels)!
    }

    static func size(for fit: Fit, width w: Int, height h: Int) -> (Int, Int) {
        switch fit {
        case .original:
            return (w, h)
        case let .exactly(width, height):
            return (max(1, width), max(1, height))
        case let .within(width, height):
            let scale = min(1, Double(width) / Double(w), Double(height) / Double(h))
            return (max(1, Int((Double(w) * scale).rounded())), max(1, Int((Double(h) * scale).rounded())))
        }
    }

    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        av_strerror(code, &buffer, buffer.count)
        return String(cString: buffer)
    }
}

/// An opened image file with its decoder. Owns the format and codec contexts.
private final class ImageInput {
    private var format: UnsafeMutablePointer<AVFormatContext>?
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private let streamIndex: Int32
    private let path: String

    init(path: String) throws {
        self.path = path
        var ctx: UnsafeMutablePointer<AVFormatContext>?
        let opened = avformat_open_input(&ctx, path, nil, nil)
        guard opened >= 0, let ctx else {
            let kind: ShopcastError.Kind = opened == shim_averror(ENOENT) || opened == shim_averror(EACCES) ? .noInput : .badData
            throw ShopcastError(kind, "\(path): \(ImageDecoder.message(opened))")
        }
        format = ctx
        // From here on deinit closes what was opened, whichever guard below throws.
        let found = avformat_find_stream_info(ctx, nil)
        guard found >= 0 else { throw ShopcastError(.badData, "\(path): \(ImageDecoder.message(found))") }
        var decoder: UnsafePointer<AVCodec>?
        let index = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0)
        guard index >= 0, let decoder else { throw ShopcastError(.badData, "\(path): no picture in the file") }
        streamIndex = index
        guard let c = avcodec_alloc_context3(decoder) else { throw ShopcastError(.internal, "cannot allocate a decoder") }
        codec = c
        let copied = avcodec_parameters_to_context(c, ctx.pointee.streams[Int(index)]!.pointee.codecpar)
        guard copied >= 0 else { throw ShopcastError(.badData, "\(path): \(ImageDecoder.message(copied))") }
        let opened2 = avcodec_open2(c, decoder, nil)
        guard opened2 >= 0 else { throw ShopcastError(.badData, "\(path): \(ImageDecoder.message(opened2))") }
    }

    deinit {
        avcodec_free_context(&codec)
        avformat_close_input(&format)
    }

    /// Reads packets until the decoder gives a frame; drains the decoder at end of file.
    func decodeFirstFrame() throws -> FrameOwner {
        guard let format, let codec else { throw ShopcastError(.internal, "image input not open") }
        let packet = try PacketOwner()
        let frame = try FrameOwner()
        var draining = false
        while true {
            let received = avcodec_receive_frame(codec, frame.pointer)
            if received >= 0 { return frame }
            if received == shim_AVERROR_EOF { break }
            guard received == shim_AVERROR_EAGAIN else {
                throw ShopcastError(.badData, "\(path): \(ImageDecoder.message(received))")
            }
            guard !draining else { break }
            let read = av_read_frame(format, packet.pointer)
            if read < 0 {
                // End of file (or a truncated one): flush whatever the decoder holds.
                draining = true
                avcodec_send_packet(codec, nil)
                continue
            }
            defer { av_packet_unref(packet.pointer) }
            guard packet.pointer.pointee.stream_index == streamIndex else { continue }
            let sent = avcodec_send_packet(codec, packet.pointer)
            guard sent >= 0 || sent == shim_AVERROR_EAGAIN else {
                throw ShopcastError(.badData, "\(path): \(ImageDecoder.message(sent))")
            }
        }
        throw ShopcastError(.badData, "\(path): no decodable picture")
    }
}

/// Owns an `AVPacket`.
private final class PacketOwner {
    var pointer: UnsafeMutablePointer<AVPacket>
    init() throws {
        guard let p = av_packet_alloc() else { throw ShopcastError(.internal, "cannot allocate a packet") }
        pointer = p
    }
    deinit {
        var p: UnsafeMutablePointer<AVPacket>? = pointer
        av_packet_free(&p)
    }
}

/// Owns an `AVFrame`.
private final class FrameOwner {
    var pointer: UnsafeMutablePointer<AVFrame>
    init() throws {
        guard let f = av_frame_alloc() else { throw ShopcastError(.internal, "cannot allocate a frame") }
        pointer = f
    }
    deinit {
        var f: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&f)
    }
}

/// Owns a `SwsContext` converting one decoded frame's format and size to RGBA.
private final class Scaler {
    let context: OpaquePointer

    init(frame: AVFrame, width: Int, height: Int, path: String) throws {
        // JPEG decodes to the deprecated full-range "yuvj" formats; name the plain format and say
        // full range explicitly, which is what swscale asks for (and it stays quiet).
        var format = AVPixelFormat(rawValue: frame.format)
        var fullRange = frame.color_range == AVCOL_RANGE_JPEG
        switch format {
        case AV_PIX_FMT_YUVJ420P: format = AV_PIX_FMT_YUV420P; fullRange = true
        case AV_PIX_FMT_YUVJ422P: format = AV_PIX_FMT_YUV422P; fullRange = true
        case AV_PIX_FMT_YUVJ444P: format = AV_PIX_FMT_YUV444P; fullRange = true
        case AV_PIX_FMT_YUVJ440P: format = AV_PIX_FMT_YUV440P; fullRange = true
        default: break
        }
        let flags = SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT
        guard let c = sws_getContext(frame.width, frame.height, format, Int32(width), Int32(height), AV_PIX_FMT_RGBA,
                                     flags, nil, nil, nil)
        else { throw ShopcastError(.badData, "\(path): cannot convert pixel format \(frame.format) to RGBA") }
        context = c
        let coefficients = sws_getCoefficients(SWS_CS_DEFAULT)
        sws_setColorspaceDetails(c, coefficients, fullRange ? 1 : 0, coefficients, 1, 0, 1 << 16, 1 << 16)
    }

    deinit { sws_freeContext(context) }
}
