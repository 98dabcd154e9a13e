import Foundation
import ShopcastCLI

let environment = ProcessInfo.processInfo.environment
let context = CommandContext(console: .standard(environment: environment), environment: environment,
                             currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), context: context).rawValue)
