import CFFmpeg

extension Frame {
    /// The matrix the picture's Y'CbCr was made with, from its tags: BT.709 or BT.601, full range
    /// for JPEG-style `yuvj` pictures and full-range tags. Untagged pictures get the usual guess
    /// for their size (BT.709 for HD).
    var colorMatrix: ColorMatrix {
        let f = pointer.pointee
        let full = f.color_range == AVCOL_RANGE_JPEG || f.format == AV_PIX_FMT_YUVJ420P.rawValue
        let base: ColorMatrix
        switch f.colorspace {
        case AVCOL_SPC_BT709: base = .bt709
        case AVCOL_SPC_BT470BG, AVCOL_SPC_SMPTE170M, AVCOL_SPC_FCC: base = .bt601
        default: base = .standard(width: width, height: height)
        }
        return ColorMatrix(kr: base.kr, kb: base.kb, fullRange: full)
    }

    /// Names a `yuvj420p` picture as the equivalent `yuv420p` with a full-range tag: the same
    /// bytes, in the form encoders and swscale no longer warn about.
    func renameFullRangeFormat() {
        guard pointer.pointee.format == AV_PIX_FMT_YUVJ420P.rawValue else { return }
        pointer.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        pointer.pointee.color_range = AVCOL_RANGE_JPEG
    }

    /// Sets the presentation timestamp from FFmpeg's best guess (pts, else from dts); false when
    /// the picture has no timestamp at all.
    func adoptBestEffortTimestamp() -> Bool {
        let ts = bestEffortTimestamp
        guard ts != shim_AV_NOPTS_VALUE else { return false }
        pts = ts
        return true
    }
}

extension Frame {
    /// How long the picture lasts, in its stream's time base (0 when the decoder does not say).
    var durationTicks: Int64 { max(0, pointer.pointee.pkt_duration) }
}
