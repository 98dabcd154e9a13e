// The C surface of FFmpeg that shopcast uses. Function-like macros do not import into Swift,
// so each one used is exposed here once, prefixed `shim_`.
#ifndef SHOPCAST_CFFMPEG_SHIM_H
#define SHOPCAST_CFFMPEG_SHIM_H

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavcodec/avcodec.h>
// Only for LIBAVDEVICE_VERSION_MAJOR: libavdevice is loaded when an input needs it
// (CaptureDevices.swift), not linked.
#include <libavdevice/version_major.h>
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

/* The socket under an AVIOContext that avio_open2 opened for tcp, rtmp or rtmps, or -1.
 * FFmpeg exports no call for it (ffurl_get_file_handle is private), so this follows the leading
 * members of private structures of libavformat 59 (URLContext in url.h, TCPContext in tcp.c,
 * RTMPContext in rtmpproto.c, TLSShared in tls.h). Each step is checked against a class FFmpeg
 * exports before it is followed, and TLS's layout against its own option table; any mismatch,
 * or another libavformat major version, gives -1 and the caller counts only its own queue. */
typedef struct shim_url_head { const AVClass *av_class; const void *prot; void *priv_data; } shim_url_head;
typedef struct shim_tcp_head { const AVClass *av_class; int fd; } shim_tcp_head;
typedef struct shim_rtmp_head { const AVClass *av_class; const shim_url_head *stream; } shim_rtmp_head;
typedef struct shim_tls_head {
    const AVClass *av_class;
    char *ca_file; int verify; char *cert_file; char *key_file; int listen;
    char *host; char *http_proxy; char underlying_host[200]; int numerichost;
    const shim_url_head *tcp;
} shim_tls_head;

static inline int shim_avio_socket(const AVIOContext *pb) {
    if (LIBAVFORMAT_VERSION_MAJOR != 59 || (avformat_version() >> 16) != 59 || !pb) return -1;
    const shim_url_head *url = (const shim_url_head *)pb->opaque;
    for (int depth = 0; depth < 4; depth++) {
        if (!url || !url->av_class || !url->av_class->class_name || strcmp(url->av_class->class_name, "URLContext") != 0
            || !url->priv_data) return -1;
        const AVClass *cls = *(const AVClass *const *)url->priv_data;
        if (!cls) return -1;
        if (cls == avio_protocol_get_class("tcp")) return ((const shim_tcp_head *)url->priv_data)->fd;
        if (cls == avio_protocol_get_class("rtmp") || cls == avio_protocol_get_class("rtmps")) {
            url = ((const shim_rtmp_head *)url->priv_data)->stream;
        } else if (cls == avio_protocol_get_class("tls")) {
            const AVOption *ca = av_opt_find(&cls, "ca_file", NULL, 0, 0);
            const AVOption *proxy = av_opt_find(&cls, "http_proxy", NULL, 0, 0);
            if (!ca || !proxy || ca->offset != offsetof(shim_tls_head, ca_file)
                || proxy->offset != offsetof(shim_tls_head, http_proxy)) return -1;
            url = ((const shim_tls_head *)url->priv_data)->tcp;
        } else {
            return -1;
        }
    }
    return -1;
}

#endif
