import Foundation

/// The encoder thread of a `LiveSession`: frame by frame on the show's clock, the picture on
/// air (the input, its backup, or the holding slate), each rendition's drawing and encoding, the
/// sound, and the packets handed to the destination writers.
extension LiveSession {
    func encodeLoop() {
        do {
            try encode()
        } catch {
            lock.lock()
            encoderError = error
            let frames = framesEncoded
            lock.unlock()
            // The show is over all the same: the live offer ends (the shop closes the deal) and
            // commands are refused from now on.
            config.show?.finish(at: Double(frames) / Double(config.format.fps))
        }
        // The last packet is queued: inputs stop now, and the encoders and pictures go before
        // the destinations write their trailers (the writers copy the stream parameters, which
        // the encoders keep, should one still connect).
        clock.stop()
        for rendition in renditions {
            rendition.encoder.close()
            rendition.stage.releasePictures()
            rendition.lastPicture = nil
        }
        sound.encoder.close()
        dropQueuedMedia()
        lock.lock()
        encoderDone = true
        lock.unlock()
    }

    private func encode() throws {
        let fps = Int64(config.format.fps)
        let rate = Int64(OutputFormat.audioSampleRate)
        var index: Int64 = 0
        var watch = InputWatch()
        var cut = SourceSwitch()
        /// Why the picture is lost (while the watch holds), and the slate on air: why, since when.
        var loss: String?
        var slate: (reason: String, since: Double)?
        /// Catching up: how far behind it got, pictures repeated so far.
        var catchUp: (worst: Double, repeated: Int64)?
        var endAnnounced = false
        let duration = self.duration
        let pictureName = InputOpener.describe(videoReader.spec)
        var lastWake = -Double.infinity
        while true {
            let t = Double(index) / Double(fps)
            // What the frames queued since the last wake-up go out now, before the wait for
            // this one: every `wakeEvery` of stream (every other frame at 30 fps), so each
            // writer's thread, and the ingest behind it, wakes half as often as frames come.
            if t - lastWake >= LiveSession.wakeEvery - 1e-9 {
                for writer in writers { writer.wake() }
                lastWake = t
            }
            if let d = duration, t >= d - 1e-9 { setReason(.duration); break }
            let endedAt = videoReader.endTime
            if let end = endedAt, t >= end {
                // Without a set length the show is the input; with one, the slate holds until it.
                guard duration != nil else { setReason(.inputEnded); break }
                if !endAnnounced {
                    endAnnounced = true
                    events.publish(.inputEnded(input: pictureName))
                }
            }
            if isStopping || !clock.sleep(until: t + LiveSession.latency) {
                if endReasonIsDefault { setReason(.signal) }
                break
            }
            let behind = clock.elapsed - (t + LiveSession.latency)
            if behind > LiveSession.hopelessLag {
                // Even repeated pictures cannot catch up (the machine stalled): jump to real
                // time rather than fall further behind. Timestamps stay on the constant-rate
                // grid, with a hole; the skipped frames are counted.
                let skip = Int64(behind * Double(fps))
                index += skip
                let target = index * rate / fps
                sound.skip(to: target)
                lock.lock()
                skippedFrames += skip
                lock.unlock()
                events.publish(.encoderBehind(behind: (behind * 1000).rounded() / 1000, skippedFrames: skip))
                continue
            }
            // Behind the clock: the last picture goes out again (no drawing, and the encoder
            // makes near-empty frames of it) until the encoder is back on time, so timestamps
            // stay continuous, keyframes on their grid and the sound whole.
            if catchUp == nil, behind > LiveSession.maxLag { catchUp = (behind, 0) }
            if let c = catchUp, behind <= LiveSession.latency {
                events.publish(.encoderBehind(behind: (c.worst * 1000).rounded() / 1000, skippedFrames: c.repeated))
                catchUp = nil
            }
            if var c = catchUp, renditions.allSatisfy({ $0.lastPicture != nil }) {
                for rendition in renditions {
                    let again = try rendition.lastPicture!.reference()
                    again.pts = index
                    try send(again, to: rendition)
                }
                c.repeated += 1
                c.worst = max(c.worst, behind)
                catchUp = c
                lock.lock()
                skippedFrames += 1
                lock.unlock()
                try sound.encode(upTo: (index + 1) * rate / fps, underSlate: slate != nil, fromBackup: cut.onBackup, deliver: distribute)
                index += 1
                lock.lock()
                framesEncoded = index
                lock.unlock()
                continue
            }
            // The show's state for this frame: commands that arrived since the last one apply now.
            let state = config.show?.frame(at: t)
            // The backup stands in while the picture input is lost; both queues move on every
            // frame, so the one off air has no stale pictures when it comes back.
            var onAir = (reader: videoReader, pictures: videoQueue, endedAt: endedAt)
            if let backup {
                if let change = cut.update(t: t, primaryNewest: videoQueue.lastDelivered, primaryEnded: endedAt.map { t >= $0 } ?? false,
                                           backupNewest: backup.pictures.lastDelivered) {
                    announce(change, primary: pictureName, backup: InputOpener.describe(backup.reader.spec))
                }
                _ = (cut.onBackup ? videoQueue : backup.pictures).frame(at: t)
                if cut.onBackup { onAir = (backup.reader, backup.pictures, nil) }
            }
            let source = onAir.pictures.frame(at: t)
            if let change = watch.update(t: t, newest: onAir.pictures.lastDelivered, endedAt: onAir.endedAt) {
                loss = announce(change, reader: onAir.reader)
            }
            // The producer's break first; else the lost picture's.
            let reason = state?.slate == true ? "break" : loss
            if reason != slate?.reason { slate = putOnAir(reason, replacing: slate, at: t) }
            // Every rendition draws the same state on the same frame.
            for rendition in renditions {
                let picture = try rendition.stage.render(source, orientation: onAir.pictures.orientation, index: index, state: state,
                                                         slateSeconds: slate.map { Int(max(0, t - $0.since)) })
                rendition.lastPicture = picture
                try send(picture, to: rendition)
            }

            try sound.encode(upTo: (index + 1) * rate / fps, underSlate: slate != nil, fromBackup: cut.onBackup, deliver: distribute)
            index += 1
            lock.lock()
            framesEncoded = index
            lock.unlock()
        }
        if let slate { _ = putOnAir(nil, replacing: slate, at: Double(index) / Double(fps)) }
        // The show is over on the last frame: the live offer ends there, later commands are refused.
        config.show?.finish(at: Double(index) / Double(fps))
        for rendition in renditions { try send(nil, to: rendition) }
        distribute(try sound.finish())
        for writer in writers { writer.wake() }
    }

