import Foundation
import ShopcastCore

/// Runs `overlay INPUT -o OUTPUT`: loads the manifest, burns, shows progress, handles signals.
enum OverlayBurnRunner {
    static func run(_ options: OverlayOptions.Burn, options all: OverlayOptions, context: CommandContext) throws -> ExitCode {
        let manifest = try ManifestOption.load(context.resolvePath(all.manifest), context: context)
        let input = context.resolvePath(options.input), output = context.resolvePath(options.output)
        let journal = try options.journal.map { file -> ShowJournal.Contents in
            guard let data = FileManager.default.contents(atPath: context.resolvePath(file)) else {
                throw ShopcastError(.noInput, "cannot read the journal \(file)")
            }
            return try ShowJournal.read(data, path: file, showTitle: manifest.show.title)
        }
        let chat = try options.chatLog.map { file -> [(offset: Double, event: ChatEvent)] in
            guard let data = FileManager.default.contents(atPath: context.resolvePath(file)) else {
                throw ShopcastError(.noInput, "cannot read the chat log \(file)")
            }
            return try ChatLog.read(data, path: file)
        } ?? []
        // A recording made by the go-live run that wrote the journal starts where its stream did.
        let start = options.startGiven ? options.startOffset : journal?.start ?? options.startOffset
        let burn = try OverlayBurn(job: OverlayBurn.Job(input: input, output: output, startOffset: start,
                                                        video: options.video, commands: journal?.commands ?? [], chat: chat),
                                   manifest: manifest)
        if !burn.leftOut.isEmpty {
            context.console.warning("\(options.input): \(burn.leftOut.joined(separator: ", ")) will not be in \(options.output): shopcast overlay keeps the picture and every audio stream only")
        }
        if burn.timestampShift > 0.0005 {
            let ms = String(format: "%.1f", burn.timestampShift * 1000)
            context.console.warning("\(options.input): a stream starts \(ms) ms before zero, so every stream of \(options.output) is moved \(ms) ms later (they stay in sync)")
        }
        let bar = OverlayProgressBar(console: context.console, quiet: all.quiet)
        let signals = SignalWatcher { count in
            if count == 1 {
                bar.note("stopping: finishing \(options.output) with what is encoded so far (signal again to quit and delete it)")
                burn.requestStop()
            } else {
                // The muxer may be mid-write: the file cannot be finished now, so it must not be left looking whole.
                unlink(output)
                bar.note("quitting at once: \(options.output) deleted")
                _exit(ExitCode.interrupted.rawValue)
            }
        }
        defer { signals.cancel() }
        let summary: BurnSummary
        do {
            summary = try burn.run { bar.update($0) }
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        let p = summary.progress
        var facts = ["\(ClockText.string(p.position)) of video", "\(p.frames) frames",
                     "\(summary.offersShown) offer\(summary.offersShown == 1 ? "" : "s") drawn"]
        facts.append(summary.audioStreams == 0 ? "no audio" : "audio copied")
        facts.append(String(format: "%.1fx real time", p.speed))
        if summary.skippedFrames > 0 { facts.append("\(summary.skippedFrames) frames without a usable timestamp left out") }
        if summary.damagedPackets > 0 { facts.append("\(summary.damagedPackets) damaged packets skipped") }
        if summary.stopped {
            bar.note("stopped: \(options.output) is complete up to \(ClockText.string(p.position)) and plays (\(facts.joined(separator: ", ")))")
            return .interrupted
        }
        bar.note("wrote \(options.output) (\(facts.joined(separator: ", ")))")
        if summary.offersShown == 0, let first = Timeline(manifest).offers.first, journal?.commands.isEmpty ?? true {
            context.console.warning("no offer was drawn: \(options.output) covers \(DurationValue.format(start))–\(DurationValue.format(start + p.position)) of the show "
                + "and its first offer, '\(first.id)', starts at \(DurationValue.format(first.start)); give --start OFFSET if the recording began later in the show")
        }
        return .success
    }
}
