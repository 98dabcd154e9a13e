/// The drawing stage of a burn: for each picture of a recording, the show's state at its show
/// offset, as the director makes it from the manifest's schedule (a card from the first picture
/// at or after an offer's start, gone from the first picture at or after its end) and, given a
/// journal, the producer's commands at the offsets they were applied, alpha-blended in place.
/// The same director and drawing go-live uses, so a burn of an aired show shows what its
/// stream showed.
final class RecordingOverlay {
    private let drawing: ShowDrawing
    private let manifest: Manifest
    private var director: ShowDirector?
    /// Commands not applied yet, by offset.
    private var commands: ArraySlice<(offset: Double, command: ShowCommand)>
    /// Chat from a go-live chat log, by offset, not applied yet.
    private var chat: ArraySlice<(offset: Double, event: ChatEvent)>
    /// Offer ids that reached the screen.
    private(set) var offersShown = Set<String>()

    init(manifest: Manifest, commands: [(offset: Double, command: ShowCommand)] = [],
         chat: [(offset: Double, event: ChatEvent)] = []) throws {
        self.manifest = manifest
        self.commands = ArraySlice(commands.sorted { $0.offset < $1.offset })
        self.chat = ArraySlice(chat.sorted { $0.offset < $1.offset })
        drawing = try ShowDrawing(scenes: ShowScenes(manifest: manifest))
    }

    /// Draws what is on screen at show offset `t` onto `frame` (8-bit 4:2:0), making the frame's
    /// buffers writable first when something is drawn.
    func compose(onto frame: Frame, at t: Double) throws {
        let director = self.director ?? ShowDirector(manifest: manifest, start: min(t, commands.first?.offset ?? t))
        self.director = director
        var changes: [ShowDirector.Change] = []
        // Commands and chat in the order they were applied, as the aired show took them.
        while true {
            let command = commands.first.flatMap { $0.offset <= t ? $0 : nil }
            let said = chat.first.flatMap { $0.offset <= t ? $0 : nil }
            if let command, said.map({ command.offset <= $0.offset }) ?? true {
                commands.removeFirst()
                if case .success(let made) = director.apply(command.command, at: command.offset) { changes += made }
            } else if let said {
                chat.removeFirst()
                changes += director.receive(said.event, at: said.offset)
            } else {
                break
            }
        }
        changes += director.advance(to: t)
        for change in changes {
            if case .offerStarted(let offer, _) = change.event { offersShown.insert(offer.id) }
        }
        let state = director.state
        guard try drawing.update(to: state, width: frame.width, height: frame.height, matrix: frame.colorMatrix) else { return }
        try frame.makeWritable()
        drawing.draw(into: frame)
    }
}
