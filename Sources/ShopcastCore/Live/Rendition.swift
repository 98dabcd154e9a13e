import Foundation

/// One output format of a live show: its video stage (scale, frame, draw the show) and its
/// own video encoder, and the destinations it feeds. Inputs are decoded once for every
/// rendition and the sound is encoded once; each rendition reads the same show state per
/// frame, so a change shows on the same frame in all of them.
final class Rendition {
    /// Its place among the show's renditions (for the per-rendition counters).
    let index: Int
    let spec: RenditionSpec
    let stage: VideoStage
    let encoder: Encoder
    let writers: [DestinationWriter]
    /// The picture last sent to the encoder, repeated while the encoder catches up.
    var lastPicture: Frame?

    init(index: Int, spec: RenditionSpec, stage: VideoStage, encoder: Encoder, writers: [DestinationWriter]) {
        self.index = index
        self.spec = spec
        self.stage = stage
        self.encoder = encoder
        self.writers = writers
    }

    var format: OutputFormat { spec.format }

    /// Its encoded video packets to each of its destinations; their bytes.
    func distribute(_ packets: [EncodedPacket]) -> Int {
        var bytes = 0
        for packet in packets {
            bytes += packet.size
            for writer in writers { writer.enqueue(packet) }
        }
        return bytes
    }
}
