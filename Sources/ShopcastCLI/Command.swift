/// A node of the command tree: a spec, and either a runner (a leaf) or children (a group such
/// as `schedule`, whose subcommands are `check`, `plan` ...).
public struct Command: @unchecked Sendable {
    public typealias Runner = (ParsedArguments, CommandContext) throws -> ExitCode

    public let spec: CommandSpec
    public let children: [Command]
    public let run: Runner?

    public init(_ spec: CommandSpec, run: @escaping Runner) {
        self.spec = spec
        self.children = []
        self.run = run
    }

    public init(group spec: CommandSpec, children: [Command]) {
        self.spec = spec
        self.children = children
        self.run = nil
    }

    public func child(named name: String) -> Command? { children.first { $0.spec.name == name } }
}
