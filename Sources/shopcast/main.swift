import Foundation
import ShopcastCLI

// A reader that goes away (a closed pipe, a dropped socket) is an error to handle, not a death.
signal(SIGPIPE, SIG_IGN)
let environment = ProcessInfo.processInfo.environment
let context = CommandContext(console: .standard(environment: environment), environment: environment,
                             currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), context: context).rawValue)
