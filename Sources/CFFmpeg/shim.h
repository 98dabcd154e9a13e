// The C surface of FFmpeg that shopcast uses. Function-like macros do not import into Swift,
// so each one used is exposed here once, prefixed `shim_`.
#ifndef SHOPCAST_CFFMPEG_SHIM_H
#define SHOPCAST_CFFMPEG_SHIM_H

#include <errno.h>
#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavcodec/avcodec.h>
#include <libavdevice/avdevice.h>
#include <libavfilter/avfilter.h>
#include <libavutil/avutil.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/dict.h>
#include <libavutil/display.h>
#include <libavutil/error.h>
#include <libavutil/hmac.h>
#include <libavutil/imgutils.h>
#include <libavutil/log.h>
#include <libavutil/mathematics.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/samplefmt.h>
#include <libavutil/time.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>

static inline int shim_averror(int e) { return AVERROR(e); }
static const int shim_AVERROR_EOF = AVERROR_EOF;
static const int shim_AVERROR_EXIT = AVERROR_EXIT;
static const int shim_AVERROR_EAGAIN = AVERROR(EAGAIN);
static const int shim_AVERROR_ETIMEDOUT = AVERROR(ETIMEDOUT);
static const int shim_AVERROR_ENOSPC = AVERROR(ENOSPC);
static const int64_t shim_AV_NOPTS_VALUE = AV_NOPTS_VALUE;
static const int shim_AV_TIME_BASE = AV_TIME_BASE;
static inline AVRational shim_time_base_q(void) { AVRational q = {1, AV_TIME_BASE}; return q; }

/// Sets a stereo (or any default) channel layout on a codec context.
static inline void shim_set_default_layout(AVChannelLayout *layout, int channels) {
    av_channel_layout_default(layout, channels);
}

#endif
