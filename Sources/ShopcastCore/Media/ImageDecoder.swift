import CFFmpeg

/// Decodes product pictures and backgrounds (PNG, JPEG, WebP, anything FFmpeg's image demuxers
/// read) into straight RGBA, scaled with libswscale. Takes the first frame of the file.
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
    /// A phone's photo or video is turned upright, as its EXIF orientation or display matrix says.
    public static func decode(path: String, fit: Fit = .original) throws -> RGBAImage {
        let (frame, orientation) = try firstFrame(path: path)
        let source = frame.pointer.pointee
        let srcW = Int(source.width), srcH = Int(source.height)
        guard srcW > 0, srcH > 0 else { throw ShopcastError(.badData, "\(path): picture has no size") }
        // The fit is for the upright picture; it is scaled with its sides as stored, then turned.
        let upright = orientation.swapsSides ? (srcH, srcW) : (srcW, srcH)
        let (fitW, fitH) = size(for: fit, width: upright.0, height: upright.1)
        let (dstW, dstH) = orientation.swapsSides ? (fitH, fitW) : (fitW, fitH)
        let scaler = try RGBAConverter(frame: source, width: dstW, height: dstH, path: path)
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
        guard !orientation.isUpright else { return RGBAImage(width: dstW, height: dstH, pixels: pixels)! }
        var turned = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBytes { from in
            turned.withUnsafeMutableBytes { to in
                orientation.turn(from.baseAddress!.assumingMemoryBound(to: UInt32.self), stride: dstW, width: dstW, height: dstH,
                                 into: to.baseAddress!.assumingMemoryBound(to: UInt32.self), stride: fitW)
            }
        }
        return RGBAImage(width: fitW, height: fitH, pixels: turned)!
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
}

extension ImageDecoder {
    /// Opens the file and decodes its first picture, with the same owner types as the show's
    /// inputs (`InputFile`, `Decoder`, `Packet`, `Frame`), and how it is to be turned upright:
    /// the picture's own EXIF orientation, else its stream's display matrix.
    static func firstFrame(path: String) throws -> (Frame, Orientation) {
        let input: InputFile
        do {
            input = try InputFile(url: path, interrupter: Interrupter())
        } catch let error as FFmpegError {
            let missing = error.code == shim_averror(ENOENT) || error.code == shim_averror(EACCES)
            throw ShopcastError(missing ? .noInput : .badData, "\(path): \(error.reason)")
        }
        guard let index = input.bestStream(video: true) else { throw ShopcastError(.badData, "\(path): no picture in the file") }
        let decoder: Decoder
        do { decoder = try Decoder(input: input, streamIndex: index) } catch {
            throw ShopcastError(.badData, "\(path): \(error)")
        }
        let packet = try Packet()
        let frame = try Frame()
        var draining = false
        while true {
            let received = try? decoder.receive(into: frame)
            if received == .ok { return (frame, frame.orientation ?? input.orientation(of: index)) }
            if received == .endOfStream || received == nil || draining { break }
            // .again: feed the next packet of the picture's stream, or drain at the end of the file.
            if (try? input.read(into: packet)) != .ok {
                draining = true
                _ = try? decoder.send(nil)
                continue
            }
            defer { packet.unref() }
            guard packet.streamIndex == index else { continue }
            guard (try? decoder.send(packet)) != nil else { break }
        }
        throw ShopcastError(.badData, "\(path): no decodable picture")
    }
}

/// Owns a `SwsContext` converting one decoded frame's format and size to RGBA.
private final class RGBAConverter {
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