    /// The show cut to the backup input or back to the primary.
    private func announce(_ change: SourceSwitch.Change, primary: String, backup: String) {
        lock.lock()
        onBackup = change == .toBackup
        lock.unlock()
        switch change {
        case .toBackup: events.publish(.inputSwitched(to: "backup", input: backup))
        case .toPrimary: events.publish(.inputSwitched(to: "primary", input: primary))
        }
    }

    /// The picture on air (from `reader`) was lost or is back: its events, and why it was lost
    /// (nil: back).
    private func announce(_ change: InputWatch.Change, reader: InputReader) -> String? {
        let input = InputOpener.describe(reader.spec)
        switch change {
        case .lost:
            switch reader.health {
            case .lost, .retrying: return "input-lost"
            case .ended, .failed: return "input-ended"
            case .live:
                events.publish(.inputStalled(input: input))
                return "input-stalled"
            }
        case .back(let after):
            events.publish(.inputResumed(input: input, after: (after * 1000).rounded() / 1000))
            return nil
        }
    }

    /// The holding slate goes up (for `reason`), comes down (nil) or stays up for another
    /// reason: events, and the reason for the status line and the control API.
    private func putOnAir(_ reason: String?, replacing current: (reason: String, since: Double)?, at t: Double)
        -> (reason: String, since: Double)? {
        lock.lock()
        holding = reason
        lock.unlock()
        switch (reason, current) {
        case (let reason?, nil):
            events.publish(.slateStarted(reason: reason))
            return (reason, t)
        case (nil, let current?):
            events.publish(.slateEnded(seconds: ((t - current.since) * 1000).rounded() / 1000))
            return nil
        case (let reason?, let current?):
            return (reason, current.since)
        case (nil, nil):
            return nil
        }
    }

    private var isStopping: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopRequested
    }

    private var endReasonIsDefault: Bool {
        lock.lock(); defer { lock.unlock() }
        return endReason == .duration
    }

    private func setReason(_ reason: EndReason) {
        lock.lock()
        if endReason == .duration { endReason = reason }
        lock.unlock()
    }

    /// A picture (nil: the end) through a rendition's encoder, and its packets to its destinations.
    private func send(_ picture: Frame?, to rendition: Rendition) throws {
        try rendition.encoder.send(picture)
        let bytes = rendition.distribute(try rendition.encoder.drain())
        guard bytes > 0 else { return }
        lock.lock()
        bytesEncoded += bytes
        renditionBytes[rendition.index] += bytes
        lock.unlock()
    }

    /// The sound's packets to every destination.
    private func distribute(_ packets: [EncodedPacket]) {
        guard !packets.isEmpty else { return }
        var bytes = 0
        for packet in packets {
            bytes += packet.size
            for writer in writers { writer.enqueue(packet) }
        }
        lock.lock()
        bytesEncoded += bytes
        lock.unlock()
    }
}
